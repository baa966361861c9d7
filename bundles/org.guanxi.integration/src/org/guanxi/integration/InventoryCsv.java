package org.guanxi.integration;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * accepted whole or rejected with every problem listed.
 */
public final class InventoryCsv {

    static final List<String> REQUIRED = List.of("sku", "warehouse", "on_hand");
    private static final int MAX_PROBLEMS = 200;

    private InventoryCsv() {
    }

    public static List<StockReport> parse(String fileName, byte[] content) {
        String text = decode(fileName, content);
        List<Problem> problems = new ArrayList<>();
        List<StockReport> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
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
                    problems.add(new Problem((int) line, "", FileRejectedException.TEXTS.get("reason.columns", header.size(), r.size())));
                    continue;
                }
                String sku = text(problems, line, "sku", r.get(header.get("sku")), 40);
                String warehouse = text(problems, line, "warehouse", r.get(header.get("warehouse")), 40);
                BigDecimal onHand = quantity(problems, line, "on_hand", r.get(header.get("on_hand")), true);
                BigDecimal reserved = header.containsKey("reserved")
                        ? quantity(problems, line, "reserved", r.get(header.get("reserved")), false)
                        : BigDecimal.ZERO;
                if (sku != null && warehouse != null) {
                    Long earlier = seen.putIfAbsent(sku + '\u0000' + warehouse, line);
                    if (earlier != null) {
                        problems.add(new Problem((int) line, "sku", FileRejectedException.TEXTS.get("reason.duplicate", earlier)));
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
                if (sku != null && warehouse != null && onHand != null && reserved != null) {
                    rows.add(new StockReport(sku, warehouse, onHand, reserved));
                }
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            problems.add(new Problem(0, "", FileRejectedException.TEXTS.get("reason.csv", e.getMessage())));
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new Problem(0, "", FileRejectedException.TEXTS.get("reason.empty")));
        }
        if (!problems.isEmpty()) {
            throw new FileRejectedException(fileName, problems);
        }
        return rows;
    }

    private static String text(List<Problem> problems, long line, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem((int) line, field, FileRejectedException.TEXTS.get("reason.required")));
            return null;
        }
        if (value.length() > max) {
            problems.add(new Problem((int) line, field, FileRejectedException.TEXTS.get("reason.tooLong", max)));
            return null;
        }
        return value;
    }

    private static BigDecimal quantity(List<Problem> problems, long line, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem((int) line, field, FileRejectedException.TEXTS.get("reason.required")));
                return null;
            }
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal n = new BigDecimal(value.replace(",", ""));
            if (n.signum() < 0) {
                problems.add(new Problem((int) line, field, FileRejectedException.TEXTS.get("reason.negative", value)));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new Problem((int) line, field, FileRejectedException.TEXTS.get("reason.number", value)));
            return null;
        }
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
