package org.guanxi.app;

import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.guanxi.app.dialogs.LoginDialog;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.Logging;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.service.DemoDataService;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.SecurityService;

/**
 * Start-up: logging, language, sign-in (the OS user in standalone mode, a login dialog in team mode), then in a
 * background job demo data on first start and the integration routes (each only when its module is installed).
 */
public class LifeCycle {

    /** Context key: true when this desktop is one of a team server's (which runs the integration routes). */
    public static final String TEAM_MODE = "org.guanxi.teamMode";

    private static final Logger LOG = Logger.getLogger(LifeCycle.class.getName());
    /** Topic of status-bar messages; property {@code org.eclipse.e4.data} holds the text. */
    public static final String STATUS_TOPIC = "org/guanxi/app/status";

    @PostContextCreate
    void postContextCreate(IEclipseContext context, SecurityService security, @Optional DemoDataService demo,
            @Optional IntegrationService integration, Database database, IEventBroker broker) {
        Logging.install("guanxi");
        Locale locale = Language.apply();
        context.set(TranslationService.LOCALE, locale);
        String version = org.osgi.framework.FrameworkUtil.getBundle(LifeCycle.class).getVersion().toString();
        LOG.info(() -> "Guanxi CRM " + version + " starting; data folder " + GuanxiHome.dir() + ", locale " + locale);
        // on a team server's database this desktop is one of many: users sign in, and the server runs the routes
        String mode = GuanxiHome.deploymentValue(GuanxiHome.deployment(), "mode", GuanxiHome.settings().getProperty("mode", ""));
        boolean team = "team".equals(mode) || database.shared();
        context.set(TEAM_MODE, team);
        try {
            if (team) {
                if (new LoginDialog(null, security, SavedSignIn.forDatabase(database.describe())).open() != Window.OK) {
                    LOG.info("Sign-in cancelled");
                    System.exit(0);
                }
            } else {
                security.signInAsProcess();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Start-up failed", e);
            MessageDialog.openError(null, Messages.get("error.title"), Messages.get("error.startup", e.getMessage()));
            throw e;
        }
        if (team) {
            new IdleLock(Display.getCurrent(), security, IdleLock.configured(), () -> {
                org.eclipse.e4.ui.workbench.IWorkbench workbench = context.get(org.eclipse.e4.ui.workbench.IWorkbench.class);
                if (workbench != null) {
                    workbench.close();
                } else {
                    System.exit(0);
                }
            }).install();
        }
        // a team's database is the team server's to fill and to sync: a person's desktop only reads and writes it
        startBackgroundWork(database.shared() ? null : demo, team ? null : integration, broker);
    }

    /** After the modules' fragments are merged: their perspectives in a steady order, the first one open. */
    @ProcessAdditions
    void processAdditions(MApplication app, EModelService models) {
        Perspectives.arrange(app, models);
    }

    private static void startBackgroundWork(DemoDataService demo, IntegrationService integration, IEventBroker broker) {
        Job job = Job.create(Messages.get("job.startup"), (IProgressMonitor monitor) -> {
            int total = Integer.getInteger("guanxi.demo.customers", DemoDataService.DEFAULT_CUSTOMERS);
            if (demo != null && total > 0 && demo.isEmpty()) {
                monitor.beginTask(Messages.get("job.demo"), total);
                long seed = Long.getLong("guanxi.demo.seed", 20261122L);
                int[] last = { 0 };
                demo.generate(total, seed, n -> {
                    monitor.worked(n - last[0]);
                    last[0] = n;
                    broker.post(STATUS_TOPIC, Messages.get("status.demo", n, total));
                });
                LOG.info(() -> "Demo data generated: " + total + " customers");
                broker.post(STATUS_TOPIC, Messages.get("status.demoDone", total));
                broker.post(Topics.CUSTOMER_CHANGED, Map.of(Topics.PROPERTY_ID, -1L));
            }
            if (integration != null) {
                broker.post(STATUS_TOPIC, Messages.get("status.integrationStarting"));
                integration.start();
                broker.post(STATUS_TOPIC, integration.failure() == null ? Messages.get("status.integrationStarted")
                        : Messages.get("status.integrationFailed", integration.failure()));
                broker.post(Topics.INTEGRATION_CHANGED, Map.of());
            }
            return Status.OK_STATUS;
        });
        job.setSystem(false);
        job.schedule();
        Display display = Display.getCurrent();
        if (display != null) {
            display.disposeExec(integration == null ? () -> { } : integration::stop);
        }
    }
}
