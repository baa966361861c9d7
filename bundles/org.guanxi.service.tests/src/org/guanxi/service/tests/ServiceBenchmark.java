package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Tier;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.CaseService.CaseQuery;
import org.guanxi.core.service.ServiceLevelService.Deadlines;
import org.guanxi.core.service.ServiceLevelService.ServiceLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code releng/guanxi bench service}: the service module at 100,000 open cases — recalculating every deadline after a
 * change of the service levels (goal ≤ 10 s) against the raw JDBC floor of reading and rewriting the same rows, the
 * agent's work list and the escalation scan against their plain SQL. Prints its figures; asserts nothing about time.
 */
class ServiceBenchmark {

    private static final int CASES = Integer.getInteger("guanxi.bench.cases", 100_000);
    private static final int CUSTOMERS = 2_000;

    @TempDir
    Path dir;

    @Test
    void serviceModuleAtAHundredThousandOpenCases() throws Exception {
        assumeTrue(Boolean.getBoolean("guanxi.bench"), "benchmarks run with -Dguanxi.bench=true");
        System.out.printf(Locale.ROOT, "%nService module benchmark: %,d open cases of %,d customers%n", CASES, CUSTOMERS);
        try (ServiceFixture f = new ServiceFixture(dir)) {
            long t = System.nanoTime();
            long[] customers = generate(f);
            System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t) / 1e9);

            // the floor first: it shifts every deadline, so that the recalculation then moves every case back
            double raw = rawRewrite(f);
            f.levels.setLevel(new ServiceLevel(Tier.ORDINARY, CasePriority.NORMAL, Duration.ofMinutes(120), Duration.ofMinutes(1200)));
            t = System.nanoTime();
            int moved = f.cases.recalculateDeadlines();
            double recalc = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "%-52s %8.2f s (%,d moved)   raw JDBC read + rewrite %6.2f s   ratio %.2f (goal <= 10 s)%n",
                    "SLA recalculation of every open case", recalc, moved, raw, recalc / raw);
            t = System.nanoTime();
            f.cases.recalculateDeadlines();
            System.out.printf(Locale.ROOT, "%-52s %8.2f s%n", "  again, nothing to move", (System.nanoTime() - t) / 1e9);

            System.out.printf(Locale.ROOT, "%-52s %10s %10s   %10s %10s%n", "operation (service vs raw JDBC)", "p50 ms", "p99 ms",
                    "JDBC p50", "JDBC p99");
            try (Connection c = f.db.dataSource().getConnection()) {
                compare("work list: active cases, first 100", 200, () -> f.cases.find(new CaseQuery(null, null,
                        CaseQuery.activeStatuses(), null, null, false, 100)).size(), c,
                        "SELECT s.ID, s.CASE_NO, c.NAME, s.SUBJECT, s.NEXT_DUE FROM SERVICE_CASE s --DERBY-PROPERTIES "
                                + "index=IX_SERVICE_CASE_DUE\n JOIN CUSTOMER c ON c.ID = s.CUSTOMER_ID WHERE s.ACTIVE = TRUE "
                                + "ORDER BY s.NEXT_DUE FETCH FIRST 100 ROWS ONLY");
                compare("work list: overdue cases, first 100", 200, () -> f.cases.find(new CaseQuery(null, null, null, null,
                        null, true, 100)).size(), c, "SELECT s.ID, s.CASE_NO, c.NAME, s.SUBJECT, s.NEXT_DUE FROM SERVICE_CASE s "
                                + "JOIN CUSTOMER c ON c.ID = s.CUSTOMER_ID WHERE s.ACTIVE = TRUE AND s.NEXT_DUE < " + SqlClock.now() + " "
                                + "ORDER BY s.NEXT_DUE FETCH FIRST 100 ROWS ONLY");
                Random random = new Random(3);
                compare("360° view: a customer's cases", 500, () -> f.cases.find(new CaseQuery(null, null, null,
                        customers[random.nextInt(CUSTOMERS)], null, false, 20)).size(), c, null);
                compare("escalation scan (one minute's work)", 20, () -> f.cases.escalateOverdue(AppClock.now().minusSeconds(3600 * 24 * 400)),
                        c, "SELECT ID FROM SERVICE_CASE WHERE ACTIVE = TRUE AND NEXT_DUE < " + SqlClock.at(AppClock.now().minus(java.time.Duration.ofDays(400))));
            }
        }
    }

    /** The customers and their open cases, written as the services would; returns the customers' ids. */
    private static long[] generate(ServiceFixture f) throws Exception {
        long[] customers = new long[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            customers[i] = f.customer(String.format("B%06d", i), "基准客户" + i);
        }
        Tier[] tiers = Tier.values();
        CasePriority[] priorities = CasePriority.values();
        Random random = new Random(11);
        f.db.jdbcTransaction(c -> {
            IdBlock ids = new IdBlock(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SERVICE_CASE (ID, VERSION, CASE_NO, CUSTOMER_ID, KIND, "
                    + "PHASE, PRIORITY, CHANNEL, QUEUE_CODE, STATUS, SUBJECT, TIER, OPENED_AT, FIRST_RESPONSE_DUE, RESOLUTION_DUE, "
                    + "ESCALATION_LEVEL, CREATED_BY, CREATED_AT, UPDATED_AT, ACTIVE, NEXT_DUE) VALUES (?, 1, ?, ?, 'REQUEST', 'AFTER_SALE', ?, "
                    + "'PHONE', 'GENERAL', ?, '基准工单', ?, ?, ?, ?, 0, 'bench', ?, ?, TRUE, ?)")) {
                Instant now = AppClock.now();
                for (int i = 0; i < CASES; i++) {
                    Tier tier = tiers[random.nextInt(tiers.length)];
                    CasePriority priority = priorities[random.nextInt(priorities.length)];
                    Instant opened = now.minusSeconds(random.nextInt(30 * 24 * 3600));
                    Deadlines d = f.levels.deadlines(tier, priority, opened);
                    ps.setLong(1, ids.next());
                    ps.setString(2, String.format("BX%07d", i));
                    ps.setLong(3, customers[random.nextInt(CUSTOMERS)]);
                    ps.setString(4, priority.name());
                    ps.setString(5, random.nextBoolean() ? "OPEN" : "IN_PROGRESS");
                    ps.setString(6, tier.name());
                    ps.setTimestamp(7, Timestamp.from(opened));
                    ps.setTimestamp(8, Timestamp.from(d.firstResponseDue()));
                    ps.setTimestamp(9, Timestamp.from(d.resolutionDue()));
                    ps.setTimestamp(10, Timestamp.from(opened));
                    ps.setTimestamp(11, Timestamp.from(opened));
                    ps.setTimestamp(12, Timestamp.from(d.firstResponseDue()));
                    ps.addBatch();
                    if (i % 1_000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
        return customers;
    }

    /** The floor: read the same rows and write each one's deadlines back, shifted by a constant, in one transaction. */
    private static double rawRewrite(ServiceFixture f) {
        long t = System.nanoTime();
        f.db.jdbcTransaction(c -> {
            List<long[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, OPENED_AT FROM SERVICE_CASE WHERE STATUS IN "
                    + "('OPEN', 'IN_PROGRESS', 'WAITING_CUSTOMER')"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] { rs.getLong(1), rs.getTimestamp(2).getTime() });
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE SERVICE_CASE SET FIRST_RESPONSE_DUE = ?, RESOLUTION_DUE = ?, "
                    + "NEXT_DUE = ?, VERSION = VERSION + 1 WHERE ID = ?")) {
                int n = 0;
                for (long[] r : rows) {
                    ps.setTimestamp(1, new Timestamp(r[1] + 3_600_000));
                    ps.setTimestamp(2, new Timestamp(r[1] + 86_400_000));
                    ps.setTimestamp(3, new Timestamp(r[1] + 3_600_000));
                    ps.setLong(4, r[0]);
                    ps.addBatch();
                    if (++n % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
        return (System.nanoTime() - t) / 1e9;
    }

    private static void compare(String what, int runs, IntSupplier service, Connection c, String sql) throws Exception {
        double[] s = time(runs, service);
        double[] j = sql == null ? null : time(runs, () -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                return n;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf(Locale.ROOT, "%-52s %10.2f %10.2f   %10s %10s%n", what, s[0], s[1],
                j == null ? "-" : String.format(Locale.ROOT, "%.2f", j[0]), j == null ? "-" : String.format(Locale.ROOT, "%.2f", j[1]));
    }

    /** p50 and p99 in milliseconds, after a tenth of the runs as warm-up. */
    private static double[] time(int runs, IntSupplier work) {
        for (int i = 0; i < Math.max(1, runs / 10); i++) {
            work.getAsInt();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.getAsInt();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] { ms[runs / 2], ms[Math.min(runs - 1, (int) (runs * 0.99))] };
    }
}
