package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.WinBackStatus;
import org.guanxi.core.service.ChurnService;
import org.junit.jupiter.api.Test;

/** Retention: the demo's customers at risk and open win-backs are listed; an agent records one as won back. */
class RetentionUiTest {

    @Test
    void anAgentRecordsAWinBack() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.service.ui.perspective.retention");
        try {
            Table rates = Ui.await(shell, "retention.rates");
            Table winBacks = Ui.byId(shell, "retention.winBacks");
            Table risks = Ui.byId(shell, "retention.risks");
            Ui.waitUntil("the demo's figures", 120, () -> rates.getItemCount() > 1);
            if (winBacks.getItemCount() == 0) {
                // the desk may have been created before the demo's win-backs: open them here
                shell.getDisplay().timerExec(800, () -> Ui.click(Ui.button(Ui.dialog(shell), "OK")));
                Ui.click(Ui.<Button>byId(shell, "retention.generate"));
            }
            Ui.waitUntil("open win-backs", 20, () -> winBacks.getItemCount() > 0);
            assertTrue(risks.getItemCount() > 0, "customers at risk are listed");
            long chosen = ((ChurnService.WinBack) winBacks.getItem(0).getData()).id();
            winBacks.setSelection(0);
            Ui.fire(winBacks, SWT.Selection);
            boolean[] answered = { false };
            shell.getDisplay().timerExec(800, () -> {
                Shell dialog = Ui.dialog(shell);
                for (org.eclipse.swt.widgets.Control c : dialog.getChildren()) {
                    find(c);
                }
                Ui.click(Ui.button(dialog, "OK"));
                answered[0] = true;
            });
            Ui.click(Ui.<Button>byId(shell, "retention.won"));
            Ui.waitUntil("the outcome dialog", 20, () -> answered[0]);
            ChurnService.WinBack recorded = Ui.service(ChurnService.class).winBacks(WinBackStatus.WON_BACK, 100_000).stream()
                    .filter(w -> w.id() == chosen).findFirst().orElseThrow(() -> new AssertionError("not recorded as won back"));
            assertEquals("回访后已重新下单", recorded.note());
            Ui.screenshot(shell, "retention.png");
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    /** Types the note into the dialog's text field. */
    private static void find(org.eclipse.swt.widgets.Control c) {
        if (c instanceof Text t) {
            t.setText("回访后已重新下单");
        } else if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                find(child);
            }
        }
    }
}
