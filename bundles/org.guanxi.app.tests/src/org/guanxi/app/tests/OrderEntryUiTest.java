package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/**
 * Order entry: pick a customer and a product that is in stock, see its availability, confirm — the order is listed
 * as confirmed with exactly one message queued for the ERP.
 */
class OrderEntryUiTest {

    @Test
    void anOrderIsEnteredWithItsAvailabilityAndConfirmedForTheErp() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.sales.ui.perspective.orders");
        try {
            Table orders = Ui.await(shell, "orders.table");
            Ui.waitUntil("the demo orders", 90, () -> orders.getItemCount() > 0);
            Display display = shell.getDisplay();
            String[] available = { "" };
            String[] customerName = { "" };
            String[] amount = { "" };
            String[] failure = { null };
            boolean[] done = { false };
            display.timerExec(800, () -> {
                try {
                    Shell dialog = Arrays.stream(display.getShells()).filter(s -> s != shell && s.isVisible()).reduce((a, b) -> b)
                            .orElseThrow();
                    ((Text) Ui.byId(dialog, "order.customer.search")).setText("C0000001");
                    Combo customer = Ui.byId(dialog, "order.customer");
                    assertTrue(customer.getItemCount() > 0, "the customer is found by code");
                    // "C0000001  name（city）"
                    customerName[0] = customer.getText().substring(10).replaceAll("（.*", "");
                    Combo product = Ui.byId(dialog, "lines.product");
                    Spinner quantity = Ui.byId(dialog, "lines.quantity");
                    Table lines = Ui.byId(dialog, "lines.table");
                    quantity.setSelection(2);
                    // the first product with enough stock: a short one would be shown in red
                    for (int i = 0; i < product.getItemCount(); i++) {
                        product.select(i);
                        Ui.click(Ui.byId(dialog, "lines.add"));
                        TableItem line = lines.getItem(lines.getItemCount() - 1);
                        if (line.getForeground(7).equals(display.getSystemColor(SWT.COLOR_RED)) || line.getText(7).startsWith("(")) {
                            lines.setSelection(lines.getItemCount() - 1);
                            Ui.fire(lines, SWT.Selection);
                            Ui.click(Ui.byId(dialog, "lines.remove"));
                            continue;
                        }
                        available[0] = line.getText(7);
                        amount[0] = line.getText(6);
                        break;
                    }
                    Ui.screenshot(dialog, "order-entry.png");
                    Ui.click((Button) Ui.byId(dialog, "order.confirm"));
                } catch (RuntimeException | AssertionError e) {
                    failure[0] = String.valueOf(e);
                } finally {
                    done[0] = true;
                }
            });
            Ui.click(Ui.byId(shell, "orders.new"));
            Ui.waitUntil("the order dialog to be answered", 60, () -> done[0]);
            assertEquals(null, failure[0]);
            assertFalse(available[0].isEmpty(), "availability is shown for the line");

            // the customer's orders: the new one is the one with this amount, entered by the signed-in user
            ((Text) Ui.byId(shell, "orders.search")).setText(customerName[0]);
            int[] row = { -1 };
            Ui.waitUntil("the new order in the list", 10, () -> {
                for (int i = 0; i < orders.getItemCount(); i++) {
                    if (orders.getItem(i).getText(4).equals(amount[0]) && orders.getItem(i).getText(1).equals(customerName[0])
                            && orders.getItem(i).getText(6).equals(System.getProperty("user.name"))) {
                        row[0] = i;
                        return true;
                    }
                }
                return false;
            });
            orders.setSelection(row[0]);
            Ui.fire(orders, SWT.Selection);
            TableItem created = orders.getItem(row[0]);
            assertEquals("Confirmed", created.getText(3), created.getText(0));
            Table lines = Ui.byId(shell, "orders.lines");
            ((org.eclipse.swt.widgets.TabFolder) lines.getParent()).setSelection(4);
            Table messages = Ui.await(shell, "orders.messages");
            Ui.waitUntil("the message to the ERP", 10, () -> messages.getItemCount() == 1);
            assertEquals("Order confirmed", messages.getItem(0).getText(0));
            // queued; the workbench runs the routes and the fake ERP, so it may have been sent already
            assertTrue(java.util.List.of("Pending", "Sent").contains(messages.getItem(0).getText(1)), messages.getItem(0).getText(1));
            Ui.screenshot(shell, "orders.png");
            ((Text) Ui.byId(shell, "orders.search")).setText("");
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }
}
