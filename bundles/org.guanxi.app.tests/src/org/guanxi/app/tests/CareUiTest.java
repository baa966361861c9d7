package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

/** Care plans: change a rule, plan the coming month, see the tasks due and mark one done. */
class CareUiTest {

    @Test
    void planningTheMonthListsTheTasksDue() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.customer.ui.perspective.care");
        try {
            Label status = Ui.await(shell, "care.status");
            Button dragonBoat = Ui.byId(shell, "care.enabled.DRAGON_BOAT");
            boolean was = dragonBoat.getSelection();
            dragonBoat.setSelection(!was);
            Ui.click(Ui.byId(shell, "care.save"));
            assertTrue(status.getText().startsWith("Rules saved"), status.getText());
            dragonBoat.setSelection(was);
            Ui.click(Ui.byId(shell, "care.save"));

            Button plan = Ui.byId(shell, "care.plan");
            Ui.click(plan);
            Ui.waitUntil("the planning job", 60, () -> plan.isEnabled() && status.getText().contains("new tasks"));
            Table due = Ui.byId(shell, "care.tasks");
            Ui.screenshot(shell, "care.png");
            if (due.getItemCount() > 0) {
                int before = due.getItemCount();
                due.setSelection(0);
                Ui.click(Ui.byId(shell, "care.done"));
                assertTrue(due.getItemCount() == before - 1, "a done task leaves the list");
            }
            assertFalse(status.getText().isEmpty());
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }
}
