package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Tier;
import org.guanxi.core.db.Database;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.ServiceLevelService.ServiceLevel;
import org.guanxi.core.service.WorkingCalendarService;
import org.junit.jupiter.api.Test;

/** The service manager changes a service level and enters a calendar day; open cases follow at once. */
class ServiceSettingsUiTest {

    @Test
    void aServiceLevelAndACalendarDayAreChanged() {
        Shell shell = Ui.mainShell();
        ServiceLevelService levels = Ui.service(ServiceLevelService.class);
        ServiceLevel original = levels.levels().get(0);
        try {
            check(shell, levels, original);
        } finally {
            levels.setLevel(original);
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    @Test
    void aServiceManagerApprovesAnAgentsPointsGrant() {
        Shell shell = Ui.mainShell();
        Database db = Ui.service(Database.class);
        LoyaltyService loyalty = Ui.service(LoyaltyService.class);
        long customer = db.jdbc(c -> {
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT MIN(ID) FROM CUSTOMER")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        // an agent's grant above the limit, as the agent's desktop leaves it
        db.jdbcTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO POINTS_REQUEST (CUSTOMER_ID, POINTS, NOTE, "
                    + "STATUS, REQUESTED_BY, REQUESTED_AT) VALUES (?, 1234, '错发货致歉', 'PENDING', 'agent.ui', ?)")) {
                ps.setLong(1, customer);
                ps.setTimestamp(2, java.sql.Timestamp.from(AppClock.now()));
                return ps.executeUpdate();
            }
        });
        int before = loyalty.account(customer).balance();
        try {
            Ui.showPerspective("org.guanxi.service.ui.perspective.serviceSettings");
            CTabFolder tabs = Ui.await(shell, "settings.tabs");
            tabs.setSelection(tabs.getItemCount() - 1);
            Table pending = Ui.byId(shell, "approvals.pending");
            Ui.waitUntil("the request to be listed", 10, () -> pending.getItemCount() == 1);
            assertEquals("1,234", pending.getItem(0).getText(2));
            assertEquals("agent.ui", pending.getItem(0).getText(3));
            pending.setSelection(0);
            Ui.fire(pending, org.eclipse.swt.SWT.Selection);
            Ui.screenshot(shell, "points-approvals.png");
            Ui.click(Ui.<Button>byId(shell, "approvals.approve"));
            assertEquals(0, pending.getItemCount());
            assertEquals(before + 1234, loyalty.account(customer).balance());
            tabs.setSelection(0);
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    private static void check(Shell shell, ServiceLevelService levels, ServiceLevel original) {
        Ui.showPerspective("org.guanxi.service.ui.perspective.serviceSettings");
        Table table = Ui.await(shell, "settings.levels");
        assertEquals(16, table.getItemCount(), "four tiers × four priorities");
        table.setSelection(0);
        Ui.fire(table, org.eclipse.swt.SWT.Selection);
        Spinner resolution = Ui.byId(shell, "settings.resolution");
        assertEquals(original.resolution().toMinutes(), resolution.getSelection());
        resolution.setSelection((int) original.resolution().toMinutes() + 60);
        Ui.screenshot(shell, "service-settings.png");
        shell.getDisplay().timerExec(800, () -> Ui.click(Ui.button(Ui.dialog(shell), "OK")));
        Ui.click(Ui.<Button>byId(shell, "settings.saveLevel"));
        ServiceLevel changed = levels.level(original.tier(), original.priority());
        assertEquals(original.resolution().plus(Duration.ofMinutes(60)), changed.resolution());
        assertEquals(Tier.VIP, changed.tier());
        assertEquals(CasePriority.values()[0], changed.priority());

        CTabFolder tabs = Ui.byId(shell, "settings.tabs");
        tabs.setSelection(1);
        Table days = Ui.byId(shell, "settings.days");
        // the product ships the State Council's notice for 2026: its holidays and worked weekend days
        ((Spinner) Ui.byId(shell, "settings.year")).setSelection(2026);
        Ui.fire(Ui.byId(shell, "settings.year"), org.eclipse.swt.SWT.Selection);
        assertTrue(days.getItemCount() > 30, "the 2026 notice: holidays and worked weekend days");
        int year = AppClock.today().getYear() + 3;
        ((Spinner) Ui.byId(shell, "settings.year")).setSelection(year);
        Ui.fire(Ui.byId(shell, "settings.year"), org.eclipse.swt.SWT.Selection);
        ((org.eclipse.swt.widgets.DateTime) Ui.byId(shell, "settings.day")).setDate(year, 0, 1);
        ((org.eclipse.swt.widgets.Text) Ui.byId(shell, "settings.dayName")).setText("元旦");
        shell.getDisplay().timerExec(800, () -> Ui.click(Ui.button(Ui.dialog(shell), "OK")));
        Ui.click(Ui.<Button>byId(shell, "settings.saveDay"));
        assertEquals(1, days.getItemCount());
        assertTrue(Ui.service(WorkingCalendarService.class).days(year).stream().anyMatch(d -> !d.working() && "元旦".equals(d.name())));
        shell.getDisplay().timerExec(800, () -> Ui.click(Ui.button(Ui.dialog(shell), "OK")));
        Ui.click(Ui.<Button>byId(shell, "settings.removeDay"));
        assertEquals(0, days.getItemCount());
    }
}
