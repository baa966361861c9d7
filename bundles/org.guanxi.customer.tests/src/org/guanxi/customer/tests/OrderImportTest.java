package org.guanxi.customer.tests;

import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.service.OrderImportService.Field;
import org.guanxi.core.service.OrderImportService.Preview;
import org.guanxi.core.service.OrderImportService.Report;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.imports.OrderImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order lines from an ERP's Excel export with Chinese headers: mapping, Guanxi customer codes, all or nothing. */
class OrderImportTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private OrderImporter service;
    private Customer known;
    private java.time.Clock clock;

    @BeforeEach
    void setUp() throws Exception {
        // the files' orders are of October 2026, imported on 6 December 2026 (a later date would lie in the future)
        clock = AppClock.set(java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T02:00:00Z"), AppClock.zone()));
        fx = CustomerFixture.open(tmp);
        service = new OrderImporter(fx.db, fx.security, fx.audit);
        Customer c = new Customer();
        c.setName("华东物流有限公司");
        known = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db)).save(c);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        AppClock.set(clock);
    }

    @Test
    void linesThatWouldBendAnInvoiceAreRefusedWithTheirReasons() throws Exception {
        Path csv = tmp.resolve("bad-lines.csv");
        String c = known.getCode();
        Files.writeString(csv, "订单号,商品编码,品名,数量,日期,单价,客户,城市\n"
                + "B1,P1,托盘,2,2026-10-01,10," + c + ",上海\n"
                + "B2,P1,托盘,-3,2026-10-01,10," + c + ",上海\n"
                + "B3,P1,托盘,0,2026-10-01,10," + c + ",上海\n"
                + "B4,P1,托盘,1,2026-10-01,-5," + c + ",上海\n"
                + "B5,P1,托盘,1,2026-10-01,1e30," + c + ",上海\n"
                + "B6,P1,托盘,1,2027-01-01,10," + c + ",上海\n"
                + "B7,P1," + "长".repeat(201) + ",1,2026-10-01,10," + c + ",上海\n"
                + "B8,P1,托盘,1,2026-02-30,10," + c + ",上海\n"
                + "B9,P1,托盘,1,2026-10-01,10," + c + "," + "城".repeat(101) + "\n"
                + "C10,P1,托盘,-1,2026-10-02,10," + c + ",上海\n", StandardCharsets.UTF_8);
        Report r = service.importOrders(csv, service.preview(csv, 1).mapping());
        List<String> seen = r.problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.reason()).toList();
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), r.problems().stream().map(p -> p.line()).toList(), seen.toString());
        assertTrue(seen.get(0).startsWith("3 数量: quantity -3 on an invoice"), seen.get(0));
        assertTrue(seen.get(2).startsWith("5 单价: negative unit price -5"), seen.get(2));
        assertTrue(seen.get(3).startsWith("6 单价: unit price 1E+30"), seen.get(3));
        assertTrue(seen.get(4).startsWith("7 日期: the date 2027-01-01 00:00 lies in the future"), seen.get(4));
        assertTrue(seen.get(5).startsWith("8 品名: at most 200 characters"), seen.get(5));
        assertTrue(seen.get(6).startsWith("9 日期: '2026-02-30' is not a date"), seen.get(6));
        assertTrue(seen.get(7).startsWith("10 城市: at most 100 characters"), seen.get(7));
        assertEquals(0L, count("SELECT COUNT(*) FROM SALES_ORDER"), "nothing of it is imported; the return C10 was fine");
    }

    @Test
    void anExcelExportWithChineseHeadersIsMappedAndImported() throws Exception {
        Path xlsx = tmp.resolve("销售订单.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "ERP", "1.0");
            Worksheet ws = wb.newWorksheet("订单");
            Object[][] rows = { { "订单号", "商品编码", "品名", "数量", "订单日期", "单价", "客户编号", "城市" },
                    { "SO-2026-001", "P100", "集装箱托盘", 20, LocalDate.of(2026, 10, 8), 35.5, known.getCode(), "上海" },
                    { "SO-2026-001", "P200", "缠绕膜", 5, LocalDate.of(2026, 10, 8), 12, known.getCode(), "上海" },
                    { "SO-2026-002", "P100", "集装箱托盘", 4, LocalDate.of(2026, 10, 9), 35.5, 40123, "杭州" } };
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy/m/d").set();
                    } else if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else {
                        ws.value(r, c, v.toString());
                    }
                }
            }
            wb.finish();
        }
        Preview p = service.preview(xlsx, 5);
        assertEquals(Map.of(0, Field.ORDER_NO, 1, Field.PRODUCT_CODE, 2, Field.DESCRIPTION, 3, Field.QUANTITY, 4, Field.ORDER_DATE,
                5, Field.UNIT_PRICE, 6, Field.CUSTOMER, 7, Field.COUNTRY), p.mapping());
        assertEquals("2026-10-08", p.rows().get(0).get(4));

        Report r = service.importOrders(xlsx, p.mapping());
        assertEquals(List.of(), r.problems());
        assertEquals(2, r.orders());
        assertEquals(1, r.customersCreated(), "the source's customer number 40123 becomes a customer");
        assertEquals(2, r.productsCreated());
        assertEquals(0, new BigDecimal("770.00").compareTo(total("SO-2026-001", known.getId())), "20 × 35.5 + 5 × 12");
        assertEquals(1L, count("SELECT COUNT(*) FROM CUSTOMER WHERE CODE = 'OR40123' AND CITY = '杭州'"));
    }

    @Test
    void anUnknownCustomerCodeOrAMissingColumnImportsNothing() throws Exception {
        Path csv = tmp.resolve("orders.csv");
        Files.writeString(csv, "订单号,商品编码,数量,日期,单价,客户\n"
                + "A1,P1,2,2026-10-01,10," + known.getCode() + "\n"
                + "A2,P1,1,2026-10-02,10,C9999999\n", StandardCharsets.UTF_8);
        Report r = service.importOrders(csv, service.preview(csv, 1).mapping());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals(3, r.problems().get(0).line());
        assertEquals("客户", r.problems().get(0).field(), "the column as the file names it");
        assertTrue(r.problems().get(0).reason().contains("C9999999 does not exist"), r.problems().get(0).reason());
        assertEquals(0L, count("SELECT COUNT(*) FROM SALES_ORDER"));

        Map<Integer, Field> withoutPrice = new java.util.HashMap<>(service.preview(csv, 1).mapping());
        withoutPrice.remove(4);
        Report unmapped = service.importOrders(csv, withoutPrice);
        assertTrue(unmapped.problems().get(0).reason().contains("UNIT_PRICE"), unmapped.problems().toString());
        assertEquals(0L, count("SELECT COUNT(*) FROM SALES_ORDER"));
    }

    private BigDecimal total(String orderNo, long customerId) {
        return fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT TOTAL FROM SALES_ORDER WHERE ORDER_NO = ? AND CUSTOMER_ID = ?")) {
                ps.setString(1, orderNo);
                ps.setLong(2, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            }
        });
    }

    private long count(String sql) {
        return fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
