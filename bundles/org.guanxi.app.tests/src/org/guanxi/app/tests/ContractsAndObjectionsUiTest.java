package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/** Contracts: the list and its renewals-due filter; objections: one logged through the dialog is counted. */
class ContractsAndObjectionsUiTest {

    @Test
    void theContractListFiltersRenewalsDue() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.sales.ui.perspective.contracts");
        try {
            Table table = Ui.await(shell, "contracts.table");
            Ui.waitUntil("the demo contracts", 10, () -> table.getItemCount() > 0);
            int all = table.getItemCount();
            Combo filter = Ui.byId(shell, "contracts.filter");
            filter.select(1);
            Ui.fire(filter, SWT.Selection);
            assertTrue(table.getItemCount() < all, "renewals due are a part of all contracts");
            for (int i = 0; i < table.getItemCount(); i++) {
                assertEquals("Active", table.getItem(i).getText(3));
            }
            filter.select(0);
            Ui.fire(filter, SWT.Selection);
            table.setSelection(0);
            Ui.fire(table, SWT.Selection);
            Ui.screenshot(shell, "contracts.png");
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    @Test
    void aLoggedObjectionIsCounted() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.sales.ui.perspective.objections");
        try {
            Label summary = Ui.await(shell, "objections.summary");
            Table byKind = Ui.byId(shell, "objections.byKind");
            assertEquals(7, byKind.getItemCount(), "every type, even without objections");
            int before = count(summary);
            Display display = shell.getDisplay();
            boolean[] answered = { false };
            display.timerExec(800, () -> {
                Shell dialog = Arrays.stream(display.getShells()).filter(s -> s != shell && s.isVisible()).reduce((a, b) -> b)
                        .orElseThrow();
                ((Text) Ui.byId(dialog, "objection.customer.search")).setText("C0000001");
                ((Combo) Ui.byId(dialog, "objection.kind")).select(1);
                ((Text) Ui.byId(dialog, "objection.statement")).setText("比别家贵了 8%");
                ((Combo) Ui.byId(dialog, "objection.outcome")).select(0);
                Ui.screenshot(dialog, "objection-dialog.png");
                Ui.click(ok(dialog));
                answered[0] = true;
            });
            Ui.click(Ui.byId(shell, "objections.log"));
            Ui.waitUntil("the objection dialog to be answered", 30, () -> answered[0]);
            Ui.waitUntil("the objection to be counted", 10, () -> count(summary) == before + 1);
            Ui.screenshot(shell, "objections.png");
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    private static int count(Label summary) {
        Matcher m = Pattern.compile("(\\d+) objection").matcher(summary.getText());
        return m.find() ? Integer.parseInt(m.group(1)) : summary.getText().startsWith("no ") || summary.getText().contains("· no ") ? 0 : -1;
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
