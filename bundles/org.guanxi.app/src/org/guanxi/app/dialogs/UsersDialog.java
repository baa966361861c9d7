package org.guanxi.app.dialogs;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.guanxi.app.Messages;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.SecurityService.UserAccount;

/**
 * Users and roles (administrators only): every user with roles, sales team and whether they may sign in; new users,
 * changes, password resets and disabling go through {@link UserDialog}. On a team database each change is also the
 * change of the person's own database login.
 */
public class UsersDialog extends Dialog {

    private final SecurityService security;
    private Table table;
    private List<UserAccount> users = List.of();

    public UsersDialog(Shell parent, SecurityService security) {
        super(parent);
        this.security = security;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("users.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 320).applyTo(table);
        for (String key : List.of("users.login", "users.name", "users.roles", "users.team", "users.state")) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(Messages.get(key));
        }
        Composite buttons = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        button(buttons, "users.new", () -> edit(null));
        Button change = button(buttons, "users.edit", () -> edit(selected()));
        table.addListener(SWT.DefaultSelection, e -> edit(selected()));
        table.addListener(SWT.Selection, e -> change.setEnabled(selected() != null));
        change.setEnabled(false);
        refresh();
        return area;
    }

    private static Button button(Composite parent, String key, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(Messages.get(key));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(b);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private UserAccount selected() {
        int i = table.getSelectionIndex();
        return i < 0 ? null : users.get(i);
    }

    private void edit(UserAccount user) {
        UserDialog dialog = new UserDialog(getShell(), security, user);
        if (dialog.open() == Window.OK) {
            refresh();
        }
    }

    private void refresh() {
        try {
            users = security.users();
        } catch (RuntimeException e) {
            MessageDialog.openError(getShell(), Messages.get("users.title"), e.getMessage());
            return;
        }
        table.removeAll();
        for (UserAccount u : users) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { u.login(), u.displayName(),
                    String.join(", ", u.roles().stream().map(org.guanxi.core.i18n.Labels::role).toList()),
                    u.team() == null ? "" : u.team(), Messages.get(u.active() ? "users.active" : "users.disabled") });
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
