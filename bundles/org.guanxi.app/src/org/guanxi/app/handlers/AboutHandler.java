package org.guanxi.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.Messages;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.db.Database;
import org.guanxi.core.service.SecurityService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

public class AboutHandler {

    @Execute
    void execute(Shell shell, Database db, SecurityService security) {
        Bundle bundle = FrameworkUtil.getBundle(AboutHandler.class);
        // this bundle has no context while nothing started it (the product's NullPointerException); Equinox also
        // publishes its properties as system properties
        BundleContext context = bundle.getBundleContext();
        String osgi = context != null ? context.getProperty(Constants.FRAMEWORK_VERSION)
                : System.getProperty(Constants.FRAMEWORK_VERSION, "");
        MessageDialog.openInformation(shell, Messages.get("about.title"), Messages.get("about.text",
                bundle.getVersion().toString(), GuanxiHome.dir(), db.describe(), db.schemaVersion(),
                security.currentUserDisplayName(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                osgi));
    }
}
