package org.guanxi.customer.tests;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.service.CustomerImportService.Report;
import org.guanxi.core.service.CustomerValueService.Summary;
import org.guanxi.customer.Customer360ServiceImpl;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.CustomerValueServiceImpl;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.customer.care.CareServiceImpl;
import org.guanxi.customer.care.TaskServiceImpl;
import org.guanxi.customer.imports.CustomerImportServiceImpl;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer module at scale ({@code releng/guanxi bench customer}): 1,000,000 customers imported from CSV and
 * 10,000,000 order lines, each figure beside a baseline measured in the same run. Prints figures and asserts nothing
 * about time; runs only with {@code -Dguanxi.bench=true}.
 */
class CustomerBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("guanxi.bench.customers", 1_000_000);
    private static final long LINES = Long.getLong("guanxi.bench.lines", 10L * CUSTOMERS);
    private static final int LOOKUPS = 10_000;
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣瑶怡婷雪琳晨曦".split("");

    @TempDir
    Path tmp;

    @Test
    void customerModuleAtAMillionCustomers() throws Exception {
        assumeTrue(Boolean.getBoolean("guanxi.bench"), "benchmarks run with -Dguanxi.bench=true");
        System.out.printf(Locale.ROOT, "%nCustomer module benchmark: %,d customers, %,d order lines%n", CUSTOMERS, LINES);
        Path csv = writeCustomerFile(tmp.resolve("customers.csv"));

        double rawRate = rawImport(csv);
        JpaDatabase db = JpaDatabase.openEmbedded(tmp.resolve("db"));
        try {
            SecurityServiceImpl security = new SecurityServiceImpl(db);
            security.signInAsProcess();
            AuditLogImpl audit = new AuditLogImpl(db, security);
            CustomerImportServiceImpl importer = new CustomerImportServiceImpl(db, security, audit);
            long t = System.nanoTime();
            Report r = importer.importCustomers(csv, importer.preview(csv, 1).mapping(), false, n -> { });
            double s = (System.nanoTime() - t) / 1e9;
            if (!r.problems().isEmpty()) {
                throw new AssertionError("the generated file should import: " + r.problems().subList(0, 3));
            }
            double rate = r.imported() / s;
            System.out.printf(Locale.ROOT, "%-52s %,10.0f rows/s (%.1f s)   raw JDBC %,10.0f rows/s   ratio %.2f (goal >= 0.70)%n",
                    "import customers (validation + duplicate check)", rate, s, rawRate, rate / rawRate);

            t = System.nanoTime();
            long lines = generateOrders(db);
            System.out.printf(Locale.ROOT, "generated %,d order lines in %.1f s%n", lines, (System.nanoTime() - t) / 1e9);

            CustomerServiceImpl customers = new CustomerServiceImpl(db, security, audit, new OutboxRepository(db));
            CustomerValueServiceImpl values = new CustomerValueServiceImpl(db, security, audit);
            Customer360ServiceImpl pop = new Customer360ServiceImpl(db, security, customers, values,
                    new InteractionServiceImpl(db, security, audit), new CareServiceImpl(db, security, audit),
                    new TaskServiceImpl(db, security, audit));
            System.out.printf(Locale.ROOT, "%-52s %10s %10s   %10s %10s%n", "operation (service vs raw JDBC)", "p50 ms", "p99 ms",
                    "JDBC p50", "JDBC p99");
            try (Connection c = db.dataSource().getConnection()) {
                Random random = new Random(7);
                lookup("screen pop: caller number (+86 …)", () -> pop.lookup(callerId(random.nextInt(CUSTOMERS)), 10).size(),
                        c, "SELECT ID, CODE, NAME, PHONE, CITY FROM CUSTOMER WHERE PHONE_KEY = ?", i -> phone(i));
                // 手机尾号: the last 4 digits (100 customers share them here), beside the number's first digits
                lookup("screen pop: last 4 digits of the number", () -> pop.lookup(tail(random.nextInt(CUSTOMERS)), 10).size(),
                        c, "SELECT ID, CODE, NAME, PHONE, CITY FROM CUSTOMER WHERE PHONE_TAIL LIKE ? ORDER BY PHONE_TAIL "
                                + "FETCH FIRST 10 ROWS ONLY", i -> new StringBuilder(tail(i)).reverse() + "%");
                lookup("screen pop: first 8 digits of the number", () -> pop.lookup(phone(random.nextInt(CUSTOMERS)).substring(0, 8), 10).size(),
                        c, "SELECT ID, CODE, NAME, PHONE, CITY FROM CUSTOMER WHERE PHONE_KEY LIKE ? ORDER BY PHONE_KEY "
                                + "FETCH FIRST 10 ROWS ONLY", i -> phone(i).substring(0, 8) + "%");
                lookup("customer list: last 4 digits, first page shown", 200,
                        () -> customers.find(tail(random.nextInt(CUSTOMERS)), 0, 100).size(),
                        c, "SELECT ID, CODE, KIND, NAME, PHONE, EMAIL, MEMBER_CARD, CITY FROM CUSTOMER WHERE PHONE_TAIL LIKE ? "
                                + "ORDER BY NAME_KEY, ID FETCH FIRST 100 ROWS ONLY", i -> new StringBuilder(tail(i)).reverse() + "%");
                lookup("customer list: first 8 digits, first page shown", 200,
                        () -> customers.find(phone(random.nextInt(CUSTOMERS)).substring(0, 8), 0, 100).size(),
                        c, "SELECT ID, CODE, KIND, NAME, PHONE, EMAIL, MEMBER_CARD, CITY FROM CUSTOMER WHERE PHONE_KEY LIKE ? "
                                + "ORDER BY NAME_KEY, ID FETCH FIRST 100 ROWS ONLY", i -> phone(i).substring(0, 8) + "%");
                lookup("screen pop: member card", () -> pop.lookup(card(random.nextInt(CUSTOMERS)), 10).size(),
                        c, "SELECT ID, CODE, NAME, PHONE, CITY FROM CUSTOMER WHERE MEMBER_CARD = ?", i -> card(i));
                lookup("screen pop: name prefix (2 characters)", () -> pop.lookup(namePrefix(random.nextInt(CUSTOMERS)), 10).size(),
                        c, "SELECT ID, CODE, NAME, PHONE, CITY FROM CUSTOMER WHERE NAME_KEY LIKE ? ORDER BY NAME_KEY, ID "
                                + "FETCH FIRST 10 ROWS ONLY", i -> namePrefix(i) + "%");
                // what the list does: the first page is shown at once, the count follows in the background
                lookup("customer list: first page shown", 200, () -> customers.find("", 0, 100).size(),
                        c, "SELECT ID, CODE, KIND, NAME, PHONE, EMAIL, MEMBER_CARD, CITY FROM CUSTOMER ORDER BY NAME_KEY, ID "
                                + "FETCH FIRST 100 ROWS ONLY", null);
                lookup("customer list: count for the scroll bar (background)", 50, () -> customers.count(""),
                        c, "SELECT COUNT(*) FROM CUSTOMER", null);
                lookup("customer list: keystroke, first page shown", 200,
                        () -> customers.find(pinyinPrefix(random.nextInt(CUSTOMERS)), 0, 100).size(),
                        c, "SELECT ID, CODE, KIND, NAME, PHONE, EMAIL, MEMBER_CARD, CITY FROM CUSTOMER WHERE PINYIN_KEY LIKE ? "
                        + "ORDER BY PINYIN_KEY, ID FETCH FIRST 100 ROWS ONLY", i -> pinyinPrefix(i) + "%");
                lookup("customer list: keystroke, count up to 10,000 (background)", 200, () -> {
                    String p = pinyinPrefix(random.nextInt(CUSTOMERS));
                    return customers.count(p, 10_000);
                }, c, "SELECT COUNT(*) FROM CUSTOMER WHERE PINYIN_KEY LIKE ?", i -> pinyinPrefix(i) + "%");
            }

            t = System.nanoTime();
            long sql = sqlAggregate(db);
            double sqlSeconds = (System.nanoTime() - t) / 1e9;
            // the analysis logs its phases at FINE: show them beside the figures
            java.util.logging.Logger phases = java.util.logging.Logger.getLogger(CustomerValueServiceImpl.class.getName());
            java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
            handler.setLevel(java.util.logging.Level.FINE);
            phases.setLevel(java.util.logging.Level.FINE);
            phases.addHandler(handler);
            t = System.nanoTime();
            Summary summary = values.analyse(values.latestOrderDate(), n -> { });
            double analysis = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "%-52s %10.1f s   SQL aggregate %6.1f s (%,d groups)   ratio %.2f (goals <= 30 s, <= 3)%n",
                    "pyramid + lifecycle + RFM + CLV + matrix, stored", analysis, sqlSeconds, sql, analysis / sqlSeconds);
            System.out.printf(Locale.ROOT, "  VIP %,d, major %,d, ordinary %,d, small %,d; equity %s%n",
                    summary.pyramid().get(0).customers(), summary.pyramid().get(1).customers(), summary.pyramid().get(2).customers(),
                    summary.pyramid().get(3).customers(), summary.equity());
            rawStore(db, summary.runId());
        } finally {
            db.close();
        }
    }

    static String name(int i) {
        Random r = new Random(i * 31L + 5);
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
    }

    static String namePrefix(int i) {
        return name(i).substring(0, 2);
    }

    static String pinyinPrefix(int i) {
        return org.guanxi.core.model.SearchKeys.pinyinKey(name(i)).substring(0, 4);
    }

    static String tail(int i) {
        String p = phone(i);
        return p.substring(p.length() - 4);
    }

    static String phone(int i) {
        return String.format(Locale.ROOT, "139%08d", i);
    }

    /** The number as a caller id delivers it, not as it was stored. */
    static String callerId(int i) {
        return "+86 139-" + String.format(Locale.ROOT, "%04d-%04d", i / 10_000, i % 10_000);
    }

    static String card(int i) {
        return String.format(Locale.ROOT, "M%09d", i);
    }

    private static Path writeCustomerFile(Path file) throws Exception {
        long t = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("客户名称,类型,手机,邮箱,会员卡号,城市,生日\n");
            String[] cities = { "北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安", "南京", "重庆" };
            for (int i = 0; i < CUSTOMERS; i++) {
                w.write(name(i) + "," + (i % 10 < 3 ? "企业" : "个人") + "," + phone(i) + ",u" + i + "@example.cn," + card(i) + ","
                        + cities[i % cities.length] + "," + (1950 + i % 55) + "-" + String.format("%02d-%02d", 1 + i % 12, 1 + i % 28) + "\n");
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s (%,d bytes) in %.1f s%n", file.getFileName(), Files.size(file),
                (System.nanoTime() - t) / 1e9);
        return file;
    }

    /** The baseline: the same file parsed and batch-inserted into the same table, without checks or search keys. */
    private double rawImport(Path csv) throws Exception {
        JpaDatabase db = JpaDatabase.openEmbedded(tmp.resolve("raw"));
        try (Connection c = db.dataSource().getConnection()) {
            long t = System.nanoTime();
            c.setAutoCommit(false);
            int n = 0;
            try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader()
                    .setSkipHeaderRecord(true).get());
                    PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, NAME_KEY, "
                            + "PINYIN_KEY, PHONE, PHONE_KEY, EMAIL, EMAIL_KEY, MEMBER_CARD, TAX_ID, ID_NUMBER, CITY, BIRTHDAY, SOURCE, "
                            + "OWNER_LOGIN, NOTES, CONSENT_EMAIL, CONSENT_SMS, CONSENT_PHONE, CREATED_AT, UPDATED_AT) "
                            + "VALUES (?, 1, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, NULL, NULL, ?, ?, 'IMPORT', 'bench', NULL, FALSE, FALSE, "
                            + "FALSE, ?, ?)")) {
                IdBlock ids = new IdBlock(c);
                Timestamp now = Timestamp.from(AppClock.now());
                for (CSVRecord r : parser) {
                    ps.setLong(1, ids.next());
                    ps.setString(2, String.format("C%07d", ++n));
                    ps.setString(3, r.get(1).equals("企业") ? "ORGANISATION" : "PERSON");
                    ps.setString(4, r.get(0));
                    ps.setString(5, r.get(0));
                    ps.setString(6, r.get(2));
                    ps.setString(7, r.get(2));
                    ps.setString(8, r.get(3));
                    ps.setString(9, r.get(3));
                    ps.setString(10, r.get(4));
                    ps.setString(11, r.get(5));
                    ps.setDate(12, Date.valueOf(r.get(6)));
                    ps.setTimestamp(13, now);
                    ps.setTimestamp(14, now);
                    ps.addBatch();
                    if (n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            return n / ((System.nanoTime() - t) / 1e9);
        } finally {
            db.close();
        }
    }

    /** About three orders of about three lines per customer, skewed so the pyramid has a top, over two years. */
    private static long generateOrders(JpaDatabase db) throws SQLException {
        Random random = new Random(11);
        LocalDate today = AppClock.today();
        long lines = 0;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            IdBlock ids = new IdBlock(c);
            long[] products = new long[40];
            BigDecimal[] prices = new BigDecimal[40];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO PRODUCT (ID, VERSION, SKU, NAME, CATEGORY, UNIT_PRICE, "
                    + "UNIT_COST) VALUES (?, 1, ?, ?, 'Bench', ?, ?)")) {
                for (int p = 0; p < products.length; p++) {
                    products[p] = ids.next();
                    prices[p] = BigDecimal.valueOf(10 + random.nextInt(2000));
                    ps.setLong(1, products[p]);
                    ps.setString(2, "B-" + p);
                    ps.setString(3, "Bench product " + p);
                    ps.setBigDecimal(4, prices[p]);
                    ps.setBigDecimal(5, prices[p].multiply(BigDecimal.valueOf(0.6)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long[] customers = new long[CUSTOMERS];
            int n = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID FROM CUSTOMER")) {
                while (rs.next() && n < customers.length) {
                    customers[n++] = rs.getLong(1);
                }
            }
            double perCustomer = (double) LINES / n;
            long orderNo = 0;
            try (PreparedStatement order = c.prepareStatement("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, ORDER_DATE, "
                    + "STATUS, CURRENCY, TOTAL) VALUES (?, 1, ?, ?, ?, 'INVOICED', 'CNY', ?)");
                    PreparedStatement line = c.prepareStatement("INSERT INTO ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, PRODUCT_ID, "
                            + "QUANTITY, UNIT_PRICE) VALUES (?, 1, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n && lines < LINES; i++) {
                    // exponential number of lines per customer with the wanted mean: a long tail of big buyers
                    int wanted = (int) Math.round(-Math.log(1 - random.nextDouble()) * perCustomer);
                    while (wanted > 0) {
                        int inOrder = Math.min(wanted, 1 + random.nextInt(5));
                        wanted -= inOrder;
                        long orderId = ids.next();
                        BigDecimal total = BigDecimal.ZERO;
                        for (int l = 1; l <= inOrder; l++) {
                            int p = random.nextInt(products.length);
                            int qty = 1 + random.nextInt(4);
                            total = total.add(prices[p].multiply(BigDecimal.valueOf(qty)));
                            line.setLong(1, ids.next());
                            line.setLong(2, orderId);
                            line.setInt(3, l);
                            line.setLong(4, products[p]);
                            line.setInt(5, qty);
                            line.setBigDecimal(6, prices[p]);
                            line.addBatch();
                            lines++;
                        }
                        order.setLong(1, orderId);
                        order.setString(2, String.format("B%09d", ++orderNo));
                        order.setLong(3, customers[i]);
                        order.setDate(4, Date.valueOf(today.minusDays(random.nextInt(730))));
                        order.setBigDecimal(5, total);
                        order.addBatch();
                    }
                    if (i % 2_000 == 1_999) {
                        order.executeBatch();
                        line.executeBatch();
                        c.commit();
                    }
                }
                order.executeBatch();
                line.executeBatch();
                c.commit();
            }
        }
        return lines;
    }

    /** The baseline of the analysis: the per-customer sums it needs, as two hand-written grouped queries. */
    private static long sqlAggregate(JpaDatabase db) throws SQLException {
        long groups = 0;
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT CUSTOMER_ID, COUNT(*), SUM(TOTAL), MAX(ORDER_DATE), MIN(ORDER_DATE) "
                    + "FROM SALES_ORDER GROUP BY CUSTOMER_ID")) {
                while (rs.next()) {
                    groups++;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT o.CUSTOMER_ID, SUM(l.QUANTITY * p.UNIT_COST) FROM SALES_ORDER o "
                    + "JOIN ORDER_LINE l ON l.ORDER_ID = o.ID JOIN PRODUCT p ON p.ID = l.PRODUCT_ID GROUP BY o.CUSTOMER_ID")) {
                while (rs.next()) {
                    groups++;
                }
            }
        }
        return groups;
    }

    /**
     * What storing a run costs Derby by itself: the run's result rows, read back, inserted again by a plain JDBC batch
     * and committed under a scratch run (removed afterwards, untimed), beside the analysis's own storing phase.
     */
    private static void rawStore(JpaDatabase db, long runId) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        int columns;
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM CUSTOMER_VALUE WHERE RUN_ID = ? ORDER BY CUSTOMER_ID")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO VALUE_RUN (AS_OF, STARTED_AT, CUSTOMERS, USER_LOGIN) VALUES (" + SqlClock.today() + ", "
                    + SqlClock.now() + ", 0, 'bench')", Statement.RETURN_GENERATED_KEYS);
            long scratch;
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                scratch = keys.getLong(1);
            }
            long t = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER_VALUE VALUES (?" + ", ?".repeat(columns - 1) + ")")) {
                int n = 0;
                for (Object[] row : rows) {
                    ps.setLong(1, scratch);
                    for (int i = 1; i < columns; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                    if (++n % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            System.out.printf(Locale.ROOT, "  storing floor: raw JDBC batch insert + commit of the same %,d result rows %.1f s%n",
                    rows.size(), (System.nanoTime() - t) / 1e9);
            st.executeUpdate("DELETE FROM CUSTOMER_VALUE WHERE RUN_ID = " + scratch);
            st.executeUpdate("DELETE FROM VALUE_RUN WHERE ID = " + scratch);
            c.commit();
        }
    }

    private interface Param {
        String of(int i);
    }

    private static void lookup(String what, Callable<Integer> service, Connection c, String sql, Param param) throws Exception {
        lookup(what, LOOKUPS, service, c, sql, param);
    }

    private static void lookup(String what, int runs, Callable<Integer> service, Connection c, String sql, Param param)
            throws Exception {
        double[] s = time(service, runs);
        Random random = new Random(7);
        double[] j = time(runs, () -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setString(1, param.of(random.nextInt(CUSTOMERS)));
                }
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                return n;
            }
        });
        System.out.printf(Locale.ROOT, "%-52s %10.2f %10.2f   %10.2f %10.2f%n", what, s[0], s[1], j[0], j[1]);
    }

    private static double[] time(int runs, Callable<Integer> work) throws Exception {
        return time(work, runs);
    }

    private static double[] time(Callable<Integer> work, int runs) throws Exception {
        for (int i = 0; i < Math.min(500, runs / 10); i++) {
            work.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] { ms[runs / 2], ms[(int) (runs * 0.99)] };
    }

}
