package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/** A deal entered with the opportunity dialog shows in the pipeline's list, found by its name. */
class DealListUiTest {

    @Test
    void aNewDealIsListed() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.sales.ui.perspective.pipeline");
        try {
            Combo view = Ui.await(shell, "pipeline.view");
            view.select(1);
            Ui.fire(view, SWT.Selection);
            Table list = Ui.await(shell, "pipeline.list");
            Display display = shell.getDisplay();
            boolean[] answered = { false };
            display.timerExec(800, () -> {
                Shell dialog = Arrays.stream(display.getShells()).filter(s -> s != shell && s.isVisible()).reduce((a, b) -> b)
                        .orElseThrow();
                ((Text) Ui.byId(dialog, "deal.name")).setText("智能仓储二期 UI");
                ((Text) Ui.byId(dialog, "deal.customer.search")).setText("C0000002");
                ((Text) Ui.byId(dialog, "deal.amount")).setText("880000");
                ((Text) Ui.byId(dialog, "deal.competitors")).setText("海康, 大华");
                Ui.screenshot(dialog, "deal-dialog.png");
                Ui.click(ok(dialog));
                answered[0] = true;
            });
            Ui.click(Ui.byId(shell, "pipeline.new"));
            Ui.waitUntil("the deal dialog to be answered", 30, () -> answered[0]);
            Text search = Ui.byId(shell, "pipeline.search");
            search.setText("智能仓储二期");
            Ui.waitUntil("the new deal to be listed", 10, () -> list.getItemCount() == 1);
            assertEquals("Prospecting", list.getItem(0).getText(3));
            Ui.screenshot(shell, "deal-list.png");
            search.setText("");
            view.select(0);
            Ui.fire(view, SWT.Selection);
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    private static Button ok(Composite c) {
        for (Control child : c.getChildren()) {
            if (child instanceof Button b && "OK".equals(b.getText())) {
                return b;
            }
            if (child instanceof Composite comp) {
                Button found = ok(comp);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
