package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Screen pop in the real workbench: a call comes in from a number written differently from the stored one, the 360°
 * view comes to the front with the caller's customer and everything about it; the agent logs the call and looks up
 * another customer by name.
 */
class Customer360UiTest {

    private static <T> T service(Class<T> type) {
        BundleContext bc = FrameworkUtil.getBundle(Customer360UiTest.class).getBundleContext();
        return bc.getService(bc.getServiceReference(type));
    }

    @Test
    void anIncomingCallPopsTheCustomerWithEverythingAboutIt() throws Exception {
        Ui.inWorkbench(Customer360UiTest::check);
    }

    private static void check(Shell shell) throws Exception {
        Ui.waitUntil("demo data", 90, () -> count("SELECT COUNT(*) FROM CUSTOMER WHERE ID IN (SELECT CUSTOMER_ID FROM SALES_ORDER)") > 0);
        String[] caller = callerWithContactsAndOrders();
        // stored as "+86 138 1234 5678"; the caller id delivers "008613812345678"
        String callerId = "0086" + caller[2].replaceAll("\\D", "").substring(2);
        int interactionsBefore = (int) count("SELECT COUNT(*) FROM INTERACTION WHERE CUSTOMER_ID = " + caller[0]);

        service(EventAdmin.class).postEvent(new Event(Topics.CALL_INCOMING, Map.of(Topics.PROPERTY_PHONE, callerId)));

        Label title = Ui.await(shell, "c360.title");
        Ui.waitUntil("the screen pop", 20, () -> title.isVisible() && title.getText().startsWith(caller[1]));
        Text lookup = Ui.byId(shell, "c360.lookup");
        assertEquals(callerId, lookup.getText());
        Table hits = Ui.byId(shell, "c360.hits");
        assertEquals(1, hits.getItemCount(), "an exact number finds one customer");
        assertTrue(((Table) Ui.byId(shell, "c360.contactTable")).getItemCount() > 0, "contacts are shown");
        assertTrue(((Table) Ui.byId(shell, "c360.orderTable")).getItemCount() > 0, "orders are shown");
        assertTrue(((Table) Ui.byId(shell, "c360.careTable")).getItemCount() > 0, "care dates (at least the holidays)");
        assertTrue(((Label) Ui.byId(shell, "c360.channels")).getText().contains(caller[2]), "phones are shown");
        assertTrue(((Label) Ui.byId(shell, "c360.figures")).getText().contains("order"));

        Table timeline = Ui.byId(shell, "c360.timelineTable");
        int rows = timeline.getItemCount();
        Text note = Ui.byId(shell, "c360.callNote");
        note.setText("Asked about delivery of the last order");
        Ui.click(Ui.<Button>byId(shell, "c360.logCall"));
        Ui.waitUntil("the call on the timeline", 10, () -> timeline.getItemCount() == Math.min(rows + 1, 50));
        assertEquals("Asked about delivery of the last order", timeline.getItem(0).getText(2));
        assertEquals(interactionsBefore + 1, count("SELECT COUNT(*) FROM INTERACTION WHERE CUSTOMER_ID = " + caller[0]));
        Ui.screenshot(shell, "customer-360.png");

        // a name prefix lists candidates; the first is shown
        lookup.setText(caller[1].substring(0, 1));
        Ui.fire(lookup, SWT.DefaultSelection);
        Ui.waitUntil("candidates", 10, () -> hits.getItemCount() > 1);
        assertTrue(title.getText().startsWith(hits.getItem(0).getText(0)), title.getText());
    }

    private static long count(String sql) {
        try (Connection c = service(Database.class).dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] callerWithContactsAndOrders() throws Exception {
        try (Connection c = service(Database.class).dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT c.ID, c.NAME, c.PHONE FROM CUSTOMER c WHERE c.PHONE LIKE '+86 1%' "
                        + "AND EXISTS (SELECT 1 FROM CONTACT k WHERE k.CUSTOMER_ID = c.ID) "
                        + "AND EXISTS (SELECT 1 FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID) ORDER BY c.ID")) {
            assertTrue(rs.next(), "a demo customer with contacts and orders");
            return new String[] { rs.getString(1), rs.getString(2), rs.getString(3) };
        }
    }
}
