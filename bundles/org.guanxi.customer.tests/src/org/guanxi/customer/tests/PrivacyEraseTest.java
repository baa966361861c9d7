package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Customer;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.PrivacyService.Erasure;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.privacy.PrivacyServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PIPL Art. 47: after an erasure no table and no file of the data folder holds the person's name, phone, e-mail or ID
 * number, and every total is what it was.
 */
class PrivacyEraseTest {

    private static final String NAME = "欧阳测试甲";
    private static final String PHONE = "13987650123";
    private static final String EMAIL = "ouyang.erase@example.cn";
    private static final String ID_NUMBER = "11010519491231002X";

    /** Business figures that an erasure must leave as they are. */
    private static final List<String> TOTALS = List.of("SELECT COUNT(*) FROM CUSTOMER", "SELECT COUNT(*) FROM SALES_ORDER",
            "SELECT SUM(TOTAL) FROM SALES_ORDER", "SELECT COUNT(*) FROM ORDER_LINE",
            "SELECT SUM(QUANTITY) FROM ORDER_LINE", "SELECT SUM(AMOUNT) FROM INVOICE", "SELECT COUNT(*) FROM INTERACTION",
            "SELECT COUNT(*) FROM SERVICE_CASE", "SELECT SUM(POINTS) FROM POINTS_LEDGER");

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private PrivacyServiceImpl privacy;
    private Path data;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        new DemoDataGenerator(fx.db).generate(120, 7, n -> { });
        data = tmp.resolve("data");
        privacy = fx.privacy(data);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void theErasedPersonIsNowhereAndEveryTotalIsUnchanged() throws Exception {
        long id = scalar("SELECT CUSTOMER_ID FROM SALES_ORDER GROUP BY CUSTOMER_ID ORDER BY COUNT(*) DESC, CUSTOMER_ID "
                + "FETCH FIRST 1 ROW ONLY").longValue();
        CustomerServiceImpl customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        Customer c = customers.get(id);
        String oldName = c.getName();
        c.setName(NAME);
        c.setPhone(PHONE);
        c.setEmail(EMAIL);
        c.setIdNumber(ID_NUMBER);
        c.setNotes("身份证 " + ID_NUMBER + "，电话 " + PHONE);
        customers.save(c); // the audit trail now holds the old and the new values
        String code = c.getCode();
        Files.createDirectories(data.resolve("inbox/archive"));
        Path order = data.resolve("inbox/archive/order-1.xml");
        Files.writeString(order, "<order><buyer>" + NAME + "</buyer><phone>" + PHONE + "</phone><sku>A-1</sku></order>");
        Path log = data.resolve("logs/guanxi.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "screen pop for " + PHONE + "\n");
        long logLength = Files.size(log);
        privacy.export(code, data.resolve("exports"));
        assertTrue(everywhere(PHONE).size() > 1, "the phone is held in several places before");

        List<Number> before = totals();
        Erasure e = privacy.erase(code, "本人来电要求删除 (" + NAME + ")");
        assertEquals(before, totals(), "orders, amounts, lines, points: as they were");

        for (String value : List.of(NAME, PHONE, EMAIL, ID_NUMBER)) {
            assertEquals(List.of(), everywhere(value), value + " is nowhere in the database");
        }
        // the former name may be another customer's too; about this one, the trail keeps it no more
        assertTrue(fx.audit.history("Customer", id).stream().noneMatch(a -> oldName.equals(a.getOldValue())
                || oldName.equals(a.getNewValue())), "the former name is out of the trail");
        assertEquals(code, scalarText("SELECT CODE FROM CUSTOMER WHERE ID = " + id), "the customer's code stays");
        assertEquals("[erased]", scalarText("SELECT NAME FROM CUSTOMER WHERE ID = " + id));
        assertEquals(1, scalar("SELECT COUNT(*) FROM CUSTOMER WHERE NAME = '[erased]'").intValue(), "no one else");
        assertEquals(0, scalar("SELECT COUNT(*) FROM KEY_DATE WHERE CUSTOMER_ID = " + id).intValue());

        String archived = Files.readString(order, StandardCharsets.UTF_8);
        assertFalse(archived.contains(NAME) || archived.contains(PHONE), archived);
        assertTrue(archived.contains("<sku>A-1</sku>"), "what is not personal stays");
        assertEquals(logLength, Files.size(log), "a log keeps its length, for its writer");
        assertFalse(Files.readString(log).contains(PHONE));
        try (var exports = Files.list(data.resolve("exports"))) {
            assertEquals(0, exports.count(), "the person's earlier export is gone");
        }
        assertTrue(e.rows() > 0 && e.tables() > 3 && e.files() == 4, e.toString());

        // an embedded database's pages were rewritten; its transaction log holds the values until Derby recycles it
        try (var files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getParent().endsWith("log")).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(PHONE), f.toString());
            }
        }
        List<AuditEntry> recorded = fx.audit.history("Customer", id).stream().filter(a -> "erasure".equals(a.getField())).toList();
        assertEquals(1, recorded.size());
        assertEquals("PIPL Art. 47: 本人来电要求删除 ([erased])", recorded.get(0).getNewValue(), "why, without who");
    }

    @Test
    void onlyAPrivacyAdministratorErasesAndOnlyWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> privacy.erase("C0000001", " "));
        assertThrows(org.guanxi.core.service.NotFoundException.class, () -> privacy.erase("C9999999", "request"));
        String name = scalarText("SELECT NAME FROM CUSTOMER WHERE CODE = 'C0000001'");
        fx.security.createUser("rep", "Rep", "secret-12".toCharArray(), "SALES_MANAGER");
        assertTrue(fx.security.login("rep", "secret-12".toCharArray()));
        assertThrows(PermissionDeniedException.class, () -> privacy.erase("C0000001", "request"));
        assertEquals(name, scalarText("SELECT NAME FROM CUSTOMER WHERE CODE = 'C0000001'"));
    }

    private List<Number> totals() {
        List<Number> out = new ArrayList<>();
        for (String sql : TOTALS) {
            Number n = scalar(sql);
            out.add(n == null ? null : new java.math.BigDecimal(n.toString()).stripTrailingZeros());
        }
        return out;
    }

    /** Every table and text column of the whole database that contains {@code value}, as TABLE.COLUMN. */
    private List<String> everywhere(String value) {
        return fx.db.jdbc(c -> {
            List<String> hits = new ArrayList<>();
            boolean pg = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
            String schema = pg ? "public" : c.getSchema();
            for (String table : tables(c, schema)) {
                try (ResultSet cols = c.getMetaData().getColumns(null, schema, table, "%")) {
                    while (cols.next()) {
                        int type = cols.getInt("DATA_TYPE");
                        if (type != Types.VARCHAR && type != Types.CHAR && type != Types.CLOB && type != Types.LONGVARCHAR) {
                            continue;
                        }
                        String column = cols.getString("COLUMN_NAME");
                        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " LIKE ?")) {
                            ps.setString(1, "%" + value + "%");
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) > 0) {
                                    hits.add((table + "." + column).toUpperCase(Locale.ROOT));
                                }
                            }
                        }
                    }
                }
            }
            return hits;
        });
    }

    private static List<String> tables(Connection c, String schema) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }

    private Number scalar(String sql) {
        return fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (Number) rs.getObject(1);
            }
        });
    }

    private String scalarText(String sql) {
        return fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }
}
