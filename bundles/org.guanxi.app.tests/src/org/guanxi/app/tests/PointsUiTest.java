package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.event.Topics;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.LoyaltyService;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** A caller's points at the agent desk: the account and statement shown, points redeemed while they are on the line. */
class PointsUiTest {

    @Test
    void aCallersPointsAreRedeemedAtTheDesk() throws Exception {
        Ui.inWorkbench(PointsUiTest::check);
    }

    private static void check(Shell shell) {
        LoyaltyService loyalty = Ui.service(LoyaltyService.class);
        CustomerService customers = Ui.service(CustomerService.class);
        Ui.waitUntil("demo points", 120, () -> customers.find("C00000", 0, 50).stream()
                .anyMatch(c -> c.phone() != null && loyalty.account(c.id()).balance() >= 500));
        CustomerRow member = customers.find("C00000", 0, 50).stream()
                .filter(c -> c.phone() != null && loyalty.account(c.id()).balance() >= 500).findFirst().orElseThrow();
        int before = loyalty.account(member.id()).balance();

        Ui.showPerspective("org.guanxi.service.ui.perspective.desk");
        Ui.activatePart("org.guanxi.service.ui.part.desk");
        Ui.await(shell, "desk.cases");
        Ui.service(EventAdmin.class).postEvent(new Event(Topics.CALL_INCOMING, Map.of(Topics.PROPERTY_PHONE, member.phone())));
        Label caller = Ui.byId(shell, "desk.caller");
        Ui.waitUntil("the caller on the desk", 20, () -> caller.getText().contains(member.name()));
        // the 360° view pops for the call; the agent goes back to the desk after it
        Label title = Ui.await(shell, "c360.title");
        Ui.waitUntil("the screen pop", 20, () -> title.isVisible() && title.getText().startsWith(member.name()));
        Ui.showPerspective("org.guanxi.service.ui.perspective.desk");
        Ui.activatePart("org.guanxi.service.ui.part.desk");

        boolean[] done = { false };
        shell.getDisplay().timerExec(800, () -> {
            Shell dialog = Ui.dialog(shell);
            Label account = Ui.byId(dialog, "points.account");
            assertTrue(account.getText().contains(String.format("%,d", before)), account.getText());
            ((Spinner) Ui.byId(dialog, "points.amount")).setSelection(300);
            ((Text) Ui.byId(dialog, "points.redeemNote")).setText("电影票两张");
            Ui.click(Ui.<Button>byId(dialog, "points.redeemButton"));
            Table entries = Ui.byId(dialog, "points.entries");
            assertTrue(entries.getItem(entries.getItemCount() - 1).getText(4).equals("电影票两张"), "the redemption on the statement");
            Ui.screenshot(dialog, "points.png");
            Ui.click(Ui.button(dialog, org.eclipse.jface.dialogs.IDialogConstants.CLOSE_LABEL));
            done[0] = true;
        });
        Ui.click(Ui.<Button>await(shell, "desk.points"));
        Ui.waitUntil("the points dialog", 30, () -> done[0]);
        assertEquals(before - 300, loyalty.account(member.id()).balance());
        assertTrue(loyalty.unbalanced().isEmpty(), "the ledger still balances");
    }
}
