package org.guanxi.app.handlers;

import java.net.URI;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.Messages;
import org.guanxi.app.dialogs.ModulesDialog.Provisioning;
import org.guanxi.updates.Installation;

/** Help → Check for updates: applies the newer builds of the installed modules the update site holds. */
public class CheckUpdatesHandler extends UpdateHandler {

    @Override
    void run(Shell shell, IWorkbench workbench, Installation installation, URI site) {
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
    }
}
