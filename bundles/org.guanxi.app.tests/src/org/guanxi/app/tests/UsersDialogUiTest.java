package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.Messages;
import org.guanxi.app.dialogs.UserDialog;
import org.guanxi.app.dialogs.UsersDialog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.SecurityService.UserAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The administration of users: a new user with roles and team, a wrong repetition refused, a disabled user. */
class UsersDialogUiTest {

    private final SecurityService security = Ui.service(SecurityService.class);

    @AfterEach
    void backToTheAdministrator() {
        security.signInAsProcess();
    }

    @Test
    void anAdministratorCreatesAUserWithRolesAndTeam() {
        Shell main = Ui.mainShell();
        UserDialog dialog = new UserDialog(main, security, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        Text[] fields = Ui.editableTexts(shell); // login, name, password, repeat, team
        fields[0].setText("rep.zhou");
        fields[1].setText("周敏");
        fields[2].setText("Zhou-2026!");
        fields[3].setText("Zhou-2027!");
        fields[4].setText("华南");
        check(shell, org.guanxi.core.i18n.Labels.role("SALES"));
        Ui.screenshot(shell, "user-new.png");
        Ui.click(Ui.button(shell, IDialogConstants.OK_LABEL));
        assertFalse(shell.isDisposed(), "two different passwords keep the dialog open");
        assertTrue(security.users().stream().noneMatch(u -> u.login().equals("rep.zhou")), "nothing saved");

        fields[3].setText("Zhou-2026!");
        Ui.click(Ui.button(shell, IDialogConstants.OK_LABEL));
        assertTrue(shell.isDisposed());
        UserAccount saved = security.users().stream().filter(u -> u.login().equals("rep.zhou")).findFirst().orElseThrow();
        assertEquals(new UserAccount("rep.zhou", "周敏", true, Set.of("SALES"), "华南"), saved);

        UsersDialog list = new UsersDialog(main, security);
        list.setBlockOnOpen(false);
        list.open();
        Table table = table(list.getShell());
        assertEquals(security.users().size(), table.getItemCount());
        assertTrue(java.util.Arrays.stream(table.getItems()).anyMatch(i -> i.getText(0).equals("rep.zhou")
                && i.getText(2).equals(org.guanxi.core.i18n.Labels.role("SALES")) && i.getText(3).equals("华南")));
        Ui.screenshot(list.getShell(), "users.png");
        list.close();

        // disabled: the password no longer signs in
        security.saveUser("rep.zhou", "周敏", null, false, Set.of("SALES"), null);
        assertFalse(security.login("rep.zhou", "Zhou-2026!".toCharArray()));
    }

    private static void check(Shell shell, String label) {
        Button box = Ui.button(shell, label);
        box.setSelection(true);
    }

    private static Table table(Control c) {
        if (c instanceof Table t) {
            return t;
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (Control child : comp.getChildren()) {
                Table t = table(child);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

}
