package org.guanxi.app.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.dialogs.UsersDialog;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.SecurityService;

/** File › Users and roles: administrators only. */
public class UsersHandler {

    @CanExecute
    boolean canExecute(SecurityService security) {
        return security.hasPermission(Permission.USER_ADMIN);
    }

    @Execute
    void execute(Shell shell, SecurityService security) {
        new UsersDialog(shell, security).open();
    }
}
