package org.guanxi.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.dialogs.PreferencesDialog;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.CampaignService;
import org.guanxi.core.service.SecurityService;

public class PreferencesHandler {

    @Execute
    void execute(Shell shell, @Optional CampaignService campaigns, @Optional SecurityService security) {
        new PreferencesDialog(shell, campaigns, security != null && security.hasPermission(Permission.USER_ADMIN)).open();
    }
}
