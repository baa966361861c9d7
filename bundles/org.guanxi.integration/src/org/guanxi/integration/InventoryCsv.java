package org.guanxi.integration;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.integration.FileRejectedException.Problem;
import org.guanxi.tables.TableFileException;
import org.guanxi.tables.TextEncoding;

/**
 * Reads an SCM inventory file: CSV with the header {@code sku,warehouse,on_hand[,reserved]}, in UTF-8 (with or
 * without BOM), GB18030/GBK — what Chinese spreadsheets save by default — or UTF-16 with BOM. Every line is checked;
 * the file is accepted whole or rejected with every problem listed. The file is streamed, never held in memory whole.
 * The last line must end with a line break: a file without one may have been cut short.
 */
public final class InventoryCsv {

    static final List<String> REQUIRED = List.of("sku", "warehouse", "on_hand");

    private InventoryCsv() {
    }

    public static List<StockReport> parse(String fileName, byte[] content) {
        return parse(fileName, () -> new ByteArrayInputStream(content), tail(content));
    }

    public static List<StockReport> parse(String fileName, Path file) {
        try {
            return parse(fileName, () -> Files.newInputStream(file), tail(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<StockReport> parse(String fileName, Callable<InputStream> open, byte[] tail) {
        TextEncoding.Detected encoding = encoding(fileName, open);
        StockRows rows = new StockRows();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (InputStream in = open.call()) {
            in.skipNBytes(encoding.bom());
            try (CSVParser parser = CSVParser.parse(new BufferedReader(new InputStreamReader(in, encoding.charset()), 1 << 16), format)) {
                if (parser.getHeaderMap() == null) {
                    return rows.result(fileName);
                }
                Map<String, Integer> header = new HashMap<>();
                parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
                if (!header.keySet().containsAll(REQUIRED)) {
                    throw new FileRejectedException(fileName, List.of(new Problem(1, "",
                            FileRejectedException.TEXTS.get("reason.header", String.join(",", REQUIRED),
                                    String.join(",", parser.getHeaderNames())))));
                }
                for (CSVRecord r : parser) {
                    long line = parser.getCurrentLineNumber();
                    if (r.size() != header.size()) {
                        rows.problem(line, "", FileRejectedException.TEXTS.get("reason.columns", header.size(), r.size()));
                        continue;
                    }
                    rows.add(line, r.get(header.get("sku")), r.get(header.get("warehouse")), r.get(header.get("on_hand")),
                            header.containsKey("reserved") ? r.get(header.get("reserved")) : null);
                    if (rows.full()) {
                        break;
                    }
                }
                if (!rows.full() && !endsWithLineBreak(tail, encoding.charset())) {
                    // a file cut short in transfer would otherwise import its last value truncated ("120" as "12")
                    rows.problem(parser.getCurrentLineNumber(), "", FileRejectedException.TEXTS.get("reason.truncated"));
                }
            }
        } catch (FileRejectedException e) {
            throw e;
        } catch (Exception e) {
            // Commons CSV signals a malformed header (an empty or repeated name) and bad quoting with these
            rows.problem(0, "", FileRejectedException.TEXTS.get("reason.csv", e.getMessage()));
        }
        return rows.result(fileName);
    }

    private static TextEncoding.Detected encoding(String fileName, Callable<InputStream> open) {
        try {
            return TextEncoding.detect(fileName, open);
        } catch (TableFileException e) {
            throw new FileRejectedException(fileName, List.of(new Problem((int) e.line(), "",
                    FileRejectedException.TEXTS.get("reason.encoding"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean endsWithLineBreak(byte[] tail, Charset charset) {
        int n = tail.length;
        if (n == 0) {
            return true;
        }
        if (charset.equals(StandardCharsets.UTF_16LE)) {
            return n >= 2 && tail[n - 2] == '\n' && tail[n - 1] == 0;
        }
        if (charset.equals(StandardCharsets.UTF_16BE)) {
            return n >= 2 && tail[n - 2] == 0 && tail[n - 1] == '\n';
        }
        return tail[n - 1] == '\n';
    }

    /** The last two bytes (fewer in a shorter file). */
    private static byte[] tail(byte[] content) {
        return java.util.Arrays.copyOfRange(content, Math.max(0, content.length - 2), content.length);
    }

    private static byte[] tail(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(2, size));
            ch.position(size - b.capacity());
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read the last bytes
            }
            return b.array();
        }
    }
}
