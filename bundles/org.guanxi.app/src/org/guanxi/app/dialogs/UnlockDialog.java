package org.guanxi.app.dialogs;

import org.eclipse.jface.dialogs.IDialogConstants;
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

/** The lock screen of an idle desktop: the signed-in person's password, or leave the application. */
public class UnlockDialog extends TitleAreaDialog {

    private final SecurityService security;
    private Text password;

    public UnlockDialog(Shell parent, SecurityService security) {
        super(parent);
        this.security = security;
        setShellStyle(SWT.TITLE | SWT.APPLICATION_MODAL | SWT.ON_TOP);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("lock.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.get("lock.title"));
        setMessage(Messages.get("lock.message", security.currentUserDisplayName(), security.currentUser()));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        new Label(c, SWT.NONE).setText(Messages.get("login.password"));
        password = new Text(c, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(password);
        password.setFocus();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.get("lock.exit"), false);
        createButton(parent, IDialogConstants.OK_ID, Messages.get("lock.unlock"), true);
    }

    @Override
    protected void handleShellCloseEvent() {
        // the window's close box does not unlock; Exit leaves on purpose
    }

    @Override
    protected void okPressed() {
        String failure;
        try {
            if (security.confirmPassword(password.getTextChars())) {
                super.okPressed();
                return;
            }
            failure = Messages.get("login.failed");
        } catch (GuanxiException e) {
            failure = e.getMessage(); // locked after repeated failures
        }
        setMessage(failure, IMessageProvider.ERROR);
        password.setText("");
        password.setFocus();
    }
}
