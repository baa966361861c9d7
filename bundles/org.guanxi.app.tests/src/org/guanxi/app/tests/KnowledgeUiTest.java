package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.service.api.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** An agent writes a knowledge-base article from a case's search, and finds it at once. */
class KnowledgeUiTest {

    private static final String TITLE = "扫地机器人无法回充的处理方法";

    @Test
    void anArticleWrittenFromACaseIsFoundAtOnce() throws Exception {
        Ui.inWorkbench(KnowledgeUiTest::check);
    }

    private static void check(Shell shell) {
        Ui.showPerspective("org.guanxi.service.ui.perspective.desk");
        Ui.activatePart("org.guanxi.service.ui.part.desk");
        Table list = Ui.await(shell, "desk.cases");
        Ui.waitUntil("the demo cases", 120, () -> list.getItemCount() > 0);
        list.setSelection(0);
        Ui.fire(list, org.eclipse.swt.SWT.Selection);
        Button search = Ui.byId(shell, "detail.knowledge");
        Ui.waitUntil("a case at work", 10, search::isEnabled);

        boolean[] found = { false };
        shell.getDisplay().timerExec(800, () -> {
            Shell dialog = Ui.dialog(shell);
            shell.getDisplay().timerExec(800, () -> {
                Shell editor = Ui.dialog(shell);
                ((Text) Ui.byId(editor, "article.title")).setText(TITLE);
                ((Text) Ui.byId(editor, "article.body")).setText("1. 清洁充电座触点；2. 将机器放回充电座 3 秒后自动回充；3. 仍不行请报修。");
                ((Text) Ui.byId(editor, "article.tags")).setText("回充 充电 扫地机");
                Ui.click(Ui.button(editor, "OK"));
            });
            Ui.click(Ui.<Button>byId(dialog, "knowledge.new"));
            Table hits = Ui.byId(dialog, "knowledge.hits");
            found[0] = hits.getItemCount() > 0 && hits.getItem(0).getText(0).equals(TITLE);
            Ui.click(Ui.button(dialog, "Cancel"));
        });
        Ui.click(search);
        Ui.waitUntil("the knowledge dialog closed", 30, () -> Ui.dialogs(shell) == 0);
        assertTrue(found[0], "the new article heads the search for its title");
        assertTrue(Ui.service(KnowledgeBase.class).search("回充", 5).stream().anyMatch(h -> h.title().equals(TITLE)));
    }
}
