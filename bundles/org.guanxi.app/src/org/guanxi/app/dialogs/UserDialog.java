package org.guanxi.app.dialogs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.dialogs.IMessageProvider;
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
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.SecurityService.UserAccount;

/**
 * One user: new (login and password required) or existing (login fixed; a blank password keeps the current one).
 * Roles, sales team and "may sign in" are saved together, on a team database with the person's database login.
 */
public class UserDialog extends TitleAreaDialog {

    private final SecurityService security;
    private final UserAccount user;
    private Text login;
    private Text name;
    private Text password;
    private Text repeat;
    private Text team;
    private Button active;
    private final Map<String, Button> roles = new LinkedHashMap<>();

    public UserDialog(Shell parent, SecurityService security, UserAccount user) {
        super(parent);
        this.security = security;
        this.user = user;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get(user == null ? "user.newTitle" : "user.editTitle"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.get(user == null ? "user.newTitle" : "user.editTitle"));
        setMessage(Messages.get(user == null ? "user.newMessage" : "user.editMessage"));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        login = field(c, "user.login", user == null ? "" : user.login(), SWT.NONE);
        login.setEditable(user == null);
        name = field(c, "user.name", user == null ? "" : user.displayName(), SWT.NONE);
        password = field(c, "user.password", "", SWT.PASSWORD);
        repeat = field(c, "user.repeat", "", SWT.PASSWORD);
        team = field(c, "user.team", user == null || user.team() == null ? "" : user.team(), SWT.NONE);
        new Label(c, SWT.NONE).setText(Messages.get("user.roles"));
        Composite boxes = new Composite(c, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(boxes);
        for (String role : security.roleNames()) {
            Button b = new Button(boxes, SWT.CHECK);
            b.setText(org.guanxi.core.i18n.Labels.role(role));
            b.setSelection(user != null && user.roles().contains(role));
            roles.put(role, b);
        }
        new Label(c, SWT.NONE);
        active = new Button(c, SWT.CHECK);
        active.setText(Messages.get("user.active"));
        active.setSelection(user == null || user.active());
        (user == null ? login : name).setFocus();
        return area;
    }

    private static Text field(Composite c, String key, String value, int style) {
        new Label(c, SWT.NONE).setText(Messages.get(key));
        Text t = new Text(c, SWT.BORDER | style);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(t);
        return t;
    }

    @Override
    protected void okPressed() {
        char[] pw = password.getTextChars();
        char[] again = repeat.getTextChars();
        try {
            if (!Arrays.equals(pw, again)) {
                setMessage(Messages.get("user.mismatch"), IMessageProvider.ERROR);
                return;
            }
            if (user == null && pw.length == 0) {
                setMessage(Messages.get("user.passwordRequired"), IMessageProvider.ERROR);
                return;
            }
            Set<String> chosen = new TreeSet<>();
            roles.forEach((role, box) -> {
                if (box.getSelection()) {
                    chosen.add(role);
                }
            });
            security.saveUser(login.getText().strip(), name.getText().strip(), pw.length == 0 ? null : pw.clone(),
                    active.getSelection(), chosen, team.getText().strip());
            super.okPressed();
        } catch (RuntimeException e) {
            // a login the database refuses, a role it does not know: said here, nothing saved
            setMessage(e.getMessage(), IMessageProvider.ERROR);
        } finally {
            Arrays.fill(pw, '\0');
            Arrays.fill(again, '\0');
        }
    }
}
