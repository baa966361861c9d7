package org.guanxi.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.guanxi.core.service.InventoryService;
import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.integration.ImportLog.Status;

/**
 * The bean behind the SCM inventory route ({@code inventoryFiles} in the route files). One file is one
 * transaction: all its rows are upserted, or — when any line is wrong — none, and a reason file naming every bad
 * line and field is written to {@code .error/} beside the inbox. A file whose content was imported before is
 * logged as a duplicate and moved to {@code .duplicate/}.
 */
public class InventoryFileImporter {

    /** Header the route's {@code move} option reads: the folder the processed file goes to. */
    public static final String TARGET_HEADER = "GuanxiTarget";
    private static final Logger LOG = Logger.getLogger(InventoryFileImporter.class.getName());

    private final InventoryService inventory;
    private final ImportLog log;
    private final Consumer<String> changed;

    public InventoryFileImporter(InventoryService inventory, ImportLog log, Consumer<String> changed) {
        this.inventory = inventory;
        this.log = log;
        this.changed = changed;
    }

    public void importFile(Exchange exchange) throws IOException {
        String routeId = exchange.getFromRouteId();
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path file = exchange.getIn().getHeader("CamelFilePath", String.class) == null ? null
                : Path.of(exchange.getIn().getHeader("CamelFilePath", String.class));
        byte[] content = exchange.getIn().getBody(byte[].class);
        String hash = sha256(content);
        exchange.getIn().setHeader(TARGET_HEADER, ".done");
        if (log.isDone(routeId, hash)) {
            exchange.getIn().setHeader(TARGET_HEADER, ".duplicate");
            log.record(routeId, name, hash, Status.DUPLICATE, 0, null);
            LOG.info(() -> name + " was imported before (same content); moved to .duplicate");
            changed.accept(routeId);
            return;
        }
        try {
            long start = System.nanoTime();
            List<StockReport> rows = name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? InventoryXml.parse(name, content)
                    : InventoryCsv.parse(name, content);
            long parsed = System.nanoTime();
            int written = inventory.upsert(rows, name);
            log.record(routeId, name, hash, Status.DONE, written, null);
            long done = System.nanoTime();
            LOG.info(() -> name + ": " + written + " inventory levels imported in " + (done - start) / 1_000_000 + " ms (reading "
                    + (parsed - start) / 1_000_000 + " ms, writing " + (done - parsed) / 1_000_000 + " ms)");
        } catch (FileRejectedException e) {
            writeReason(file, name, e.report());
            log.record(routeId, name, hash, Status.FAILED, 0, e.getMessage());
            LOG.warning(() -> "Rejected " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            writeReason(file, name, e.toString() + "\n");
            log.record(routeId, name, hash, Status.FAILED, 0, e.toString());
            LOG.log(Level.WARNING, "Import of " + name + " failed", e);
            throw e;
        } finally {
            changed.accept(routeId);
        }
    }

    /** {@code .error/NAME.reason.txt} next to where the file consumer moves the failed file. */
    private static void writeReason(Path file, String name, String text) throws IOException {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent().resolve(".error");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".reason.txt"), text, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
