package org.guanxi.app.handlers;

import java.net.URI;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.Messages;
import org.guanxi.app.dialogs.ModulesDialog;
import org.guanxi.app.dialogs.ModulesDialog.Provisioning;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.SecurityService;
import org.guanxi.ui.common.Errors;
import org.guanxi.updates.Installation;
import org.guanxi.updates.Installation.Module;

/** Help → Install / remove modules: IT adds and removes modules from the update site set in Preferences. */
public class ModulesHandler {

    @CanExecute
    boolean canExecute(SecurityService security) {
        return security.hasPermission(Permission.USER_ADMIN);
    }

    @Execute
    void execute(Shell shell, IWorkbench workbench) {
        try {
            Installation installation = Installation.current();
            URI site = UpdateSiteChoice.require();
            @SuppressWarnings("unchecked")
            List<Module>[] modules = new List[1];
            IStatus read = Provisioning.run(shell, monitor -> {
                modules[0] = installation.modules(site, monitor);
                return org.eclipse.core.runtime.Status.OK_STATUS;
            });
            if (read.getSeverity() == IStatus.CANCEL) {
                return;
            }
            if (read.getSeverity() == IStatus.ERROR) {
                Provisioning.showFailure(shell, read);
                return;
            }
            ModulesDialog dialog = new ModulesDialog(shell, installation, site, modules[0]);
            if (dialog.open() == Window.OK && dialog.result() != null) {
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
