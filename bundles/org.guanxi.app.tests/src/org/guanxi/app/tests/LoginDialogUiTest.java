package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.dialogs.LoginDialog;
import org.guanxi.core.service.SecurityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** The team-mode sign-in dialog against the real security service. */
class LoginDialogUiTest {

    private final SecurityService security = service(SecurityService.class);

    private static <T> T service(Class<T> type) {
        BundleContext bc = FrameworkUtil.getBundle(LoginDialogUiTest.class).getBundleContext();
        return bc.getService(bc.getServiceReference(type));
    }

    @AfterEach
    void backToTheOsUser() {
        security.signInAsProcess();
    }

    @Test
    void aWrongPasswordKeepsTheDialogOpenAndTheRightOneSignsIn() {
        Shell main = Ui.mainShell();
        security.createUser("agent.li", "Li Na", "s3cret!".toCharArray(), "SERVICE");
        LoginDialog dialog = new LoginDialog(main, security);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        Text[] fields = Ui.editableTexts(shell);
        fields[0].setText("agent.li");
        fields[1].setText("wrong");
        Button ok = okButton(shell);
        Ui.click(ok);
        assertFalse(shell.isDisposed(), "a wrong password keeps the dialog open");
        assertEquals("", fields[1].getText(), "the wrong password is cleared");

        fields[1].setText("s3cret!");
        Ui.click(ok);
        assertTrue(shell.isDisposed());
        assertEquals(Window.OK, dialog.getReturnCode());
        assertEquals("agent.li", security.currentUser());
        assertEquals("Li Na", security.currentUserDisplayName());
    }

    private static Button okButton(Shell shell) {
        java.util.List<Button> buttons = new java.util.ArrayList<>();
        collectButtons(shell, buttons);
        return buttons.stream().filter(b -> Integer.valueOf(IDialogConstants.OK_ID).equals(b.getData())).findFirst()
                .orElseThrow();
    }

    private static void collectButtons(Control c, java.util.List<Button> out) {
        if (c instanceof Button b) {
            out.add(b);
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (Control child : comp.getChildren()) {
                collectButtons(child, out);
            }
        }
    }
}
