package org.guanxi.integration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.guanxi.core.ContextClassLoader;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.service.ErpOrderSync;
import org.guanxi.core.service.ErpPartnerSync;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.InventoryService;
import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.model.Permission;
import org.guanxi.integration.simulator.FakeErp;
import org.guanxi.integration.simulator.FakeScm;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Runs Camel inside the product. Route files are YAML in the working copy {@code $GUANXI_HOME/routes}, filled
 * from the defaults shipped in this bundle on first start (files the user changed or deleted are left alone);
 * they are watched and reloaded while the product runs. Route files can use the placeholders of
 * {@link IntegrationSettings} and the beans {@code inventoryFiles} (SCM inventory import), {@code outbox} (the outbox
 * relay), {@code erpUpdates} and {@code erpPartnerUpdates} (order and business partner changes from the ERP). With
 * simulators on (see {@link IntegrationSettings}) the fake ERP is started first and the fake SCM drops stock reports into the inventory inbox, for demos.
 */
@Component(service = IntegrationService.class)
public class IntegrationRuntime implements IntegrationService {

    private static final Logger LOG = Logger.getLogger(IntegrationRuntime.class.getName());
    private static final long SCAN_MS = 1_000;

    private final Database db;
    private final InventoryService inventory;
    private final Outbox outbox;
    private final ErpOrderSync erpOrders;
    private final ErpPartnerSync erpPartners;
    private final SecurityService security;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    private IntegrationSettings settings;
    private final RouteStats stats = new RouteStats();
    private FakeErp fakeErp;
    private FakeScm fakeScm;

    private Path home;
    private volatile State state = State.STOPPED;
    private volatile String failure;
    private CamelContext camel;
    private RouteFiles files;
    private ImportLog importLog;
    private ScheduledExecutorService watcher;

    @Activate
    public IntegrationRuntime(@Reference Database db, @Reference InventoryService inventory, @Reference Outbox outbox,
            @Reference ErpOrderSync erpOrders, @Reference ErpPartnerSync erpPartners, @Reference SecurityService security) {
        this(db, inventory, outbox, erpOrders, erpPartners, security, null);
    }

    /** A runtime on its own data folder (tests); null: the installation's. */
    public IntegrationRuntime(Database db, InventoryService inventory, Outbox outbox, ErpOrderSync erpOrders,
            ErpPartnerSync erpPartners, SecurityService security, Path home) {
        this.db = db;
        this.security = security;
        this.inventory = inventory;
        this.outbox = outbox;
        this.erpOrders = erpOrders;
        this.erpPartners = erpPartners;
        this.home = home;
    }

    private Path home() {
        return home != null ? home : GuanxiHome.dir();
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public boolean unrestrictedRoutes() {
        IntegrationSettings s = settings;
        return s != null && s.unrestrictedRoutes();
    }

    /** The beans the product binds for route files (see {@link #prepare}). */
    static final Set<String> BEANS = Set.of("inboxReady", "inventoryFiles", "outbox", "erpUpdates", "erpPartnerUpdates");

    /** What route files may use; null when an integration administrator allowed anything (said in the log). */
    private RouteRules rules() {
        if (settings.unrestrictedRoutes()) {
            LOG.warning("Route files are UNRESTRICTED (routes.unrestricted=true in " + IntegrationSettings.FILE
                    + "): they may use any component, class or command");
            return null;
        }
        Set<String> properties = new java.util.HashSet<>(settings.placeholders().stringPropertyNames());
        properties.add("guanxi.home");
        properties.add("guanxi.routes");
        return new RouteRules(BEANS, properties);
    }

    @Override
    public String routesFolder() {
        return home().resolve("routes").toString();
    }

    @Override
    public synchronized void start() {
        if (state == State.STARTED || state == State.STARTING) {
            return;
        }
        state = State.STARTING;
        failure = null;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Camel finds its components and DSL loaders through the class loader of this bundle, which embeds them
        thread.setContextClassLoader(IntegrationRuntime.class.getClassLoader());
        try {
            long startedAt = System.nanoTime();
            Path routes = home().resolve("routes");
            installDefaults(routes);
            Files.createDirectories(home().resolve("inbox").resolve("inventory"));
            importLog = new ImportLog(db.dataSource());
            settings = IntegrationSettings.load(home());
            if (settings.simulators()) {
                startSimulators();
            }
            camel = new DefaultCamelContext();
            camel.getCamelContextExtension().setName("guanxi");
            camel.setApplicationContextClassLoader(IntegrationRuntime.class.getClassLoader());
            prepare(camel);
            camel.start();
            files = new RouteFiles(camel, routes, this::prepare, rules());
            files.scan();
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "guanxi-route-files");
                t.setDaemon(true);
                t.setContextClassLoader(IntegrationRuntime.class.getClassLoader());
                return t;
            });
            watcher.scheduleWithFixedDelay(this::rescan, SCAN_MS, SCAN_MS, TimeUnit.MILLISECONDS);
            state = State.STARTED;
            LOG.info(() -> "Integration started in " + (System.nanoTime() - startedAt) / 1_000_000 + " ms with routes "
                    + camel.getRoutes().stream().map(Route::getRouteId).toList() + " from " + routes);
        } catch (Exception | LinkageError e) {
            state = State.FAILED;
            failure = String.valueOf(e.getMessage());
            LOG.log(Level.SEVERE, "Integration failed to start", e);
            stopCamel();
            stopSimulators();
        } finally {
            thread.setContextClassLoader(previous);
            publish(Topics.INTEGRATION_CHANGED);
        }
    }

    /** The beans and properties that route files may use; applied to the live and to every probe context. */
    private void prepare(CamelContext context) {
        Properties p = settings.placeholders();
        p.setProperty("guanxi.home", home().toString());
        p.setProperty("guanxi.routes", home().resolve("routes").toString());
        var properties = (org.apache.camel.component.properties.PropertiesComponent) context.getPropertiesComponent();
        properties.setInitialProperties(p);
        // ours first: system properties and environment variables only fill in what Guanxi does not set
        properties.setSystemPropertiesMode(org.apache.camel.component.properties.PropertiesComponent.SYSTEM_PROPERTIES_MODE_FALLBACK);
        properties.setEnvironmentVariableMode(org.apache.camel.component.properties.PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_FALLBACK);
        properties.addPropertiesFunction(new Secrets(home()));
        context.getRegistry().bind("inboxReady", new InboxReadiness(Duration.ofSeconds(Long.parseLong(settings.get("inbox.stableSeconds")))));
        context.getRegistry().bind("inventoryFiles", new InventoryFileImporter(inventory, importLog,
                Long.parseLong(settings.get("inbox.maxMegabytes")) << 20, route -> {
            publish(Topics.INVENTORY_CHANGED);
            publish(Topics.INTEGRATION_CHANGED);
        }));
        try {
            context.addRoutes(OutboxRelay.errorHandling());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        context.getRegistry().bind("outbox", new OutboxRelay(outbox, erpOrders, erpPartners, settings.retryPolicy(), stats));
        IntegrationState state = new IntegrationState(db.dataSource());
        context.getRegistry().bind("erpUpdates", ErpUpdates.orders(erpOrders, state, stats, () -> publish(Topics.INTEGRATION_CHANGED)));
        context.getRegistry().bind("erpPartnerUpdates", ErpUpdates.partners(erpPartners, state, stats,
                () -> publish(Topics.INTEGRATION_CHANGED)));
        if (!settings.unrestrictedRoutes()) {
            RouteRules.confine(context);
        }
    }

    /** The fake ERP on its fixed port, its journal in the data folder; a port in use means one runs already. */
    private void startSimulators() {
        try {
            fakeErp = new FakeErp(home().resolve("simulators").resolve("erp"), settings.simulatorPace());
            fakeErp.start(IntegrationSettings.SIMULATOR_PORT);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The fake ERP did not start (is another Guanxi running it?)", e);
            fakeErp = null;
        }
        fakeScm = new FakeScm(home().resolve("inbox").resolve("inventory"), this::reportedStock);
        fakeScm.start(settings.simulatorPace().multipliedBy(4).toMillis());
    }

    private void stopSimulators() {
        if (fakeErp != null) {
            fakeErp.close();
            fakeErp = null;
        }
        if (fakeScm != null) {
            fakeScm.close();
            fakeScm = null;
        }
    }

    /** What the SCM reported last, for the fake SCM to move a little in its next report. */
    private List<StockReport> reportedStock() {
        return db.jdbc(c -> {
            List<StockReport> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT SKU, WAREHOUSE, ON_HAND, RESERVED FROM INVENTORY_LEVEL ORDER BY SKU, WAREHOUSE "
                    + "FETCH FIRST 500 ROWS ONLY"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StockReport(rs.getString(1), rs.getString(2),
                            rs.getBigDecimal(3).stripTrailingZeros(), rs.getBigDecimal(4).stripTrailingZeros()));
                }
            }
            return out;
        });
    }


    private void rescan() {
        try {
            if (files != null && files.scan()) {
                publish(Topics.INTEGRATION_CHANGED);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Route file scan failed", e);
        }
    }

    /**
     * Brings the working copy up to the route files shipped with this bundle (routes, mappings, contracts): a file
     * it does not have yet is copied; a shipped file the user never changed is replaced by this release's version; a
     * file the user changed is left alone, with this release's version beside it as {@code NAME.shipped} to compare;
     * a file the user deleted stays deleted. {@code .installed} remembers each file's name and the SHA-256 of what was
     * installed, which is how a user's change is told from an older release's file.
     */
    private static void installDefaults(Path routes) throws IOException {
        Files.createDirectories(routes);
        Bundle bundle = FrameworkUtil.getBundle(IntegrationRuntime.class);
        if (bundle == null) {
            return;
        }
        Path installed = routes.resolve(".installed");
        Map<String, String> known = new java.util.LinkedHashMap<>();
        if (Files.exists(installed)) {
            for (String line : Files.readAllLines(installed)) {
                int tab = line.indexOf('\t');
                known.put(tab < 0 ? line : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
            }
        }
        Enumeration<URL> entries = bundle.findEntries("routes", "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String name = url.getPath().substring(url.getPath().indexOf("/routes/") + "/routes/".length());
            if (name.isEmpty() || name.endsWith("/")) {
                continue;
            }
            byte[] shipped;
            try (InputStream in = url.openStream()) {
                shipped = in.readAllBytes();
            }
            String hash = InventoryFileImporter.sha256(shipped);
            Path target = routes.resolve(name);
            String recorded = known.get(name);
            if (!Files.exists(target)) {
                if (recorded == null) {
                    write(target, shipped);
                    known.put(name, hash);
                }
                continue;
            }
            String current = InventoryFileImporter.sha256(Files.readAllBytes(target));
            Path beside = target.resolveSibling(target.getFileName() + ".shipped");
            if (current.equals(hash)) {
                known.put(name, hash);
                Files.deleteIfExists(beside);
            } else if (current.equals(recorded)) {
                write(target, shipped);
                known.put(name, hash);
                LOG.info(() -> "Route file " + name + " updated to this release's version");
            } else if (!Files.exists(beside) || !InventoryFileImporter.sha256(Files.readAllBytes(beside)).equals(hash)) {
                write(beside, shipped);
                LOG.info(() -> "Route file " + name + " was changed here and is kept; this release's version is beside it as "
                        + beside.getFileName());
            }
        }
        List<String> lines = new ArrayList<>();
        known.forEach((name, hash) -> lines.add(hash.isEmpty() ? name : name + "\t" + hash));
        Files.write(installed, lines);
    }

    /** Whole or not at all: the route file watcher must never read a half-written file. */
    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".write-", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public List<String> editableFiles() {
        Path folder = home().resolve("routes");
        if (!Files.isDirectory(folder)) {
            return List.of(); // the routes never started here (a desktop in team mode)
        }
        try {
            return RouteFiles.editableFiles(folder).stream().map(p -> folder.relativize(p).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot list " + folder, e);
        }
    }

    @Override
    public String read(String file) {
        try {
            return Files.readString(editable(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + file, e);
        }
    }

    @Override
    public String check(String file, String text) {
        editable(file);
        RouteFiles f = files;
        if (f == null) {
            throw new IllegalStateException("The routes are not running here, so edits cannot be checked");
        }
        return withOurClassLoader(() -> f.check(file, text));
    }

    @Override
    public String save(String file, String text) {
        security.check(Permission.INTEGRATION_ADMIN);
        Path target = editable(file);
        RouteFiles f = files;
        if (f == null) {
            throw new IllegalStateException("The routes are not running here, so edits cannot be saved");
        }
        try {
            write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot write " + file, e);
        }
        LOG.info(() -> "Route file " + file + " saved by " + security.currentUser());
        withOurClassLoader(f::scan);
        publish(Topics.INTEGRATION_CHANGED);
        return f.errors().get(file);
    }

    /** A route file or mapping inside the routes folder; anything else (other folders, "..") is refused. */
    private Path editable(String file) {
        Path folder = home().resolve("routes").normalize();
        Path p = folder.resolve(file).normalize();
        String name = p.getFileName().toString();
        boolean routeFile = p.getParent().equals(folder) && RouteFiles.isRouteFile(name);
        boolean mapping = p.getParent().equals(folder.resolve(RouteFiles.MAPPINGS)) && RouteFiles.isMapping(name);
        if (!routeFile && !mapping) {
            throw new IllegalArgumentException("Not a route file or mapping: " + file);
        }
        return p;
    }

    /** Camel finds its components and DSL loaders through the class loader of this bundle, which embeds them. */
    private static <T> T withOurClassLoader(ContextClassLoader.Work<T, RuntimeException> work) {
        return ContextClassLoader.call(IntegrationRuntime.class.getClassLoader(), work);
    }

    @Override
    public List<RouteInfo> routes() {
        CamelContext c = camel;
        RouteFiles f = files;
        if (c == null || f == null) {
            return List.of();
        }
        Map<String, ImportLog.Counts> counts = importLog.counts();
        Map<String, String> errors = f.errors();
        List<RouteInfo> out = new ArrayList<>();
        for (Route r : c.getRoutes()) {
            String id = r.getRouteId();
            String file = f.fileOfRoute(id);
            ImportLog.Counts n = counts.getOrDefault(id, new ImportLog.Counts(0, 0, null));
            RouteStats.Figures figures = stats.of(id);
            String fileError = errors.get(file);
            String lastError = fileError != null ? fileError : n.lastError() != null ? n.lastError() : figures.lastError();
            out.add(new RouteInfo(id, r.getDescription(), file, String.valueOf(c.getRouteController().getRouteStatus(id)),
                    n.done() + figures.done(), n.failed() + figures.failed(), figures.perMinute(), lastError));
        }
        errors.forEach((file, error) -> {
            if (out.stream().noneMatch(r -> r.file().equals(file))) {
                out.add(new RouteInfo(file, null, file, "INVALID", 0, 0, 0, error));
            }
        });
        return out;
    }

    @Override
    @Deactivate
    public synchronized void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
        stopCamel();
        stopSimulators();
        state = State.STOPPED;
    }

    private void stopCamel() {
        if (camel != null) {
            try {
                camel.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Camel did not stop cleanly", e);
            }
            camel = null;
            files = null;
        }
    }

    private void publish(String topic) {
        EventAdmin ea = events;
        if (ea != null) {
            ea.postEvent(new Event(topic, Map.of()));
        }
    }
}
