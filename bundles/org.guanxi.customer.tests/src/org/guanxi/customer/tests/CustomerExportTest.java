package org.guanxi.customer.tests;

import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.service.ExportLog;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.customer.CustomerExportServiceImpl;
import org.guanxi.customer.CustomerValueServiceImpl;
import org.guanxi.security.ExportLogImpl;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerExportTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private CustomerServiceImpl customers;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        new DemoDataGenerator(fx.db).generate(250, 3, n -> { });
        customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private CustomerExportServiceImpl exportService() {
        return new CustomerExportServiceImpl(customers, new CustomerValueServiceImpl(fx.db, fx.security, fx.audit), fx.security,
                new ExportLogImpl(fx.db, fx.security, fx.audit));
    }

    @Test
    void everyExportIsRecordedAndNeedsItsOwnPermission() throws Exception {
        Path all = tmp.resolve("all.xlsx");
        assertEquals(250, exportService().export("", all));
        List<AuditEntry> recorded = fx.db.read(em -> em.createQuery(
                "SELECT a FROM AuditEntry a WHERE a.entity = :e ORDER BY a.field", AuditEntry.class)
                .setParameter("e", ExportLog.ENTITY).getResultList());
        assertEquals(List.of("file", "rows", "what"), recorded.stream().map(AuditEntry::getField).toList());
        assertEquals(all.toAbsolutePath().toString(), recorded.get(0).getNewValue());
        assertEquals("250", recorded.get(1).getNewValue());
        assertEquals("customers", recorded.get(2).getNewValue());
        assertEquals(fx.security.currentUser(), recorded.get(0).getUser());

        // a read-only person sees the list but may not write it to a file, and nothing is written
        fx.security.createUser("reader", "Reader", "secret-12".toCharArray(), "READONLY");
        assertTrue(fx.security.login("reader", "secret-12".toCharArray()));
        assertFalse(new ExportLogImpl(fx.db, fx.security, fx.audit).allowed());
        Path refused = tmp.resolve("refused.csv");
        assertThrows(PermissionDeniedException.class, () -> exportService().export("", refused));
        assertThrows(PermissionDeniedException.class, () -> exportService().exportValues(refused));
        assertFalse(Files.exists(refused));
    }

    @Test
    void theListIsExportedWithTheSameSearchAsOnScreen() throws Exception {
        CustomerExportServiceImpl export = exportService();
        Path all = tmp.resolve("all.csv");
        assertEquals(250, export.export("", all));
        List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8);
        assertEquals(251, lines.size());
        assertEquals("\uFEFFcode,name,kind,phone,email,member_card,city", lines.get(0));
        assertEquals(customers.find("", 0, 1).get(0).code(), lines.get(1).substring(0, 8));

        String prefix = customers.find("", 100, 1).get(0).name().substring(0, 1);
        Path some = tmp.resolve("some.csv");
        int n = export.export(prefix, some);
        assertEquals(customers.count(prefix), n);
        assertTrue(n < 250);
        assertEquals(n + 1, Files.readAllLines(some, StandardCharsets.UTF_8).size());
    }

    @Test
    void anExcelExportHoldsTheSameRowsWithAFrozenHeader() throws Exception {
        CustomerExportServiceImpl export = exportService();
        Path xlsx = tmp.resolve("客户.xlsx");
        assertEquals(250, export.export("", xlsx));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertEquals(251, rows.size());
            assertEquals("code", rows.get(0).getCellText(0));
            assertEquals("member_card", rows.get(0).getCellText(5));
            var first = customers.find("", 0, 1).get(0);
            assertEquals(first.code(), rows.get(1).getCellText(0));
            assertEquals(first.name(), rows.get(1).getCellText(1));
            assertEquals(first.phone(), rows.get(1).getCellText(3));
        }
    }

    @Test
    void noCsvCellStartsALiveFormulaWhileNumbersStayNumbers() throws Exception {
        Path csv = tmp.resolve("hostile.csv");
        try (org.guanxi.tables.TableWriter out = org.guanxi.tables.TableWriter.open(csv, "x", List.of("a", "b", "c", "d", "e", "f", "g"))) {
            out.row(List.of("=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd", "@SUM(A1)", "\t=1+1", "\r=1", "王芳"));
            out.row(java.util.Arrays.asList(-5, new java.math.BigDecimal("-12.50"), "-12.5", "+86 138", "1e30", null, "a=b"));
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        var cells = org.apache.commons.csv.CSVParser.parse(csv, StandardCharsets.UTF_8, org.apache.commons.csv.CSVFormat.DEFAULT).getRecords();
        assertEquals(List.of("'=HYPERLINK(\"http://evil\",\"x\")", "'+cmd|' /C calc'!A0", "'-2+3+cmd", "'@SUM(A1)", "'\t=1+1", "'\r=1", "王芳"),
                cells.get(1).toList());
        assertEquals(List.of("-5", "-12.50", "-12.5", "'+86 138", "1e30", "", "a=b"), cells.get(2).toList(), "numbers stay numbers");

        var hostile = customers.find("", 0, 1).get(0);
        var c = customers.get(hostile.id());
        c.setName("=1+2");
        customers.save(c);
        Path list = tmp.resolve("list.csv");
        exportService().export("", list);
        assertTrue(Files.readString(list).contains("," + "'=1+2,"), "the customer export too");
    }
}
