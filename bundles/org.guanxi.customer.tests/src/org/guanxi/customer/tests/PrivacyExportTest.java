package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Customer;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.core.service.ExportLog;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.PrivacyService.Export;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.privacy.PrivacyServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** PIPL Art. 45: everything held about one person, and nothing about anyone else, in JSON and Excel. */
class PrivacyExportTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private PrivacyServiceImpl privacy;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        new DemoDataGenerator(fx.db).generate(120, 7, n -> { });
        privacy = fx.privacy(tmp.resolve("data"));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void theExportHoldsEveryRowAboutThePersonAndTheirAuditTrail() throws Exception {
        long id = count("SELECT CUSTOMER_ID FROM SALES_ORDER GROUP BY CUSTOMER_ID ORDER BY COUNT(*) DESC, CUSTOMER_ID "
                + "FETCH FIRST 1 ROW ONLY");
        CustomerServiceImpl customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        Customer c = customers.get(id);
        c.setNotes("要求开具增值税专用发票");
        c.setConsentSms(!c.isConsentSms());
        customers.save(c); // a correction (Art. 46): in the audit trail, and so in the export; a consent in the ledger
        String code = c.getCode();

        Export e = privacy.export(code, tmp.resolve("out"));
        if (e.json().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(e.json())));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(e.workbook())));
        }
        Map<String, Object> json = read(e.json());
        assertEquals(code, json.get("customer"));
        Map<String, List<Map<String, Object>>> tables = cast(json.get("tables"));
        assertEquals(1, tables.get("CUSTOMER").size(), "the person, no one else");
        assertEquals(code, tables.get("CUSTOMER").get(0).get("CODE"));
        assertEquals(count("SELECT COUNT(*) FROM SALES_ORDER WHERE CUSTOMER_ID = " + id), tables.get("SALES_ORDER").size());
        assertEquals(count("SELECT COUNT(*) FROM ORDER_LINE l JOIN SALES_ORDER o ON o.ID = l.ORDER_ID WHERE o.CUSTOMER_ID = " + id),
                tables.get("ORDER_LINE").size(), "the orders' lines, one step further");
        assertTrue(count("SELECT COUNT(*) FROM CONSENT_EVENT WHERE CUSTOMER_ID = " + id) > 0);
        for (String table : List.of("CONTACT", "INTERACTION", "ADDRESS", "CONTACT_POINT", "INVOICE", "CONSENT_EVENT")) {
            long held = count("SELECT COUNT(*) FROM " + table + " WHERE CUSTOMER_ID = " + id);
            assertEquals(held, tables.getOrDefault(table, List.of()).size(), table);
        }
        assertTrue(tables.get("SALES_ORDER").stream().allMatch(o -> ((Number) o.get("CUSTOMER_ID")).longValue() == id));
        List<Map<String, Object>> trail = cast(json.get("AUDIT_LOG"));
        assertTrue(trail.stream().anyMatch(a -> "notes".equals(a.get("FIELD")) && "要求开具增值税专用发票".equals(a.get("NEW_VALUE"))),
                "the audit trail about the person");
        // a team database's own trail, written by triggers, comes with it (administrators may read it)
        List<String> trails = json.containsKey("DATA_CHANGE") ? List.of("AUDIT_LOG", "DATA_CHANGE") : List.of("AUDIT_LOG");
        int rows = tables.values().stream().mapToInt(List::size).sum()
                + trails.stream().mapToInt(t -> ((List<?>) json.get(t)).size()).sum();
        assertEquals(rows, e.rows());

        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(e.workbook().toFile())) {
            List<String> sheets = wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
            List<String> expected = new ArrayList<>(tables.keySet());
            expected.addAll(trails);
            assertEquals(expected, sheets, "a sheet per table and per trail");
            var customerSheet = wb.getFirstSheet().read();
            assertEquals(2, customerSheet.size());
            assertEquals(code, cellOf(customerSheet, "CODE"));
        }
        List<AuditEntry> recorded = fx.db.read(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE a.entity = :e AND a.field = 'what'",
                AuditEntry.class).setParameter("e", ExportLog.ENTITY).getResultList());
        assertEquals(2, recorded.size(), "both files are recorded exports");
        assertTrue(recorded.get(0).getNewValue().contains(code));
    }

    @Test
    void onlyAPrivacyAdministratorExportsAndAnUnknownCodeIsSaid() {
        assertThrows(org.guanxi.core.service.NotFoundException.class, () -> privacy.export("C9999999", tmp));
        fx.security.createUser("reader", "Reader", "secret-12".toCharArray(), "READONLY");
        fx.security.createUser("rep", "Rep", "secret-12".toCharArray(), "SALES_MANAGER");
        for (String who : List.of("reader", "rep")) {
            assertTrue(fx.security.login(who, "secret-12".toCharArray()));
            assertThrows(PermissionDeniedException.class, () -> privacy.export("C0000001", tmp.resolve(who)));
            assertFalse(Files.exists(tmp.resolve(who)));
        }
    }

    private static String cellOf(List<org.dhatim.fastexcel.reader.Row> sheet, String column) {
        for (int i = 0; i < sheet.get(0).getCellCount(); i++) {
            if (column.equals(sheet.get(0).getCellText(i))) {
                return sheet.get(1).getCellText(i);
            }
        }
        return null;
    }

    private long count(String sql) {
        return fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /** The file as maps, lists, text and numbers (Jackson's streaming parser: the product has no object mapper). */
    private static Map<String, Object> read(Path file) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            p.nextToken();
            return cast(value(p));
        }
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
        case START_OBJECT -> {
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String name = p.currentName();
                p.nextToken();
                m.put(name, value(p));
            }
            return m;
        }
        case START_ARRAY -> {
            List<Object> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                l.add(value(p));
            }
            return l;
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            return p.getNumberValue();
        }
        case VALUE_TRUE, VALUE_FALSE -> {
            return p.getBooleanValue();
        }
        case VALUE_NULL -> {
            return null;
        }
        default -> {
            return p.getText();
        }
        }
    }
}
