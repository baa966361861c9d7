package org.guanxi.app.dialogs;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.app.Messages;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.SecurityService;

/**
 * Team sign-in with the person's own login: on a team database the database itself checks the password. Stays open
 * until it matches or the user cancels; repeated failures wait longer and then lock the login for a while.
 */
public class LoginDialog extends TitleAreaDialog {

    private final SecurityService security;
    private Text user;
    private Text password;

    public LoginDialog(Shell parent, SecurityService security) {
        super(parent);
        this.security = security;
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
        user.setText(System.getProperty("user.name", ""));
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(user);
        new Label(c, SWT.NONE).setText(Messages.get("login.password"));
        password = new Text(c, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(password);
        password.setFocus();
        return area;
    }

    @Override
    protected void okPressed() {
        String failure;
        try {
            if (security.login(user.getText().strip(), password.getTextChars())) {
                super.okPressed();
                return;
            }
            failure = Messages.get("login.failed");
        } catch (GuanxiException e) {
            // locked after repeated failures, or a login the database knows but Guanxi does not
            failure = e.getMessage();
        }
        setMessage(failure, IMessageProvider.ERROR);
        password.setText("");
        password.setFocus();
    }
}
