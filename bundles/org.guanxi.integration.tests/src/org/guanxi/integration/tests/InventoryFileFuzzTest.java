package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.integration.FileRejectedException;
import org.guanxi.integration.InventoryCsv;
import org.guanxi.integration.InventoryXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thousands of generated inventory files, valid ones mutated the way files get damaged (cut short, bytes flipped,
 * characters inserted or deleted, lines repeated, re-encoded, garbage): every file is either rejected with reasons
 * naming a line, or imported with rows that are all valid — never an unexpected exception, never a value cut short.
 */
@ExtendWith(EnglishLocale.class)
class InventoryFileFuzzTest {

    private static final int ROUNDS = 3_000;
    private static final String[] NOISE = { "\"", ",", "\n", "\r\n", "<", ">", "&", "\u0000", "-", "1e9", "绿", "\uFEFF", "'", " " };


    private static List<StockReport> rows(Random r) {
        List<StockReport> out = new ArrayList<>();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            out.add(new StockReport("SKU-" + (1000 + i), r.nextBoolean() ? "WH-SH" : "上海仓", BigDecimal.valueOf(r.nextInt(5000)),
                    BigDecimal.valueOf(r.nextInt(50))));
        }
        return out;
    }

    private static String csv(List<StockReport> rows) {
        StringBuilder s = new StringBuilder("sku,warehouse,on_hand,reserved\n");
        rows.forEach(x -> s.append(x.sku()).append(',').append(x.warehouse()).append(',').append(x.onHand()).append(',')
                .append(x.reserved()).append('\n'));
        return s.toString();
    }

    private static String xml(List<StockReport> rows) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Inventory xmlns=\"urn:guanxi:scm:1\">\n");
        rows.forEach(x -> s.append("  <Stock sku=\"").append(x.sku()).append("\" warehouse=\"").append(x.warehouse())
                .append("\" onHand=\"").append(x.onHand()).append("\" reserved=\"").append(x.reserved()).append("\"/>\n"));
        return s.append("</Inventory>\n").toString();
    }

    @Test
    void csvFilesAreImportedWholeOrRejectedWithReasons() {
        fuzz("csv", InventoryFileFuzzTest::csv, InventoryCsv::parse);
    }

    @Test
    void xmlFilesAreImportedWholeOrRejectedWithReasons() {
        fuzz("xml", InventoryFileFuzzTest::xml, InventoryXml::parse);
    }

    @Test
    void aCsvCutShortImportsNothingOrExactlyItsCompleteLines() {
        Random r = new Random(7);
        for (int round = 0; round < ROUNDS; round++) {
            List<StockReport> original = rows(r);
            byte[] bytes = csv(original).getBytes(StandardCharsets.UTF_8);
            int cut = 1 + r.nextInt(bytes.length - 1);
            byte[] part = java.util.Arrays.copyOf(bytes, cut);
            try {
                List<StockReport> got = InventoryCsv.parse("cut.csv", part);
                assertEquals(original.subList(0, got.size()), got, "cut at byte " + cut + " imported a damaged row");
            } catch (FileRejectedException expected) {
                assertFalse(expected.getProblems().isEmpty());
            }
        }
    }

    @Test
    void anXmlFileCutShortIsAlwaysRejected() {
        Random r = new Random(11);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = xml(rows(r)).getBytes(StandardCharsets.UTF_8);
            int cut = 1 + r.nextInt(bytes.length - "</Inventory>\n".length());
            byte[] part = java.util.Arrays.copyOf(bytes, cut);
            try {
                InventoryXml.parse("cut.xml", part);
                fail("a file cut at byte " + cut + " of " + bytes.length + " was imported");
            } catch (FileRejectedException expected) {
                assertFalse(expected.getProblems().isEmpty());
            }
        }
    }

    @Test
    void gbkAndUtf8GiveTheSameRows() {
        Random r = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<StockReport> original = rows(r);
            String text = csv(original);
            assertEquals(original, InventoryCsv.parse("utf8.csv", text.getBytes(StandardCharsets.UTF_8)));
            assertEquals(original, InventoryCsv.parse("gbk.csv", text.getBytes(Charset.forName("GBK"))));
        }
    }

    private static void fuzz(String kind, java.util.function.Function<List<StockReport>, String> writer,
            BiFunction<String, byte[], List<StockReport>> parser) {
        Random r = new Random(20261123L + kind.hashCode());
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = mutate(r, writer.apply(rows(r)));
            try {
                List<StockReport> got = parser.apply("fuzz." + kind, input);
                Set<String> keys = new HashSet<>();
                for (StockReport row : got) {
                    assertTrue(row.sku() != null && !row.sku().isBlank() && row.sku().length() <= 40, row.toString());
                    assertTrue(row.warehouse() != null && !row.warehouse().isBlank() && row.warehouse().length() <= 40, row.toString());
                    assertTrue(row.onHand().signum() >= 0 && row.reserved().signum() >= 0, row.toString());
                    assertTrue(keys.add(row.sku() + "|" + row.warehouse()), "twice: " + row);
                }
            } catch (FileRejectedException e) {
                rejected++;
                assertFalse(e.getProblems().isEmpty());
                e.getProblems().forEach(p -> assertTrue(p.line() >= 0 && !p.reason().isBlank(), p.toString()));
                assertFalse(e.report().isBlank());
            } catch (RuntimeException | Error e) {
                throw new AssertionError(kind + " round " + round + " failed on input:\n"
                        + new String(input, StandardCharsets.UTF_8), e);
            }
        }
        assertTrue(rejected > ROUNDS / 10, "the mutations should damage many files; rejected " + rejected);
    }

    private static byte[] mutate(Random r, String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            if (s.isEmpty()) {
                s.append('\n');
            }
            int at = r.nextInt(s.length());
            switch (r.nextInt(8)) {
                case 0 -> s.insert(at, NOISE[r.nextInt(NOISE.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(8)));
                case 2 -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
                case 3 -> {
                    int nl = s.indexOf("\n", at);
                    int start = s.lastIndexOf("\n", at) + 1;
                    if (nl > start) {
                        s.insert(nl + 1, s.substring(start, nl + 1));
                    }
                }
                case 4 -> s.setLength(Math.max(1, at));
                case 5 -> s.insert(at, "9".repeat(1 + r.nextInt(60)));
                case 6 -> s.insert(at, "x".repeat(r.nextInt(200)));
                default -> { // leave as is: some inputs stay valid
                }
            }
        }
        byte[] bytes = s.toString().getBytes(r.nextInt(5) == 0 ? Charset.forName("GBK") : StandardCharsets.UTF_8);
        if (r.nextInt(20) == 0) {
            bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
        }
        return bytes;
    }
}
