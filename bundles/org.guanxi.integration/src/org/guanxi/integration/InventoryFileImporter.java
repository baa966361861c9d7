package org.guanxi.integration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.guanxi.integration.FileRejectedException.Problem;
import org.guanxi.integration.ImportLog.Status;

/**
 * The bean behind the SCM inventory route ({@code inventoryFiles} in the route files). One file is one
 * transaction: all its rows are upserted, or — when any line is wrong — none, and a reason file naming every bad
 * line and field is written to {@code .error/} beside the inbox. A file of the same name and content as one imported
 * before is logged as a duplicate and moved to {@code .duplicate/}. Files are streamed; one larger than
 * {@code inbox.maxMegabytes} is refused with its reason.
 */
public class InventoryFileImporter {

    /** Header the route's {@code move} option reads: the folder the processed file goes to. */
    public static final String TARGET_HEADER = "GuanxiTarget";
    private static final Logger LOG = Logger.getLogger(InventoryFileImporter.class.getName());

    private final InventoryService inventory;
    private final ImportLog log;
    private final Consumer<String> changed;

    /** Files above it are refused with a reason at once: what a desktop's memory and one transaction take. */
    private final long maxBytes;

    public InventoryFileImporter(InventoryService inventory, ImportLog log, long maxBytes, Consumer<String> changed) {
        this.inventory = inventory;
        this.log = log;
        this.maxBytes = maxBytes;
        this.changed = changed;
    }

    public void importFile(Exchange exchange) throws IOException {
        String routeId = exchange.getFromRouteId();
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path file = Path.of(exchange.getIn().getHeader("CamelFilePath", String.class));
        exchange.getIn().setHeader(TARGET_HEADER, ".done");
        String hash = "";
        try {
            // too large is refused before the file is read at all (it was never imported, so it is no duplicate either)
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new FileRejectedException(name, List.of(new Problem(0, "", FileRejectedException.TEXTS.get(
                        "reason.tooBig", (size + (1 << 20) - 1) >> 20, maxBytes >> 20))));
            }
            hash = sha256(file);
            // the same name and the same bytes: the same delivery again. Equal bytes under another name are a new
            // snapshot (stock back where it was two days ago), applied like any other.
            if (log.isDone(routeId, name, hash)) {
                exchange.getIn().setHeader(TARGET_HEADER, ".duplicate");
                log.record(routeId, name, hash, Status.DUPLICATE, 0, null);
                LOG.info(() -> name + " was imported before (same name and content); moved to .duplicate");
                return;
            }
            long start = System.nanoTime();
            List<StockReport> rows;
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    rows = InventoryXml.parse(name, in);
                }
            } else {
                rows = InventoryCsv.parse(name, file);
            }
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
        } catch (IOException | RuntimeException | Error e) {
            // every file that ends in .error/ says why, whatever went wrong
            writeReason(file, name, FileRejectedException.TEXTS.get("reason.failed", e) + "\n");
            log.record(routeId, name, hash, Status.FAILED, 0, e.toString());
            LOG.log(Level.WARNING, "Import of " + name + " failed", e);
            throw e;
        } finally {
            InboxReadiness.removeMarkers(file);
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
        MessageDigest digest = sha256();
        return HexFormat.of().formatHex(digest.digest(content));
    }

    /** Streamed: a file of any size is hashed without being held in memory. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
