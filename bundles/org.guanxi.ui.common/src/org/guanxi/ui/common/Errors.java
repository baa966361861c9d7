package org.guanxi.ui.common;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.service.GuanxiException;

/** Shows a failure to the user: our own errors with their message, anything else as an unexpected error. */
public final class Errors {

    private static final Texts TEXTS = Texts.of(Errors.class);
    private static final Logger LOG = Logger.getLogger(Errors.class.getName());

    private Errors() {
    }

    public static void show(Shell shell, Throwable e) {
        if (e instanceof GuanxiException) {
            MessageDialog.openWarning(shell, TEXTS.get("error.title"), e.getMessage());
        } else {
            LOG.log(Level.SEVERE, "Unexpected error", e);
            MessageDialog.openError(shell, TEXTS.get("error.title"), TEXTS.get("error.unexpected", String.valueOf(e)));
        }
    }
}
