package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.SavedSignIn;
import org.guanxi.app.dialogs.LoginDialog;
import org.guanxi.core.service.SecurityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        LoginDialog dialog = new LoginDialog(main, security, null);
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

    @Test
    void aPasswordIsRememberedOnlyWhenAskedAndForgottenWhenUnticked(@TempDir Path dir) throws Exception {
        // a storage of its own, its master password given here instead of by the OS keyring of the test machine
        ISecurePreferences storage = SecurePreferencesFactory.open(dir.resolve("secure_storage").toUri().toURL(),
                Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("master".toCharArray()),
                        IProviderHints.PROMPT_USER, Boolean.FALSE));
        SavedSignIn saved = new SavedSignIn(storage, "jdbc:postgresql://crm.example:5432/guanxi");
        security.createUser("rep.wang", "Wang Wei", "Chun-2026".toCharArray(), "SALES");

        Shell shell = open(saved);
        Text[] fields = Ui.editableTexts(shell);
        fields[0].setText("rep.wang");
        fields[1].setText("Chun-2026");
        Button remember = checkbox(shell);
        assertFalse(remember.getSelection(), "nothing is remembered unless asked");
        remember.setSelection(true);
        Ui.click(okButton(shell));
        assertTrue(shell.isDisposed());
        assertEquals("rep.wang", saved.login());
        assertEquals("Chun-2026", new String(saved.password()));
        assertFalse(java.nio.file.Files.readString(dir.resolve("secure_storage")).contains("Chun-2026"),
                "the password is stored encrypted");

        security.signInAsProcess();
        shell = open(saved);
        fields = Ui.editableTexts(shell);
        assertEquals("rep.wang", fields[0].getText(), "the last login is offered");
        assertEquals("Chun-2026", fields[1].getText(), "and the remembered password");
        remember = checkbox(shell);
        assertTrue(remember.getSelection());
        remember.setSelection(false);
        Ui.click(okButton(shell));
        assertEquals("rep.wang", security.currentUser());
        assertEquals(null, saved.password(), "unticked: the password is forgotten");
        assertEquals("rep.wang", saved.login());
        assertEquals(null, new SavedSignIn(storage, "jdbc:postgresql://other:5432/guanxi").login(),
                "each database has its own entry");
    }

    private Shell open(SavedSignIn saved) {
        LoginDialog dialog = new LoginDialog(Ui.mainShell(), security, saved);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog.getShell();
    }

    private static Button checkbox(Shell shell) {
        java.util.List<Button> buttons = new java.util.ArrayList<>();
        collectButtons(shell, buttons);
        return buttons.stream().filter(b -> (b.getStyle() & SWT.CHECK) != 0).findFirst().orElseThrow();
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
