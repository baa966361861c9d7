package org.guanxi.integration.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.guanxi.core.AppClock;
import org.guanxi.core.service.InventoryService.StockReport;

/**
 * A stand-in SCM for demos: every period it reports the stock of the products it is given, moved a little from
 * what it reported before, as a file dropped into the inventory inbox — written under a temporary name and renamed
 * when complete, as a well-behaved SCM does. It alternates CSV in GBK (as Chinese spreadsheets save it) and XML in
 * UTF-8, so both formats are exercised.
 */
public final class FakeScm implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FakeScm.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path inbox;
    private final Supplier<List<StockReport>> current;
    private final Random random = new Random();
    private ScheduledExecutorService timer;
    private int drops;

    /** {@code current}: the stock as the CRM knows it, which the next report moves a little. */
    public FakeScm(Path inbox, Supplier<List<StockReport>> current) {
        this.inbox = inbox;
        this.current = current;
    }

    public synchronized void start(long periodMillis) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guanxi-fake-scm");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                drop();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Fake SCM could not write its report", e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Writes one report now; returns the file, or null when there is no stock to report. */
    public synchronized Path drop() throws IOException {
        List<StockReport> stock = current.get();
        if (stock.isEmpty()) {
            return null;
        }
        boolean xml = drops++ % 2 == 1;
        StringBuilder s = new StringBuilder(xml ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Inventory xmlns=\"urn:guanxi:scm:1\">\n"
                : "sku,warehouse,on_hand,reserved\n");
        for (StockReport r : stock) {
            BigDecimal onHand = r.onHand().add(BigDecimal.valueOf(random.nextInt(21) - 8)).max(BigDecimal.ZERO);
            BigDecimal reserved = r.reserved().min(onHand);
            if (xml) {
                s.append("  <Stock sku=\"").append(Soap.escape(r.sku()).replace("\"", "&quot;")).append("\" warehouse=\"")
                        .append(Soap.escape(r.warehouse()).replace("\"", "&quot;")).append("\" onHand=\"").append(onHand.toPlainString())
                        .append("\" reserved=\"").append(reserved.toPlainString()).append("\"/>\n");
            } else {
                s.append(r.sku()).append(',').append(r.warehouse()).append(',').append(onHand.toPlainString()).append(',')
                        .append(reserved.toPlainString()).append('\n');
            }
        }
        if (xml) {
            s.append("</Inventory>\n");
        }
        Files.createDirectories(inbox);
        String name = "scm-" + AppClock.localNow().format(STAMP) + "-" + drops + (xml ? ".xml" : ".csv");
        Path tmp = inbox.resolve(name + ".part");
        Files.write(tmp, s.toString().getBytes(xml ? StandardCharsets.UTF_8 : Charset.forName("GBK")));
        Path target = Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        // the marker says the file is complete: taken at once, without the inbox's quiet time
        Files.createFile(inbox.resolve(name + ".ready"));
        LOG.info(() -> "Fake SCM dropped " + target.getFileName() + " (" + stock.size() + " stock levels)");
        return target;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
