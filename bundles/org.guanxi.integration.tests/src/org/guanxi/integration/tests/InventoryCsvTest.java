package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.integration.FileRejectedException;
import org.guanxi.integration.FileRejectedException.Problem;
import org.guanxi.integration.InventoryCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EnglishLocale.class)
class InventoryCsvTest {


    private static List<StockReport> parse(String text) {
        return InventoryCsv.parse("test.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRowsWithOptionalReservedColumnInAnyColumnOrder() {
        List<StockReport> rows = parse("\uFEFFwarehouse,SKU,on_hand\nSH-01,SKU-1,10\n\nBJ-02,SKU-1,2.5\n");
        assertEquals(2, rows.size());
        assertEquals(new StockReport("SKU-1", "SH-01", new BigDecimal("10"), BigDecimal.ZERO), rows.get(0));
        assertEquals(0, new BigDecimal("2.5").compareTo(rows.get(1).onHand()));
    }

    @Test
    void gbkFilesFromChineseSpreadsheetsAreRead() {
        byte[] gbk = "sku,warehouse,on_hand\n绿茶-01,上海仓,5\n".getBytes(Charset.forName("GBK"));
        List<StockReport> rows = InventoryCsv.parse("gbk.csv", gbk);
        assertEquals("绿茶-01", rows.get(0).sku());
        assertEquals("上海仓", rows.get(0).warehouse());
    }

    @Test
    void everyBadLineIsReportedWithLineAndField() {
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> parse(
                "sku,warehouse,on_hand,reserved\nA,W,1,0\nB,W,twelve,0\n,W,5,0\nC,W,-3,0\nA,W,2,0\nD,W\n"));
        List<Problem> p = e.getProblems();
        assertEquals(new Problem(3, "on_hand", "'twelve' is not a number"), p.get(0));
        assertEquals(new Problem(4, "sku", "a value is required"), p.get(1));
        assertEquals(new Problem(5, "on_hand", "must not be negative (found -3)"), p.get(2));
        assertEquals(new Problem(6, "sku", "the same SKU and warehouse already appear on line 2"), p.get(3));
        assertEquals(7, p.get(4).line());
        assertTrue(e.report().contains("test.csv was rejected; nothing from it was imported."), e.report());
        assertTrue(e.report().contains("Line 3, field \"on_hand\": 'twelve' is not a number"), e.report());
    }

    @Test
    void aMissingColumnOrAnEmptyFileIsRejected() {
        FileRejectedException header = assertThrows(FileRejectedException.class, () -> parse("sku,qty\nA,1\n"));
        assertTrue(header.getProblems().get(0).reason().contains("sku,warehouse,on_hand"));
        assertThrows(FileRejectedException.class, () -> parse("sku,warehouse,on_hand\n"));
        assertThrows(FileRejectedException.class, () -> InventoryCsv.parse("bin.csv", new byte[] { (byte) 0xff, (byte) 0xfe, 0, 0x41, (byte) 0x80, (byte) 0xff }));
    }

    @Test
    void reasonsAreInChineseForAChineseUser() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        FileRejectedException e = assertThrows(FileRejectedException.class, () -> parse("sku,warehouse,on_hand\nA,W,x\n"));
        assertTrue(e.report().contains("第 2 行，字段“on_hand”：“x”不是数字"), e.report());
    }
}
