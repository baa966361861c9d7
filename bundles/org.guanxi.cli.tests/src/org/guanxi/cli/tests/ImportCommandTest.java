package org.guanxi.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import orders}: a retailer's invoices, returns and anonymous lines; a bad file imports nothing. */
class ImportCommandTest extends CommandTestSupport {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @TempDir
    Path tmp;

    @Test
    void invoicesReturnsAndLinesWithoutCustomerAreHandledAsARetailerExpects() throws Exception {
        Path file = tmp.resolve("retail.csv");
        Files.writeString(file, HEADER
                + "T900001,85123A,WHITE HANGING HEART,6,2011-03-01 08:26:00,2.55,99001.0,United Kingdom\n"
                + "T900001,71053,WHITE METAL LANTERN,2,2011-03-01 08:26:00,3.39,99001.0,United Kingdom\n"
                + "T900002,85123A,WHITE HANGING HEART,12,2011-04-02 10:00:00,2.55,99002.0,France\n"
                + "CT900003,85123A,WHITE HANGING HEART,-1,2011-04-05 11:00:00,2.55,99001.0,United Kingdom\n"
                + "T900004,22139,,56,2011-04-06 11:52:00,0.0,,United Kingdom\n");
        assertEquals(0, run("import", "orders", file.toString()), err());
        String printed = out();
        assertTrue(printed.contains("lines read: 5, order lines imported: 4"), printed);
        assertTrue(printed.contains("orders: 2, returns (cancellations): 1, already imported before: 0"), printed);
        assertTrue(printed.contains("lines without a customer (left out): 1"), printed);

        assertEquals(0, run("import", "orders", file.toString(), "--format", "online-retail"));
        assertTrue(out().contains("orders: 0, returns (cancellations): 0, already imported before: 3"),
                "a second import of the same file adds nothing: " + out());
    }

    @Test
    void aBadLineRejectsTheWholeFileNamingFileLineAndField() throws Exception {
        Path file = tmp.resolve("bad-retail.csv");
        Files.writeString(file, HEADER
                + "T910001,85123A,WHITE HANGING HEART,6,2011-03-01 08:26:00,2.55,99101.0,United Kingdom\n"
                + "T910002,85123A,WHITE HANGING HEART,six,2011-03-01 08:26:00,2.55,99101.0,United Kingdom\n"
                + "T910003,85123A,WHITE HANGING HEART,6,01/03/2011,2.55,99101.0,United Kingdom\n");
        assertEquals(1, run("import", "orders", file.toString()));
        String e = err();
        assertTrue(e.contains("bad-retail.csv was rejected, nothing was imported (2 problems)"), e);
        assertTrue(e.contains("bad-retail.csv, line 3, field \"Quantity\": 'six' is not a whole number"), e);
        assertTrue(e.contains("bad-retail.csv, line 4, field \"InvoiceDate\""), e);
        assertEquals(1, run("import", "orders", tmp.resolve("missing.csv").toString()));
        assertEquals(2, run("import", "orders"));
        assertEquals(2, run("import", "customers-from-mars", "x"));
    }

    @Test
    void customersAreImportedWithTheProposedOrAGivenMapping() throws Exception {
        Path file = tmp.resolve("cli-customers.csv");
        Files.writeString(file, "客户名称,手机,备用\n赵雷,13512340001,x\n钱多多,13512340002,y\n");
        assertEquals(0, run("import", "customers", file.toString()), err());
        assertTrue(out().contains("客户名称 -> NAME"), out());
        assertTrue(out().contains("备用 -> (ignored)"), out());
        assertTrue(out().contains("Imported 2 customers of 2 lines from cli-customers.csv"), out());

        Path again = tmp.resolve("again.csv");
        Files.writeString(again, "who,tel\n孙悟空,13512340009\n赵雷二,+86 135 1234 0001\n");
        assertEquals(1, run("import", "customers", again.toString(), "--map", "who=NAME,2=PHONE"));
        assertTrue(err().contains("again.csv, line 3, field \"tel\": already belongs to customer"), err());
        assertEquals(0, run("import", "customers", again.toString(), "--map", "who=NAME,2=PHONE", "--skip-duplicates"), err());
        assertTrue(out().contains("Imported 1 customers of 2 lines"), out());
        assertEquals(2, run("import", "customers", again.toString(), "--map", "nope=NAME"));
        assertEquals(2, run("import", "customers", again.toString(), "--map", "who=SHOE_SIZE"));
    }

    @Test
    void anUnreadableFileEndsTheCommandWithOneAndItsReason() throws Exception {
        Path xlsx = tmp.resolve("broken.xlsx");
        Files.write(xlsx, "this is not a workbook".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, run("import", "customers", xlsx.toString()));
        assertTrue(err().contains("broken.xlsx") && err().contains("Excel"), err());
        assertEquals(1, run("import", "orders", xlsx.toString()));
        assertTrue(err().contains("broken.xlsx"), err());
        assertEquals(1, run("import", "leads", xlsx.toString()));

        Path latin = tmp.resolve("latin1.csv");
        Files.write(latin, "name,city\nJos\u00e9,S\u00e3o Paulo\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(1, run("import", "customers", latin.toString()));
        assertTrue(err().contains("file is not UTF-8 or GB18030"), err());

        Path nul = tmp.resolve("nul.csv");
        Files.writeString(nul, "客户名称,备注\n甲,ok\n乙,bad\u0000note\n");
        assertEquals(1, run("import", "customers", nul.toString()));
        assertTrue(err().contains("nul.csv, line 3") && err().contains("U+0000"), err());
    }
}
