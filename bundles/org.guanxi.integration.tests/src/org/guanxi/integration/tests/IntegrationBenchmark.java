package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Product;
import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.integration.IntegrationRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;

/**
 * Integration throughput, printed with a baseline measured in the same run ({@code releng/guanxi bench integration};
 * skipped unless {@code -Dguanxi.bench=true}):
 * <ul>
 * <li>orders from the outbox to the fake ERP through the shipped routes (XSLT, SOAP, write-back of the ERP number,
 * history) against a raw CXF client sending the same mapped requests in a loop;</li>
 * <li>inventory file rows per second through the file route against parsing alone.</li>
 * </ul>
 */
class IntegrationBenchmark {

    private static final int ORDERS = Integer.getInteger("guanxi.bench.orders", 2_000);
    private static final int ROWS = Integer.getInteger("guanxi.bench.rows", 100_000);
    /** The work takes what it takes on this machine; the cap only ends a run that hangs. */
    private static final Duration WORK_CAP = Duration.ofMinutes(30);

    @TempDir
    Path home;

    @Test
    void relayAgainstRawCxfAndInventoryRowsPerSecond() throws Exception {
        assumeTrue(Boolean.getBoolean("guanxi.bench"), "benchmarks run with -Dguanxi.bench=true");
        try (ErpFixture f = new ErpFixture(home, "erp.relay.period=20", "erp.updates.period=600000")) {
            f.runtime.stop();
            Customer c = f.customer("基准测试贸易有限公司");
            Product p = f.product("BENCH-1", "99.50", 10_000_000);
            long t0 = System.nanoTime();
            for (int i = 0; i < ORDERS; i++) {
                f.confirmed(c, p, 1 + i % 7);
            }
            double confirmSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%n[bench] %,d orders confirmed through the order service in %.1f s (outbox rows written)%n",
                    ORDERS, confirmSeconds);

            f.runtime.start();
            long start = System.nanoTime();
            long cpu0 = cpuNanos();
            ErpFixture.await("all sent", WORK_CAP, () -> f.outbox.count(OutboxMessage.Status.PENDING) == 0);
            double relaySeconds = (System.nanoTime() - start) / 1e9;
            double relayCpu = (cpuNanos() - cpu0) / 1e6 / ORDERS;
            assertEquals(ORDERS, f.outbox.deliveries("order.").stream().filter(d -> d.status() == OutboxMessage.Status.SENT).count());
            assertEquals(ORDERS, f.erp.counts().distinct());
            double relayRate = ORDERS / relaySeconds;

            long rawCpu0 = cpuNanos();
            double rawRate = rawCxfLoop(f, f.outbox.of("SalesOrder", f.orders.list(null, "", 1).get(0).id()).get(0).getPayload());
            double rawCpu = (cpuNanos() - rawCpu0) / 1e6 / (ORDERS + 50);
            System.out.printf(Locale.ROOT, "[bench] outbox → fake ERP through the routes: %,d orders in %.2f s = %,.0f orders/s "
                    + "(XSLT + SOAP + ERP number written back + history, %d duplicates)%n", ORDERS, relaySeconds, relayRate,
                    f.erp.counts().duplicates());
            System.out.printf(Locale.ROOT, "[bench] raw CXF client loop, same requests, one thread: %,.0f orders/s; relay/raw = %.2f×%n",
                    rawRate, relayRate / rawRate);
            // CPU time is steadier than throughput on a shared machine: it says what the work costs, not how busy the host is
            System.out.printf(Locale.ROOT, "[bench] CPU time of this process per order (client, fake ERP and database together): "
                    + "relay %.2f ms, raw loop %.2f ms; %d cores%n", relayCpu, rawCpu, Runtime.getRuntime().availableProcessors());

            inventory(f);
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    /** The same SubmitOrder requests (mapped once, new keys) sent by a plain CXF dispatch client, one after another. */
    private double rawCxfLoop(ErpFixture f, String payload) throws Exception {
        String mapped = transform(payload);
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(IntegrationRuntime.class.getClassLoader());
        try {
            QName service = new QName("urn:guanxi:erp:1", "ErpService");
            QName port = new QName("urn:guanxi:erp:1", "ErpPort");
            Service s = Service.create(service);
            s.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, f.erp.address());
            Dispatch<Source> dispatch = s.createDispatch(port, Source.class, Service.Mode.PAYLOAD);
            List<String> requests = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                requests.add(mapped.replaceFirst("<IdempotencyKey>[^<]*</IdempotencyKey>", "<IdempotencyKey>RAW-" + i + "</IdempotencyKey>")
                        .replaceFirst("<OrderNo>[^<]*</OrderNo>", "<OrderNo>RAW-" + i + "</OrderNo>"));
            }
            for (int i = 0; i < 50; i++) { // warm-up, as the routes' first messages are
                dispatch.invoke(new StreamSource(new StringReader(requests.get(i).replace("RAW-", "WARM-"))));
            }
            long start = System.nanoTime();
            for (String r : requests) {
                dispatch.invoke(new StreamSource(new StringReader(r)));
            }
            return ORDERS / ((System.nanoTime() - start) / 1e9);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    private String transform(String payload) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        TransformerFactory.newInstance().newTransformer(new StreamSource(home.resolve("routes/mappings/order-to-guanxi-erp.xsl").toFile()))
                .transform(new StreamSource(new StringReader(payload)), new StreamResult(out));
        return out.toString();
    }

    private void inventory(ErpFixture f) throws Exception {
        StringBuilder csv = new StringBuilder("sku,warehouse,on_hand,reserved\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("SKU-").append(100_000 + i).append(',').append(i % 2 == 0 ? "WH-SH" : "WH-GZ").append(',').append(i % 997)
                    .append(',').append(i % 13).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        long p0 = System.nanoTime();
        var parsed = org.guanxi.integration.InventoryCsv.parse("bench.csv", bytes);
        double parseRate = ROWS / ((System.nanoTime() - p0) / 1e9);
        // the database write alone (JDBC batches in one transaction), on keys of another warehouse: new rows, then the same rows again
        List<StockReport> elsewhere = parsed.stream().map(r -> new StockReport(r.sku(), "WH-BJ", r.onHand(), r.reserved())).toList();
        long w0 = System.nanoTime();
        f.inventory.upsert(elsewhere, "elsewhere.csv");
        double insertRate = ROWS / ((System.nanoTime() - w0) / 1e9);
        w0 = System.nanoTime();
        f.inventory.upsert(elsewhere, "elsewhere.csv");
        double updateRate = ROWS / ((System.nanoTime() - w0) / 1e9);
        System.out.printf(Locale.ROOT, "[bench] inventory write alone (JDBC batches, one transaction): %,.0f new rows/s, %,.0f changed rows/s%n",
                insertRate, updateRate);

        Path inbox = home.resolve("inbox/inventory");
        Path tmp = inbox.resolve("bench.csv.part");
        Files.write(tmp, bytes);
        long start = System.nanoTime();
        Files.move(tmp, inbox.resolve("bench.csv"), StandardCopyOption.ATOMIC_MOVE);
        ErpFixture.await("bench.csv imported", WORK_CAP, () -> Files.exists(inbox.resolve(".done/bench.csv")));
        double seconds = (System.nanoTime() - start) / 1e9;
        // the route waits for the file to stay unchanged for readLockMinAge (500 ms) before it reads it
        System.out.printf(Locale.ROOT, "[bench] inventory file of %,d rows through the route: %.2f s = %,.0f rows/s "
                + "(incl. the 0.5 s the route waits to be sure the file is complete); parsing alone %,.0f rows/s%n",
                ROWS, seconds, ROWS / seconds, parseRate);
        assertEquals(2 * ROWS + 1, f.inventory.count());
    }
}
