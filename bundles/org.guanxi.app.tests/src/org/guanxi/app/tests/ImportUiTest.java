package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.guanxi.customer.ui.ImportDialog;
import org.junit.jupiter.api.Test;

/**
 * Customers → Import…: the dialog proposes the mapping from Chinese headers, refuses a file with a bad line naming it,
 * and imports the corrected file. (The file is handed to the dialog as the file chooser would.)
 */
class ImportUiTest {

    @Test
    void aBadFileIsRefusedWithItsLineAndTheCorrectedOneImported() throws Exception {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        Path bad = Files.createTempFile("客户", ".csv");
        Files.writeString(bad, "客户名称,手机,邮箱\n导入测试甲,13700001111,jia@example.cn\n导入测试乙,13700002222,不是邮箱\n",
                StandardCharsets.UTF_8);
        Path good = Files.createTempFile("客户", ".csv");
        Files.writeString(good, "客户名称,手机,邮箱\n导入测试甲,13700001111,jia@example.cn\n导入测试乙,13700002222,yi@example.cn\n",
                StandardCharsets.UTF_8);
        Display display = shell.getDisplay();
        String[] seen = new String[3];
        display.timerExec(800, () -> {
            Shell dialogShell = Arrays.stream(display.getShells()).filter(s -> s != shell && s.isVisible()).findFirst().orElseThrow();
            ImportDialog dialog = (ImportDialog) dialogShell.getData();
            Label status = Ui.byId(dialogShell, "import.status");
            dialog.load(bad);
            seen[0] = ((Combo) Ui.byId(dialogShell, "import.map.2")).getText();
            Ui.click(Ui.byId(dialogShell, "import.run"));
            Ui.waitUntil("the refusal", 30, () -> status.getText().contains("Nothing was imported"));
            Table problems = Ui.byId(dialogShell, "import.problems");
            seen[1] = problems.getItem(0).getText(0) + "|" + problems.getItem(0).getText(1);
            Ui.screenshot(dialogShell, "import-refused.png");
            dialog.load(good);
            Ui.click(Ui.byId(dialogShell, "import.run"));
            Ui.waitUntil("the import", 30, () -> status.getText().contains("customers imported"));
            seen[2] = status.getText();
            Ui.screenshot(dialogShell, "import-done.png");
            dialog.close();
        });
        Ui.click(Ui.byId(shell, "customer.import"));
        Ui.waitUntil("the import dialog to be worked through", 60, () -> seen[2] != null);
        assertEquals("E-mail", seen[0], "the e-mail column is proposed from its Chinese header");
        assertEquals("3|邮箱", seen[1], "the bad line and column are named");
        assertTrue(seen[2].startsWith("2 customers imported from 2 lines"), seen[2]);
    }
}
