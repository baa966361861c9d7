package org.guanxi.integration;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.integration.FileRejectedException.Problem;

/**
 * Reads an SCM inventory file: CSV with the header {@code sku,warehouse,on_hand[,reserved]}, in UTF-8 (with or
 * without BOM) or GBK, the encoding Chinese spreadsheets save by default. Every line is checked; the file is
 * accepted whole or rejected with every problem listed. The last line must end with a line break: a file without
 * one may have been cut short.
 */
public final class InventoryCsv {

    static final List<String> REQUIRED = List.of("sku", "warehouse", "on_hand");

    private InventoryCsv() {
    }

    public static List<StockReport> parse(String fileName, byte[] content) {
        String text = decode(fileName, content);
        StockRows rows = new StockRows();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            // a file cut short in transfer would otherwise import its last value truncated ("120" as "12")
            long lines = text.lines().count();
            throw new FileRejectedException(fileName, List.of(new Problem((int) lines, "", FileRejectedException.TEXTS.get("reason.truncated"))));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
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
        } catch (FileRejectedException e) {
            throw e;
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            // Commons CSV signals a malformed header (an empty or repeated name) and bad quoting with these
            rows.problem(0, "", FileRejectedException.TEXTS.get("reason.csv", e.getMessage()));
        }
        return rows.result(fileName);
    }

    /** UTF-8 when the bytes are valid UTF-8, otherwise GBK; a byte-order mark is dropped. */
    static String decode(String fileName, byte[] content) {
        for (Charset cs : new Charset[] { StandardCharsets.UTF_8, Charset.forName("GBK") }) {
            try {
                String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                return s.startsWith("\uFEFF") ? s.substring(1) : s;
            } catch (CharacterCodingException e) {
                // try the next encoding
            }
        }
        throw new FileRejectedException(fileName, List.of(new Problem(0, "", FileRejectedException.TEXTS.get("reason.encoding"))));
    }
}
