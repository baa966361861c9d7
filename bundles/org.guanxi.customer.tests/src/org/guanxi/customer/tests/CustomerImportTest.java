package org.guanxi.customer.tests;

import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Customer;
import org.guanxi.core.service.CustomerImportService.Field;
import org.guanxi.core.service.CustomerImportService.Preview;
import org.guanxi.core.service.CustomerImportService.Report;
import org.guanxi.core.service.OrderImportService.Problem;
import org.guanxi.customer.Customer360ServiceImpl;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.CustomerValueServiceImpl;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.customer.care.CareServiceImpl;
import org.guanxi.customer.care.TaskServiceImpl;
import org.guanxi.customer.imports.CustomerImportServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customer import: column mapping from Chinese headers, all-or-nothing with a report per bad line, duplicates. */
class CustomerImportTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private CustomerImportServiceImpl service;
    private CustomerServiceImpl customers;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        service = new CustomerImportServiceImpl(fx.db, fx.security, fx.audit);
        customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        Customer existing = new Customer();
        existing.setName("老客户");
        existing.setPhone("13900001111");
        customers.save(existing);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Path file(String name, String... lines) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return f;
    }

    private long count(String sql) throws Exception {
        try (Connection c = fx.db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void chineseHeadersAreMappedAndEveryLineIsImported() throws Exception {
        Path f = file("客户.csv", "客户名称;类型;手机;邮箱;会员卡号;城市;生日;备注;不认识的列",
                "王芳;个人;+86 138-0013-8000;Wang.Fang@example.cn;vip001;上海;1985/3/21;老顾客;x",
                "\"北京华远科技有限公司\";企业;010-6552 9988;;;北京;;\"含;分号\";y",
                "Anna Brown;person;;anna@example.com;;London;19900102;;");
        Preview p = service.preview(f, 10);
        assertEquals(9, p.headers().size());
        assertEquals(Map.of(0, Field.NAME, 1, Field.KIND, 2, Field.PHONE, 3, Field.EMAIL, 4, Field.MEMBER_CARD, 5, Field.CITY,
                6, Field.BIRTHDAY, 7, Field.NOTES), p.mapping());
        assertEquals(3, p.rows().size());

        Report r = service.importCustomers(f, p.mapping(), false, n -> { });
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.imported());
        assertEquals(4, count("SELECT COUNT(*) FROM CUSTOMER"));
        assertEquals(1, count("SELECT COUNT(*) FROM CUSTOMER WHERE NAME = '北京华远科技有限公司' AND KIND = 'ORGANISATION' "
                + "AND NOTES = '含;分号' AND PHONE_KEY = '01065529988'"));
        assertEquals(1, count("SELECT COUNT(*) FROM AUDIT_LOG WHERE ACTION = 'IMPORT' AND NEW_VALUE LIKE '客户.csv: 3 customers%'"));
        // the import is in the history of the first customer it brought, read back like any other change
        long first = count("SELECT ENTITY_ID FROM AUDIT_LOG WHERE ACTION = 'IMPORT'");
        assertTrue(fx.audit.history("Customer", first).stream().anyMatch(e -> e.getAction() == AuditEntry.Action.IMPORT
                && e.getNewValue().startsWith("客户.csv: 3 customers")));
        // imported customers are found like any other: by pinyin, a differently written phone, the card
        Customer360ServiceImpl lookup = new Customer360ServiceImpl(fx.db, fx.security, customers,
                new CustomerValueServiceImpl(fx.db, fx.security, fx.audit), new InteractionServiceImpl(fx.db, fx.security, fx.audit),
                new CareServiceImpl(fx.db, fx.security, fx.audit), new TaskServiceImpl(fx.db, fx.security, fx.audit));
        assertEquals("王芳", lookup.lookup("wangfang", 5).get(0).name());
        assertEquals("王芳", lookup.lookup("13800138000", 5).get(0).name());
        assertEquals("王芳", lookup.lookup("VIP001", 5).get(0).name());
        assertEquals("王芳", lookup.lookup("wang.fang@example.cn", 5).get(0).name());
        assertEquals(3, count("SELECT COUNT(*) FROM CUSTOMER WHERE CODE IN ('C0000002', 'C0000003', 'C0000004')"),
                "codes are assigned after the existing ones");
    }

    @Test
    void aFileWithBadLinesImportsNothingAndNamesFileLineAndColumn() throws Exception {
        Path f = file("bad.csv", "name,phone,email,birthday,kind",
                "Good One,13811112222,good@example.com,1980-01-01,person",
                "Bad Mail,13811113333,not-a-mail,,",
                ",13811114444,,,",
                "Bad Date,,,31.12.1980,",
                "Bad Kind,,,,alien");
        Report r = service.importCustomers(f, service.preview(f, 1).mapping(), false, n -> { });
        assertEquals(0, r.imported());
        assertEquals(5, r.lines());
        assertEquals(List.of(3L, 4L, 5L, 6L), r.problems().stream().map(Problem::line).toList());
        Problem mail = r.problems().get(0);
        assertEquals("bad.csv", mail.file());
        assertEquals("email", mail.field());
        assertTrue(mail.reason().contains("not a valid e-mail"), mail.reason());
        assertEquals("name", r.problems().get(1).field());
        assertTrue(r.problems().get(2).reason().contains("31.12.1980"), r.problems().get(2).reason());
        assertEquals("kind", r.problems().get(3).field());
        assertEquals(1, count("SELECT COUNT(*) FROM CUSTOMER"), "nothing imported");
    }

    @Test
    void textIsDecodedAsWrittenOrRefusedNeverBent() throws Exception {
        // what Excel saves as "CSV" on a Chinese Windows: GB18030 (GBK), no byte-order mark
        Path gbk = tmp.resolve("gbk.csv");
        Files.write(gbk, "客户名称,城市\r\n张伟,杭州\r\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
        Report r = service.importCustomers(gbk, service.preview(gbk, 1).mapping(), false, n -> { });
        assertEquals(List.of(), r.problems());
        assertEquals(1, count("SELECT COUNT(*) FROM CUSTOMER WHERE NAME = '张伟' AND CITY = '杭州'"));

        // neither UTF-8 nor GB18030 (Latin-1): refused, never stored as replacement characters
        Path latin = tmp.resolve("latin1.csv");
        Files.write(latin, "name,city\nJos\u00e9,S\u00e3o Paulo\n".getBytes(StandardCharsets.ISO_8859_1));
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> service.preview(latin, 1));
        assertTrue(e.getMessage().contains("latin1.csv") && e.getMessage().contains("file is not UTF-8 or GB18030"), e.getMessage());
        assertEquals(0, count("SELECT COUNT(*) FROM CUSTOMER WHERE CITY LIKE 'S%Paulo'"));
    }

    @Test
    void impossibleDatesControlCharactersShortLinesAndOverlongValuesAreRefused() throws Exception {
        Path f = file("hostile.csv", "name,birthday,notes,source",
                "Feb Thirty,1990-02-30,,",
                "Nul Byte,,bad\u0000note,",
                "Short Line,1980-01-01",
                "Long Note,,," + "x".repeat(41),
                "Fine,1980-01-01,ok,web");
        Map<Integer, Field> mapping = Map.of(0, Field.NAME, 1, Field.BIRTHDAY, 2, Field.NOTES, 3, Field.SOURCE);
        Report r = service.importCustomers(f, mapping, false, n -> { });
        assertEquals(0, r.imported());
        assertEquals(1, r.problems().size(), "the control character stops the reading: " + r.problems());
        Problem nul = r.problems().get(0);
        assertEquals(3, nul.line());
        assertTrue(nul.field().contains("3") && nul.field().contains("notes"), nul.field());
        assertTrue(nul.reason().contains("U+0000"), nul.reason());

        Path g = file("hostile2.csv", "name,birthday,notes,source",
                "Feb Thirty,1990-02-30,,",
                "Long Source,,," + "x".repeat(41),
                "Long Note,,\"" + "备".repeat(2001) + "\",",
                "Fine,1980-01-01,ok,web");
        r = service.importCustomers(g, mapping, false, n -> { });
        assertEquals(0, r.imported());
        List<String> seen = r.problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.reason()).toList();
        assertEquals(3, seen.size(), seen.toString());
        assertTrue(seen.get(0).startsWith("2 birthday: ") && seen.get(0).contains("1990-02-30"), seen.get(0));
        assertTrue(seen.get(1).startsWith("3 source: ") && seen.get(1).contains("40"), seen.get(1));
        assertTrue(seen.get(2).startsWith("4 notes: ") && seen.get(2).contains("2,000"), seen.get(2));

        Path h = file("short.csv", "name,birthday,notes,source", "Fine,1980-01-01,ok,web", "Short Line,1980-01-01");
        r = service.importCustomers(h, mapping, false, n -> { });
        assertEquals(0, r.imported());
        assertEquals(3, r.problems().get(0).line());
        assertTrue(r.problems().get(0).reason().contains("2 cells, the header 4"), r.problems().get(0).reason());
        assertEquals(1, count("SELECT COUNT(*) FROM CUSTOMER"), "nothing imported");
    }

    @Test
    void aBrokenWorkbookIsRefusedWithAMessage() throws Exception {
        Path broken = tmp.resolve("坏的.xlsx");
        Files.write(broken, new byte[] { 'P', 'K', 3, 4, 0, 0, 1, 2, 3 });
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> service.preview(broken, 1));
        assertTrue(e.getMessage().contains("坏的.xlsx") && e.getMessage().contains("Excel"), e.getMessage());
    }

    @Test
    void duplicatesOfStoredCustomersAndOfEarlierLinesAreFound() throws Exception {
        Path f = file("dup.csv", "name,phone,email",
                "New Person,13700000001,same@example.com",
                "Caller Again,+86 139 0000 1111,",
                "Copy Cat,13700000002,SAME@example.com",
                "Fine,13700000003,");
        Map<Integer, Field> mapping = service.preview(f, 1).mapping();
        Report rejected = service.importCustomers(f, mapping, false, n -> { });
        assertEquals(0, rejected.imported());
        assertEquals(2, rejected.problems().size(), rejected.problems().toString());
        assertEquals(3, rejected.problems().get(0).line());
        assertTrue(rejected.problems().get(0).reason().contains("老客户"), rejected.problems().get(0).reason());
        assertEquals(4, rejected.problems().get(1).line());
        assertEquals("email", rejected.problems().get(1).field());
        assertTrue(rejected.problems().get(1).reason().contains("line 2"), rejected.problems().get(1).reason());

        Report skipped = service.importCustomers(f, mapping, true, n -> { });
        assertEquals(2, skipped.imported());
        assertEquals(2, skipped.duplicatesSkipped());
        assertEquals(3, count("SELECT COUNT(*) FROM CUSTOMER"));
    }

    /** A number cell shown with leading zeros, as member cards often are. */
    private record Padded(long value, String format) {
    }

    /** An Excel sheet as people fill it in: a real date cell, a phone typed as a number, an empty row between. */
    private Path workbook(String name, Object[]... rows) throws Exception {
        Path f = tmp.resolve(name);
        try (java.io.OutputStream out = Files.newOutputStream(f)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("客户");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof java.time.LocalDate d) {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy\"年\"m\"月\"d\"日\"").set();
                    } else if (v instanceof Padded p) {
                        ws.value(r, c, p.value());
                        ws.style(r, c).format(p.format()).set();
                    } else if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (v != null) {
                        ws.value(r, c, v.toString());
                    }
                }
            }
            wb.finish();
        }
        return f;
    }

    @Test
    void excelWorkbooksAreImportedLikeCsvWithRowNumbersInTheReport() throws Exception {
        Object[] header = { "客户名称", "手机", "邮箱", "生日", "城市" };
        Object[] blank = {};
        Path bad = workbook("客户.xlsx", header,
                new Object[] { "李雷", 13812345678L, "li.lei@example.cn", java.time.LocalDate.of(1988, 7, 15), "广州" },
                blank,
                new Object[] { "韩梅梅", "139 8765 4321", "不是邮箱", null, "广州" });
        Preview p = service.preview(bad, 5);
        assertEquals(Map.of(0, Field.NAME, 1, Field.PHONE, 2, Field.EMAIL, 3, Field.BIRTHDAY, 4, Field.CITY), p.mapping());
        assertEquals(List.of("李雷", "13812345678", "li.lei@example.cn", "1988-07-15", "广州"), p.rows().get(0));
        Report rejected = service.importCustomers(bad, p.mapping(), false, n -> { });
        assertEquals(0, rejected.imported());
        assertEquals(1, rejected.problems().size(), rejected.problems().toString());
        Problem mail = rejected.problems().get(0);
        assertEquals("客户.xlsx", mail.file());
        assertEquals(4, mail.line(), "the row number Excel shows");
        assertEquals("邮箱", mail.field());

        Object[] withCard = { "客户名称", "手机", "邮箱", "生日", "城市", "会员卡号" };
        Path good = workbook("客户2.xlsx", withCard,
                new Object[] { "李雷", 13812345678L, "li.lei@example.cn", java.time.LocalDate.of(1988, 7, 15), "广州",
                        new Padded(392, "0000000000") },
                new Object[] { "韩梅梅", "139 8765 4321", "han.meimei@example.cn", null, "广州" });
        Report r = service.importCustomers(good, service.preview(good, 1).mapping(), false, n -> { });
        assertEquals(List.of(), r.problems());
        assertEquals(2, r.imported());
        assertEquals(1, count("SELECT COUNT(*) FROM CUSTOMER WHERE NAME = '李雷' AND PHONE_KEY = '13812345678' "
                + "AND BIRTHDAY = DATE('1988-07-15') AND MEMBER_CARD = '0000000392'"));
    }

    @Test
    void aFileThatIsNotAWorkbookIsReportedByName() throws Exception {
        Path fake = file("fake.xlsx", "name", "x");
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> service.preview(fake, 1));
        assertTrue(e.getMessage().contains("fake.xlsx"), e.getMessage());
    }
}
