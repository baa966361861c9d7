package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.db.Database;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Inside the real workbench: search the customer list, open a customer, edit and save it, see the change in the
 * database; then break a rule and see the message instead of a save.
 */
class CustomerWorkflowUiTest {

    private static <T> T service(Class<T> type) {
        BundleContext bc = FrameworkUtil.getBundle(CustomerWorkflowUiTest.class).getBundleContext();
        return bc.getService(bc.getServiceReference(type));
    }

    private static String[] customerInDatabase(String code) throws SQLException {
        try (Connection c = service(Database.class).dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT NAME, PHONE, EMAIL FROM CUSTOMER WHERE CODE = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "customer " + code + " exists");
                return new String[] { rs.getString(1), rs.getString(2), rs.getString(3) };
            }
        }
    }

    @Test
    void searchEditSaveAndSeeTheChangeInTheDatabase() throws Exception {
        Shell shell = Ui.mainShell();
        Table table = showAllCustomers(shell);
        Label count = Ui.byId(shell, "customer.count");
        // the first page shows at once, the count follows from the background and sizes the table
        Ui.waitUntil("the customers to be counted", 10, () -> count.getText().equals(String.format("%,d customers", table.getItemCount())));

        // the third row: search for its code, as a user typing it
        String code = table.getItem(2).getText(0);
        String name = table.getItem(2).getText(1);
        Text search = Ui.byId(shell, "customer.search");
        search.setText(code.toLowerCase());
        Ui.waitUntil("the search to narrow the list", 10, () -> table.getItemCount() == 1);
        assertEquals(name, table.getItem(0).getText(1));
        Ui.screenshot(shell, "customer-search.png");

        table.setSelection(0);
        Ui.fire(table, SWT.DefaultSelection);
        Text phone = Ui.await(shell, "customer.phone");
        Ui.waitUntil("the editor shows the customer", 10, () -> !phone.getText().isEmpty());
        assertEquals(customerInDatabase(code)[1], phone.getText());

        phone.setText("+86 21 6888 1234");
        Text email = Ui.byId(shell, "customer.email");
        email.setText("new.address@example.cn");
        Ui.click(Ui.byId(shell, "customer.save"));
        Ui.waitUntil("the save to reach the database", 10,
                () -> query(code)[1].equals("+86 21 6888 1234"));
        assertEquals("new.address@example.cn", customerInDatabase(code)[2]);
        Ui.screenshot(shell, "customer-saved.png");

        // a rule is broken: the message appears beside the form and nothing is written
        email.setText("not an address");
        Ui.click(Ui.byId(shell, "customer.save"));
        Label problems = Ui.byId(shell, "customer.problems");
        Ui.waitUntil("the validation message", 10, problems::isVisible);
        assertTrue(problems.getText().contains("E-mail is not a valid e-mail address."), problems.getText());
        assertEquals("new.address@example.cn", customerInDatabase(code)[2]);
        Ui.screenshot(shell, "customer-invalid.png");

        Button revert = Ui.byId(shell, "customer.revert");
        Ui.click(revert);
        assertEquals("new.address@example.cn", email.getText());
        assertFalse(problems.isVisible());

        // consents: each change is a line of the person's history, the refusal of personalisation too (PIPL)
        Table ledger = Ui.byId(shell, "customer.consentLedger");
        int entries = ledger.getItemCount();
        Button sms = Ui.byId(shell, "customer.consentSms");
        sms.setSelection(!sms.getSelection());
        Ui.fire(sms, SWT.Selection);
        Button personalised = Ui.byId(shell, "customer.personalised");
        assertTrue(personalised.getSelection(), "personalisation is allowed until refused");
        personalised.setSelection(false);
        Ui.fire(personalised, SWT.Selection);
        Ui.click(Ui.byId(shell, "customer.save"));
        Ui.waitUntil("the consent history to show both changes", 10, () -> ledger.getItemCount() == entries + 2);
        assertEquals("Personalised marketing", ledger.getItem(0).getText(1), "the newest first");
        assertEquals("SMS marketing", ledger.getItem(1).getText(1));
        assertEquals("withdrawn", ledger.getItem(0).getText(2));
        Ui.showInScroll(ledger);
        Ui.screenshot(shell, "customer-consent.png");

        // quick entry of a contact: one line and Enter
        Table timeline = Ui.byId(shell, "interaction.table");
        int before = timeline.getItemCount();
        Text subject = Ui.byId(shell, "interaction.subject");
        subject.setText("电话回访：确认新地址");
        Ui.fire(subject, SWT.DefaultSelection);
        Ui.waitUntil("the contact on the timeline", 10, () -> timeline.getItemCount() == before + 1);
        assertEquals("电话回访：确认新地址", timeline.getItem(0).getText(2));
        assertEquals("", subject.getText());
    }

    @Test
    void aNewCustomerCanBeCreatedFromTheList() throws Exception {
        Shell shell = Ui.mainShell();
        Table table = showAllCustomers(shell);
        Ui.click(Ui.byId(shell, "customer.new"));
        Ui.pump(300);
        Text name = null;
        for (int i = 0; i < 50 && name == null; i++) {
            Text candidate = Ui.byId(shell, "customer.name");
            if (candidate != null && candidate.getText().isEmpty()) {
                name = candidate;
            }
            Ui.pump(100);
        }
        assertNotNull(name, "an empty editor opened");
        name.setText("深圳新锐电子有限公司");
        Ui.click(Ui.byId(shell, "customer.save"));
        Text search = Ui.byId(shell, "customer.search");
        search.setText("深圳新锐电子");
        Ui.waitUntil("the new customer in the list", 10,
                () -> table.getItemCount() >= 1 && table.getItem(0).getText(1).equals("深圳新锐电子有限公司"));
        assertTrue(table.getItem(0).getText(0).startsWith("C"));
    }

    @Test
    void anAdministratorIsOfferedThePersonsDataAndMayExportTheList() {
        Shell shell = Ui.mainShell();
        Table table = showAllCustomers(shell);
        // the desktop's own user administers it: the privacy officer's action and the export are there
        org.eclipse.swt.widgets.Menu menu = table.getMenu();
        org.junit.jupiter.api.Assertions.assertNotNull(menu, "the list's context menu");
        assertEquals("Personal data of this person (PIPL)…", menu.getItem(0).getText());
        assertTrue(((org.eclipse.swt.widgets.Button) Ui.byId(shell, "customer.export")).isEnabled());
    }

    @Test
    void aPrivacyOfficerErasesAPersonWithAReason() {
        Shell shell = Ui.mainShell();
        Table table = showAllCustomers(shell);
        String code = scalar("SELECT MAX(CODE) FROM CUSTOMER");
        Text search = Ui.byId(shell, "customer.search");
        search.setText(code);
        Ui.waitUntil("the search to find " + code, 10, () -> table.getItemCount() == 1);
        table.setSelection(0);
        org.eclipse.swt.widgets.MenuItem erase = table.getMenu().getItem(1);
        assertEquals("Erase this person's personal data (PIPL Art. 47)…", erase.getText());

        boolean[] asked = { false };
        shell.getDisplay().timerExec(800, () -> {
            Shell dialog = Ui.dialog(shell);
            Button ok = Ui.button(dialog, org.eclipse.jface.dialogs.IDialogConstants.OK_LABEL);
            assertFalse(ok.isEnabled(), "no erasure without a reason");
            Text reason = Ui.editableTexts(dialog)[0];
            reason.setText("本人书面申请");
            Ui.screenshot(dialog, "customer-erase.png");
            Ui.click(ok);
            asked[0] = true;
        });
        Ui.click(erase); // the reason's dialog is modal: it returns once the timer has said OK
        assertTrue(asked[0]);
        // the job's message is modal too: a timer looks for it and closes it
        boolean[] said = { false };
        Runnable[] closeWhenSaid = new Runnable[1];
        closeWhenSaid[0] = () -> {
            if (Ui.dialogs(shell) == 1) {
                Shell done = Ui.dialog(shell);
                Ui.screenshot(done, "customer-erased.png");
                Ui.click(Ui.button(done, org.eclipse.jface.dialogs.IDialogConstants.OK_LABEL));
                said[0] = true;
            } else {
                shell.getDisplay().timerExec(300, closeWhenSaid[0]);
            }
        };
        shell.getDisplay().timerExec(300, closeWhenSaid[0]);
        Ui.waitUntil("the erasure to be done and said", 60, () -> said[0]);
        assertEquals("[erased]", scalar("SELECT NAME FROM CUSTOMER WHERE CODE = '" + code + "'"));
        Ui.waitUntil("the list to show the erased name", 10, () -> "[erased]".equals(table.getItem(0).getText(1)));
        search.setText("");
    }

    private static String scalar(String sql) {
        try (Connection c = service(Database.class).dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clears the search and waits until the list holds every customer of the database (demo data included). */
    private static Table showAllCustomers(Shell shell) {
        Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        Table table = Ui.await(shell, "customer.table");
        Text search = Ui.byId(shell, "customer.search");
        search.setText("");
        Ui.waitUntil("the demo customers in the list", 90, () -> customerCount() >= 300 && table.getItemCount() == customerCount());
        return table;
    }

    private static int customerCount() {
        try (Connection c = service(Database.class).dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM CUSTOMER"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] query(String code) {
        try {
            return customerInDatabase(code);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
