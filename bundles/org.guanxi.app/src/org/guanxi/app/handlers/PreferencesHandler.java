package org.guanxi.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.dialogs.PreferencesDialog;

public class PreferencesHandler {

    @Execute
    void execute(Shell shell) {
        new PreferencesDialog(shell).open();
    }
}
