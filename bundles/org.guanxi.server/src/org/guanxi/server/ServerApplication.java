package org.guanxi.server;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.derby.drda.NetworkServerControl;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.Logging;
import org.guanxi.core.Services;
import org.guanxi.core.db.Database;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.service.DemoDataService;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.model.Role;
import org.guanxi.integration.RouteLeadership;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;

/**
 * The team server ({@code releng/guanxi server}): a headless product from the same bundles as the desktop. With the
 * default embedded Derby it opens the database and serves it to the desktops through Derby's network server; with a
 * configured server database (network Derby, PostgreSQL) it only connects. Either way it runs the integration routes
 * when it leads ({@link RouteLeadership}), so several servers may run and only one syncs at a time.
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
        NetworkServerControl network = null;
        if (database.isEmbeddedDerby() && settings.port() > 0) {
            network = serveDerby(home, settings, database);
        }
        Database db = Services.await(Database.class);
        firstAdministrator(home);
        generateDemoData();
        IntegrationService integration = Services.await(IntegrationService.class);
        RouteLeadership leadership = new RouteLeadership(db.unpooledDataSource(), settings.node(), () -> {
            integration.start();
            say("Routes: " + settings.node() + " leads them (" + integration.state() + ")");
        }, integration::stop, settings.check());
        say("Guanxi server " + FrameworkUtil.getBundle(getClass()).getVersion() + ", data folder " + home);
        say("Database: " + (network != null ? clientUrl(settings) : database.describe()));
        say("Routes: waiting for leadership as " + settings.node());
        leadership.start();

        Thread hook = new Thread(() -> shutdown(leadership), "guanxi-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        leadership.close();
        if (network != null) {
            stopQuietly(network);
        }
        return EXIT_OK;
    }

    /**
     * Derby resolves the database names of network clients against its system home, so desktops connect to
     * {@code jdbc:derby://host:port/db}. Off the loopback address the server insists on a user and password
     * (Derby's built-in authentication); on it, as for a single machine, it does not.
     */
    private static NetworkServerControl serveDerby(Path home, ServerSettings settings, DatabaseSettings database)
            throws Exception {
        System.setProperty("derby.system.home", home.toString());
        InetAddress address = InetAddress.getByName(settings.host());
        if (!address.isLoopbackAddress()) {
            if (database.user() == null || database.password() == null) {
                throw new IllegalStateException("server.host=" + settings.host()
                        + " opens the database to the network: set db.user and db.password in " + GuanxiHome.settingsFile());
            }
            System.setProperty("derby.connection.requireAuthentication", "true");
            System.setProperty("derby.authentication.provider", "BUILTIN");
            System.setProperty("derby.user." + database.user(), database.password());
        }
        NetworkServerControl network = new NetworkServerControl(address, settings.port());
        network.start(new PrintWriter(System.out, true));
        for (int i = 0; ; i++) {
            try {
                network.ping();
                return network;
            } catch (Exception e) {
                if (i == 100) {
                    throw new IllegalStateException("Derby's network server did not start on " + settings.host() + ":"
                            + settings.port() + " (port in use?)", e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String clientUrl(ServerSettings s) {
        return "jdbc:derby://" + s.host() + ":" + s.port() + "/db (desktops: mode=team and this db.url in guanxi.properties)";
    }

    /**
     * Desktops in team mode sign in with a password. On the first start the server creates the user {@code admin}
     * with the password in {@code GUANXI_ADMIN_PASSWORD}, or a random one that it prints once and leaves in
     * {@code initial-admin-password} (readable by the server's own OS user only).
     */
    private static void firstAdministrator(Path home) throws java.io.IOException {
        SecurityService security = Services.await(SecurityService.class);
        security.signInAsProcess(); // the server acts as its OS user, an administrator, as the command line does
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
        DemoDataService demo = Services.await(DemoDataService.class);
        if (customers > 0 && demo.isEmpty()) {
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

    private static void stopQuietly(NetworkServerControl network) {
        try {
            network.shutdown();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Derby network server shutdown", e);
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
