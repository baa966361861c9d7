package org.guanxi.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.Logging;
import org.guanxi.core.Services;
import org.guanxi.core.db.Database;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.service.DemoDataService;
import org.guanxi.core.service.HeadlessCredentials;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.model.Role;
import org.guanxi.integration.RouteLeadership;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;

/**
 * The team server ({@code releng/guanxi server}): a headless product from the same bundles as the desktop. On a team
 * database (PostgreSQL) it connects as the database's owner — which brings schema and security up to date — and
 * runs the integration routes when it leads ({@link RouteLeadership}), so several servers may run and only one syncs
 * at a time; desktops connect to the same database with their persons' own logins. On embedded Derby it runs the
 * routes of its own data folder and serves nobody: Derby's network server is not part of Guanxi (no TLS, no
 * per-person rights, and code loading through SQLJ).
 * A first start generates demo data like the desktop does, unless {@code -Dguanxi.demo.customers=0}.
 */
public class ServerApplication implements IApplication {

    private static final Logger LOG = Logger.getLogger(ServerApplication.class.getName());

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws Exception {
        context.applicationRunning();
        Logging.install("server");
        // the console shows what an operator needs (the lines below, warnings); everything is in logs/server-0.log
        for (var h : Logger.getLogger("").getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler) {
                h.setLevel(Level.WARNING);
            }
        }
        Path home = GuanxiHome.dir();
        ServerSettings settings = ServerSettings.load(ServerSettings.arguments(context));
        DatabaseSettings database = DatabaseSettings.load();
        Database db = Services.await(Database.class);
        SecurityService security = Services.await(SecurityService.class);
        HeadlessCredentials.signIn(db, security);
        if (!db.ownsSchema()) {
            throw new IllegalStateException("The team server connects as the owner of " + database.describe()
                    + " (it migrates the schema and runs the routes over every row), not as " + db.login());
        }
        if (db.shared()) {
            firstAdministrator(home, security);
        }
        generateDemoData();
        // the desktops of the team look here for the modules and their updates
        AuditLog audit = Services.await(AuditLog.class);
        String site = db.jdbcTransaction(c -> org.guanxi.updates.UpdateSite.announce(c, audit));
        IntegrationService integration = Services.await(IntegrationService.class);
        RouteLeadership leadership = new RouteLeadership(db.unpooledDataSource(), settings.node(), () -> {
            integration.start();
            say("Routes: " + settings.node() + " leads them (" + integration.state() + ")");
        }, integration::stop, settings.check());
        say("Guanxi server " + FrameworkUtil.getBundle(getClass()).getVersion() + ", data folder " + home);
        say("Database: " + database.describe() + (db.shared() ? " (desktops: the same db.url, each person's own login)" : ""));
        if (db.shared()) {
            say("Updates: " + (site.isEmpty() ? "no update site announced to the desktops (updates.site in guanxi.properties)"
                    : "desktops install and update modules from " + site));
        }
        say("Routes: waiting for leadership as " + settings.node());
        leadership.start();

        Thread hook = new Thread(() -> shutdown(leadership), "guanxi-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        leadership.close();
        return EXIT_OK;
    }

    /**
     * Desktops of a team sign in with their own logins. On the first start the server creates the administrator
     * {@code admin} (on PostgreSQL with a database login of its own) with the password in {@code GUANXI_ADMIN_PASSWORD},
     * or a random one that it prints once and leaves in {@code initial-admin-password} (readable by the server's own
     * OS user only); that administrator creates everyone else in the workbench.
     */
    private static void firstAdministrator(Path home, SecurityService security) throws java.io.IOException {
        if (security.hasPasswordUsers()) {
            return;
        }
        String given = System.getenv("GUANXI_ADMIN_PASSWORD");
        String password = given != null && !given.isBlank() ? given : randomPassword();
        security.createUser("admin", "Administrator", password.toCharArray(), Role.ADMIN);
        if (given == null || given.isBlank()) {
            Path file = home.resolve("initial-admin-password");
            java.nio.file.Files.writeString(file, password + "\n");
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            // on the console once, never in the log
            System.out.println("First start: desktops sign in as admin with password " + password + " (also in " + file + ")");
            LOG.info(() -> "First start: user admin created, password in " + file);
        }
    }

    private static String randomPassword() {
        String letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    private static void generateDemoData() {
        int customers = Integer.getInteger("guanxi.demo.customers", DemoDataService.DEFAULT_CUSTOMERS);
        if (customers <= 0) {
            return;
        }
        if (!Services.provided(DemoDataService.class)) {
            say("No demo data: the demo module is not installed");
            return;
        }
        DemoDataService demo = Services.await(DemoDataService.class);
        if (demo.isEmpty()) {
            say("Generating demo data: " + customers + " customers");
            demo.generate(customers, Long.getLong("guanxi.demo.seed", 20261122L), n -> { });
        }
    }

    /**
     * On SIGTERM: the routes stop first; then the application returns and the launcher stops the framework, which
     * closes the database cleanly, while the JVM waits here for it.
     */
    private void shutdown(RouteLeadership leadership) {
        try {
            leadership.close();
            Framework framework = (Framework) FrameworkUtil.getBundle(getClass()).getBundleContext().getBundle(0);
            stopped.countDown();
            framework.waitForStop(Duration.ofSeconds(30).toMillis());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Server shutdown", e);
        }
    }


    private static void say(String line) {
        System.out.println(line);
        LOG.info(line);
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
