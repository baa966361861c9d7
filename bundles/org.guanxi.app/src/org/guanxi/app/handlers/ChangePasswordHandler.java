package org.guanxi.app.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.LifeCycle;
import org.guanxi.app.dialogs.ChangePasswordDialog;
import org.guanxi.core.service.SecurityService;

/** File › Change password: whoever signed in with a password (a team's desktop; standalone, the OS signs in). */
public class ChangePasswordHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(LifeCycle.TEAM_MODE) Boolean team) {
        return Boolean.TRUE.equals(team);
    }

    @Execute
    void execute(Shell shell, SecurityService security) {
        new ChangePasswordDialog(shell, security).open();
    }
}
