package org.guanxi.app.handlers;

import java.net.URI;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.dialogs.ModulesDialog;
import org.guanxi.app.dialogs.ModulesDialog.Provisioning;
import org.guanxi.updates.Installation;
import org.guanxi.updates.Installation.Module;

/** Help → Install / remove modules: IT adds and removes modules from the update site set in Preferences. */
public class ModulesHandler extends UpdateHandler {

    @Override
    void run(Shell shell, IWorkbench workbench, Installation installation, URI site) {
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
    }
}
