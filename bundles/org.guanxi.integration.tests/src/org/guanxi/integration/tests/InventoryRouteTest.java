package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.guanxi.core.persistence.InventoryRepository;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.customer.ErpPartnerSyncImpl;
import org.guanxi.sales.ErpOrderSyncImpl;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.IntegrationService.RouteInfo;
import org.guanxi.integration.IntegrationRuntime;
import org.guanxi.security.SecurityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SCM inventory route with real files, a real Derby database and Camel running inside OSGi. */
class InventoryRouteTest {

    private static final String ROUTE = "scm-inventory-import";
    private static final String GOOD = "sku,warehouse,on_hand,reserved\nSKU-1001,SH-01,120,8\nSKU-1002,SH-01,35,0\nSKU-1003,BJ-02,7,1\n";

    @TempDir
    Path home;

    private JpaDatabase db;
    private InventoryRepository inventory;
    private IntegrationRuntime runtime;
    private Path inbox;
    private Locale locale;

    @BeforeEach
    void start() throws Exception {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        db = JpaDatabase.openEmbedded(home.resolve("db"));
        SecurityServiceImpl security = new SecurityServiceImpl(db);
        security.signInOsUser();
        inventory = new InventoryRepository(db, security);
        OutboxRepository outbox = new OutboxRepository(db);
        AuditLogImpl audit = new AuditLogImpl(db, security);
        runtime = new IntegrationRuntime(db, inventory, outbox, new ErpOrderSyncImpl(db, audit, outbox),
                new ErpPartnerSyncImpl(db, audit, outbox, security), security, home);
        runtime.start();
        assertEquals(IntegrationService.State.STARTED, runtime.state(), runtime.failure());
        inbox = home.resolve("inbox/inventory");
    }

    @AfterEach
    void stop() {
        runtime.stop();
        db.close();
        Locale.setDefault(locale);
    }

    /** Writes like an SCM should: to a temporary name, then renamed into the inbox. */
    private void drop(String name, String content) throws IOException {
        Path tmp = inbox.resolve(name + ".part");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private RouteInfo route(String id) {
        return runtime.routes().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void theShippedRouteFileIsInstalledAndRunning() {
        assertTrue(Files.exists(home.resolve("routes/scm-inventory.yaml")));
        RouteInfo r = route(ROUTE);
        assertNotNull(r, runtime.routes().toString());
        assertEquals("Started", r.state());
        assertEquals("scm-inventory.yaml", r.file());
    }

    @Test
    void aGoodFileIsImportedAndMovedToDone() throws Exception {
        drop("stock-1.csv", GOOD);
        await("stock-1.csv is in .done", () -> Files.exists(inbox.resolve(".done/stock-1.csv")));
        assertEquals(3, inventory.count());
        assertEquals(0, new BigDecimal("112").compareTo(inventory.levels("SKU-1001").get(0).getAvailable()));
        assertEquals("stock-1.csv", inventory.levels("SKU-1001").get(0).getSourceFile());
        drop("stock-2.csv", "sku,warehouse,on_hand\nSKU-1001,SH-01,99\n");
        await("stock-2.csv is in .done", () -> Files.exists(inbox.resolve(".done/stock-2.csv")));
        assertEquals(3, inventory.count(), "an existing level is updated, not duplicated");
        assertEquals(0, new BigDecimal("99").compareTo(inventory.levels("SKU-1001").get(0).getOnHand()));
        await("the view counts 2 files", () -> route(ROUTE).done() == 2);
    }

    @Test
    void aBadFileMovesToErrorWithAReasonAndNothingIsImported() throws Exception {
        drop("bad.csv", "sku,warehouse,on_hand\nSKU-1,SH-01,5\nSKU-2,SH-01,twelve\n");
        await("bad.csv is in .error", () -> Files.exists(inbox.resolve(".error/bad.csv")));
        String reason = Files.readString(inbox.resolve(".error/bad.csv.reason.txt"));
        assertTrue(reason.contains("Line 3, field \"on_hand\": 'twelve' is not a number"), reason);
        assertEquals(0, inventory.count(), "no half-imported file");
        await("the view shows the failure", () -> route(ROUTE).failed() == 1);
        assertTrue(route(ROUTE).lastError().contains("twelve"));
        assertFalse(Files.exists(inbox.resolve("bad.csv")));
    }

    @Test
    void theSameFileDroppedTwiceIsImportedOnce() throws Exception {
        drop("monday.csv", GOOD);
        await("monday.csv is in .done", () -> Files.exists(inbox.resolve(".done/monday.csv")));
        drop("monday-again.csv", GOOD);
        await("the copy is in .duplicate", () -> Files.exists(inbox.resolve(".duplicate/monday-again.csv")));
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM INTEGRATION_FILE WHERE STATUS = 'DONE'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "imported once");
        }
        assertEquals(3, inventory.count());
    }

    @Test
    void anEditedRouteFileIsReloadedAndABrokenEditKeepsTheOldRoute() throws Exception {
        Path extra = home.resolve("routes/heartbeat.yaml");
        Files.writeString(extra, """
                - route:
                    id: heartbeat
                    from:
                      uri: "timer:heartbeat?period=60000"
                      steps:
                        - log: "alive"
                """);
        await("the new route runs", () -> route("heartbeat") != null && "Started".equals(route("heartbeat").state()));

        Files.writeString(extra, """
                - route:
                    id: heartbeat
                    from:
                      uri: "nosuchcomponent:heartbeat"
                      steps:
                        - log: "alive"
                """);
        await("the broken edit is reported", () -> route("heartbeat").lastError() != null);
        assertEquals("Started", route("heartbeat").state(), "the old route keeps running");

        Path inventoryRoute = home.resolve("routes/scm-inventory.yaml");
        String original = Files.readString(inventoryRoute);
        Files.writeString(inventoryRoute, original.replace("- route:", "- route: [oops"));
        await("the broken inventory file is reported", () -> route(ROUTE).lastError() != null);
        drop("after-broken-edit.csv", GOOD);
        await("the old inventory route still imports", () -> Files.exists(inbox.resolve(".done/after-broken-edit.csv")));

        Files.writeString(inventoryRoute, original.replace("delay: 1000", "delay: 500"));
        await("the fixed file replaces the route", () -> route(ROUTE) != null && route(ROUTE).lastError() == null);

        Files.delete(extra);
        await("a deleted file's route is removed", () -> route("heartbeat") == null);
    }

    @Test
    void xmlReportsAndTheFakeScmsDropsAreImported() throws Exception {
        drop("stock.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Inventory xmlns="urn:guanxi:scm:1">
                  <Stock sku="SKU-2001" warehouse="上海仓" onHand="40" reserved="5"/>
                  <Stock sku="SKU-2002" warehouse="上海仓" onHand="7"/>
                </Inventory>
                """);
        await("stock.xml is in .done", () -> Files.exists(inbox.resolve(".done/stock.xml")));
        assertEquals(0, new BigDecimal("35").compareTo(inventory.levels("SKU-2001").get(0).getAvailable()));

        // the fake SCM reports what it knows moved a little: a GBK CSV, then an XML file
        org.guanxi.integration.simulator.FakeScm scm = new org.guanxi.integration.simulator.FakeScm(inbox,
                () -> java.util.List.of(new org.guanxi.core.service.InventoryService.StockReport("SKU-2001", "上海仓", new BigDecimal("40"), BigDecimal.ZERO)));
        Path csv = scm.drop();
        Path xml = scm.drop();
        await("both drops are in .done", () -> Files.exists(inbox.resolve(".done").resolve(csv.getFileName()))
                && Files.exists(inbox.resolve(".done").resolve(xml.getFileName())));
        String source = inventory.levels("SKU-2001").get(0).getSourceFile();
        assertTrue(source.equals(csv.getFileName().toString()) || source.equals(xml.getFileName().toString()), source);
    }
}
