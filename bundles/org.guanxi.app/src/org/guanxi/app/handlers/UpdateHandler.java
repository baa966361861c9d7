package org.guanxi.app.handlers;

import java.net.URI;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.Messages;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.SecurityService;
import org.guanxi.ui.common.Errors;
import org.guanxi.updates.Installation;

/** What the Help menu's module commands share: administrators only, this installation and its update site. */
abstract class UpdateHandler {

    @CanExecute
    boolean canExecute(SecurityService security) {
        return security.hasPermission(Permission.USER_ADMIN);
    }

    @Execute
    void execute(Shell shell, IWorkbench workbench, @Optional Database db) {
        try {
            run(shell, workbench, Installation.current(), UpdateSiteChoice.require(db));
        } catch (IllegalStateException e) {
            // not installed by p2, or no update site: say so, nothing went wrong
            MessageDialog.openWarning(shell, Messages.get("updates.title"), e.getMessage());
        } catch (RuntimeException e) {
            Errors.show(shell, e);
        }
    }

    abstract void run(Shell shell, IWorkbench workbench, Installation installation, URI site);
}
