package org.guanxi.app.handlers;

import java.net.URI;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.Messages;
import org.guanxi.app.dialogs.ModulesDialog.Provisioning;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.SecurityService;
import org.guanxi.ui.common.Errors;
import org.guanxi.updates.Installation;

/** Help → Check for updates: applies the newer builds of the installed modules the update site holds. */
public class CheckUpdatesHandler {

    @CanExecute
    boolean canExecute(SecurityService security) {
        return security.hasPermission(Permission.USER_ADMIN);
    }

    @Execute
    void execute(Shell shell, IWorkbench workbench) {
        try {
            Installation installation = Installation.current();
            URI site = UpdateSiteChoice.require();
            IStatus status = Provisioning.run(shell, monitor -> installation.update(site, monitor));
            if (status.getSeverity() == IStatus.CANCEL) {
                return;
            }
            if (status.getSeverity() == IStatus.ERROR) {
                Provisioning.showFailure(shell, status);
            } else if (status.getSeverity() == IStatus.INFO) {
                MessageDialog.openInformation(shell, Messages.get("updates.title"), status.getMessage());
            } else {
                Provisioning.offerRestart(shell, workbench);
            }
        } catch (IllegalStateException e) {
            // not installed by p2, or no update site: say so, nothing went wrong
            MessageDialog.openWarning(shell, Messages.get("updates.title"), e.getMessage());
        } catch (RuntimeException e) {
            Errors.show(shell, e);
        }
    }
}
