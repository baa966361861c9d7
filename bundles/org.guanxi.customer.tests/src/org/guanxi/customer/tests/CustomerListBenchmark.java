package org.guanxi.customer.tests;

import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the customer list costs at 100,000 customers, beside the same queries in raw JDBC. Prints figures, asserts
 * nothing about time; runs only with {@code -Dguanxi.bench=true} ({@code releng/guanxi bench}).
 */
class CustomerListBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("guanxi.bench.customers", 100_000);
    private static final int RUNS = 60;

    @TempDir
    Path tmp;

    @Test
    void listAndSearchAt100kCustomers() throws Exception {
        assumeTrue(Boolean.getBoolean("guanxi.bench"), "benchmarks run with -Dguanxi.bench=true");
        JpaDatabase db = JpaDatabase.openEmbedded(tmp.resolve("db"));
        try {
            SecurityServiceImpl security = new SecurityServiceImpl(db);
            security.signInAsProcess();
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, new AuditLogImpl(db, security), new OutboxRepository(db));
            long t0 = System.nanoTime();
            new DemoDataGenerator(db).generate(CUSTOMERS, 1, n -> { });
            System.out.printf(Locale.ROOT, "%nCustomer list benchmark: %,d customers generated in %.1f s%n", CUSTOMERS,
                    (System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "%-44s %12s %12s   %12s %12s%n", "operation (median / p95 ms)", "service",
                    "", "raw JDBC", "");
            try (Connection c = db.dataSource().getConnection()) {
                compare("open list: count + first page", () -> service.count("") + service.find("", 0, 100).size(),
                        () -> jdbcCount(c, null, "") + jdbcPage(c, null, "", 0));
                compare("scroll: page at row 50,000", () -> service.find("", 50_000, 100).size(),
                        () -> jdbcPage(c, null, "", 50_000));
                compare("type 'wang' (pinyin): count + first page", () -> service.count("wang", 10_000) + service.find("wang", 0, 100).size(),
                        () -> jdbcCount(c, "PINYIN_KEY", "wang%") + jdbcPage(c, "PINYIN_KEY", "wang%", 0));
                compare("type '王': count + first page", () -> service.count("王", 10_000) + service.find("王", 0, 100).size(),
                        () -> jdbcCount(c, "NAME_KEY", "王%") + jdbcPage(c, "NAME_KEY", "王%", 0));
            }
        } finally {
            db.close();
        }
    }

    private static void compare(String what, Callable<Integer> service, Callable<Integer> jdbc) throws Exception {
        double[] s = time(service);
        double[] j = time(jdbc);
        System.out.printf(Locale.ROOT, "%-44s %9.2f ms %9.2f ms   %9.2f ms %9.2f ms%n", what, s[0], s[1], j[0], j[1]);
    }

    private static double[] time(Callable<Integer> work) throws Exception {
        return time(work, RUNS);
    }

    /** Median and 95th percentile milliseconds of {@code runs} calls, after five to warm up. */
    static double[] time(Callable<Integer> work, int runs) throws Exception {
        for (int i = 0; i < 5; i++) {
            work.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] { ms[runs / 2], ms[(int) (runs * 0.95)] };
    }

    private static int jdbcCount(Connection c, String column, String pattern) throws SQLException {
        String sql = pattern.isEmpty() ? "SELECT COUNT(*) FROM CUSTOMER" : "SELECT COUNT(*) FROM CUSTOMER WHERE " + column + " LIKE ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (!pattern.isEmpty()) {
                ps.setString(1, pattern);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int jdbcPage(Connection c, String column, String pattern, int offset) throws SQLException {
        String where = pattern.isEmpty() ? "" : " WHERE " + column + " LIKE ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, CODE, KIND, NAME, PHONE, EMAIL, MEMBER_CARD, CITY FROM CUSTOMER"
                + where + " ORDER BY NAME_KEY, ID OFFSET " + offset + " ROWS FETCH NEXT 100 ROWS ONLY")) {
            if (!pattern.isEmpty()) {
                ps.setString(1, pattern);
            }
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }
}
