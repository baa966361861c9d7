package org.guanxi.integration.tests;

import org.guanxi.testing.TestSession;
import org.guanxi.testing.TestDatabases;
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
        db = TestDatabases.open(home.resolve("db"));
        SecurityServiceImpl security = new SecurityServiceImpl(db);
        security.signInAsProcess();
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

    /** Writes like an SCM should: to a temporary name, renamed into the inbox, then the marker that it is complete. */
    private void drop(String name, String content) throws IOException {
        drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private void drop(String name, byte[] content) throws IOException {
        Path tmp = inbox.resolve(name + ".part");
        Files.write(tmp, content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        Files.createFile(inbox.resolve(name + ".ready"));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        TestSession.await(what, Duration.ofSeconds(30), condition);
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
    void theSameFileDroppedTwiceIsImportedOnceButAnEqualSnapshotOfAnotherDayIsApplied() throws Exception {
        drop("monday.csv", GOOD);
        await("monday.csv is in .done", () -> Files.exists(inbox.resolve(".done/monday.csv")));
        assertFalse(Files.exists(inbox.resolve("monday.csv.ready")), "the marker is removed with its file");
        drop("monday.csv", GOOD);
        await("the copy is in .duplicate", () -> Files.exists(inbox.resolve(".duplicate/monday.csv")));
        assertEquals(1, doneFiles(), "imported once");

        // Tuesday the stock moves; Wednesday it is back where it was on Monday, byte for byte
        drop("tuesday.csv", "sku,warehouse,on_hand,reserved\nSKU-1001,SH-01,90,8\nSKU-1002,SH-01,35,0\nSKU-1003,BJ-02,7,1\n");
        await("tuesday.csv is in .done", () -> Files.exists(inbox.resolve(".done/tuesday.csv")));
        assertEquals(0, new BigDecimal("90").compareTo(inventory.levels("SKU-1001").get(0).getOnHand()));
        drop("wednesday.csv", GOOD);
        await("wednesday.csv is in .done", () -> Files.exists(inbox.resolve(".done/wednesday.csv")));
        assertEquals(0, new BigDecimal("120").compareTo(inventory.levels("SKU-1001").get(0).getOnHand()),
                "the newer snapshot applies although its bytes equal Monday's");
        assertEquals(3, doneFiles());
        assertEquals(3, inventory.count());
    }

    private int doneFiles() throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM INTEGRATION_FILE WHERE STATUS = 'DONE'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aFileStillBeingWrittenIsNeverHalfImported() throws Exception {
        // an SCM that can neither rename nor write a marker, and pauses in the middle of its file
        Path file = inbox.resolve("slow.csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("sku,warehouse,on_hand\nSKU-1,SH-01,5\nSKU-2,SH-0");
            out.flush();
            Thread.sleep(4_000);
            assertEquals(0, inventory.count(), "nothing of the half-written file");
            assertTrue(Files.exists(file), "still in the inbox");
            out.write("1,12\nSKU-3,SH-01,7\n");
        }
        TestSession.await("slow.csv is in .done", Duration.ofSeconds(60), () -> Files.exists(inbox.resolve(".done/slow.csv")));
        assertEquals(3, inventory.count());
        assertEquals(0, new BigDecimal("12").compareTo(inventory.levels("SKU-2").get(0).getOnHand()));
    }

    @Test
    void aTooLargeFileAndAFailedImportEndInErrorWithTheirReason() throws Exception {
        // larger than the inbox takes (1 MB here): refused at once, with its reason, never read into memory
        Files.writeString(home.resolve("integration.properties"), "inbox.maxMegabytes=1\n");
        runtime.stop();
        runtime.start();
        byte[] big = ("sku,warehouse,on_hand\n" + "SKU-X,SH-01,1\n".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        drop("huge.csv", big);
        await("huge.csv is in .error", () -> Files.exists(inbox.resolve(".error/huge.csv")));
        String reason = Files.readString(inbox.resolve(".error/huge.csv.reason.txt"));
        assertTrue(reason.contains("at most 1 MB"), reason);

        drop("gb.csv", "sku,warehouse,on_hand\nSKU-1,上海仓,5\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
        await("gb.csv is in .done", () -> Files.exists(inbox.resolve(".done/gb.csv")));
        assertEquals("上海仓", inventory.levels("SKU-1").get(0).getWarehouse());

        drop("latin.csv", "sku,warehouse,on_hand\nSKU-9,S\u00e3o,5\n".getBytes(StandardCharsets.ISO_8859_1));
        await("latin.csv is in .error", () -> Files.exists(inbox.resolve(".error/latin.csv")));
        assertTrue(Files.readString(inbox.resolve(".error/latin.csv.reason.txt")).contains("not UTF-8 or GB18030"));

        drop("nul.csv", "sku,warehouse,on_hand\nSKU-\u00007,SH-01,5\n");
        await("nul.csv is in .error", () -> Files.exists(inbox.resolve(".error/nul.csv")));
        assertTrue(Files.readString(inbox.resolve(".error/nul.csv.reason.txt")).contains("control character"));
        try (var files = Files.list(inbox.resolve(".error"))) {
            for (Path p : files.filter(p -> !p.toString().endsWith(".reason.txt")).toList()) {
                assertTrue(Files.exists(Path.of(p + ".reason.txt")), "every refused file has its reason: " + p);
            }
        }
        assertEquals(1, inventory.count());
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
        // a file being reloaded has its routes away for a moment (RouteFiles removes them before it loads the new ones)
        await("the broken edit is reported", () -> route("heartbeat") != null && route("heartbeat").lastError() != null);
        assertEquals("Started", route("heartbeat").state(), "the old route keeps running");

        Path inventoryRoute = home.resolve("routes/scm-inventory.yaml");
        String original = Files.readString(inventoryRoute);
        Files.writeString(inventoryRoute, original.replace("- route:", "- route: [oops"));
        await("the broken inventory file is reported", () -> route(ROUTE) != null && route(ROUTE).lastError() != null);
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
