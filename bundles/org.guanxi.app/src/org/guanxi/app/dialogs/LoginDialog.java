package org.guanxi.app.dialogs;

import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.Messages;
import org.guanxi.app.SavedSignIn;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.SecurityService;

/**
 * Team sign-in with the person's own login: on a team database the database itself checks the password. Stays open
 * until it matches or the user cancels; repeated failures wait longer and then lock the login for a while. The last
 * login is offered again, and the password too if the person asked to have it remembered (in the OS keyring).
 */
public class LoginDialog extends TitleAreaDialog {

    private final SecurityService security;
    private final SavedSignIn saved;
    private Text user;
    private Text password;
    private Button remember;

    /** {@code saved} may be null: nothing is offered or remembered then. */
    public LoginDialog(Shell parent, SecurityService security, SavedSignIn saved) {
        super(parent);
        this.security = security;
        this.saved = saved;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("login.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.get("login.title"));
        setMessage(Messages.get("login.message"));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        new Label(c, SWT.NONE).setText(Messages.get("login.user"));
        user = new Text(c, SWT.BORDER);
        String last = saved == null ? null : saved.login();
        user.setText(last != null ? last : System.getProperty("user.name", ""));
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(user);
        new Label(c, SWT.NONE).setText(Messages.get("login.password"));
        password = new Text(c, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(password);
        new Label(c, SWT.NONE);
        remember = new Button(c, SWT.CHECK);
        remember.setText(Messages.get("login.remember"));
        remember.setToolTipText(Messages.get("login.rememberTip"));
        remember.setEnabled(saved != null);
        char[] kept = saved == null ? null : saved.password();
        if (kept != null) {
            password.setTextChars(kept);
            java.util.Arrays.fill(kept, '\0');
            remember.setSelection(true);
        }
        password.setFocus();
        return area;
    }

    @Override
    protected void okPressed() {
        String failure;
        try {
            String login = user.getText().strip();
            char[] pw = password.getTextChars();
            // the sign-in wipes the array it was given
            if (security.login(login, pw.clone())) {
                keep(login, pw);
                java.util.Arrays.fill(pw, '\0');
                super.okPressed();
                return;
            }
            java.util.Arrays.fill(pw, '\0');
            failure = Messages.get("login.failed");
        } catch (GuanxiException e) {
            // locked after repeated failures, or a login the database knows but Guanxi does not
            failure = e.getMessage();
        }
        setMessage(failure, IMessageProvider.ERROR);
        password.setText("");
        password.setFocus();
    }

    /** Remembers the login, and the password if asked; a failure to keep it only costs typing it next time. */
    private void keep(String login, char[] pw) {
        if (saved == null) {
            return;
        }
        if (!remember.getSelection()) {
            saved.rememberLoginOnly(login);
            return;
        }
        try {
            saved.remember(login, pw);
        } catch (StorageException | RuntimeException | UnsatisfiedLinkError e) {
            // no keyring: the Linux provider loads libsecret and asks the secret service over D-Bus
            saved.rememberLoginOnly(login);
            MessageDialog.openWarning(getShell(), Messages.get("login.title"),
                    Messages.get("login.rememberFailed", e.getMessage()));
        }
    }
}
