package org.guanxi.app.dialogs;

import java.util.Arrays;

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
import org.guanxi.core.service.SecurityService;

/** File › Change password: the signed-in person's own, proven by the current one. */
public class ChangePasswordDialog extends TitleAreaDialog {

    private final SecurityService security;
    private Text current;
    private Text next;
    private Text repeat;

    public ChangePasswordDialog(Shell parent, SecurityService security) {
        super(parent);
        this.security = security;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("password.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.get("password.title"));
        setMessage(Messages.get("password.message", security.currentUser(), SecurityService.MIN_PASSWORD));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        current = field(c, "password.current");
        next = field(c, "password.new");
        repeat = field(c, "password.repeat");
        current.setFocus();
        return area;
    }

    private static Text field(Composite c, String key) {
        new Label(c, SWT.NONE).setText(Messages.get(key));
        Text t = new Text(c, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(t);
        return t;
    }

    @Override
    protected void okPressed() {
        char[] pw = next.getTextChars();
        char[] again = repeat.getTextChars();
        try {
            if (!Arrays.equals(pw, again)) {
                setMessage(Messages.get("user.mismatch"), IMessageProvider.ERROR);
                return;
            }
            security.changePassword(current.getTextChars(), pw.clone());
            super.okPressed();
        } catch (RuntimeException e) {
            // too short, the login itself, a wrong current password, a locked login: said here, nothing changed
            setMessage(e.getMessage(), IMessageProvider.ERROR);
            current.setText("");
            current.setFocus();
        } finally {
            Arrays.fill(pw, '\0');
            Arrays.fill(again, '\0');
        }
    }
}
