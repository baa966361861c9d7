package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.model.SalesStage;
import org.guanxi.sales.api.OpportunityService.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order entry (draft, ATP check under product locks, confirmation with its outbox message) beside raw JDBC inserts
 * of the same rows, and the pipeline board at 50,000 open deals. Prints figures, asserts nothing about time; runs
 * only with {@code -Dguanxi.bench=true} ({@code releng/guanxi bench sales}).
 */
class SalesBenchmark {

    private static final int ORDERS = Integer.getInteger("guanxi.bench.orders", 2_000);
    private static final int DEALS = Integer.getInteger("guanxi.bench.deals", 50_000);
    private static final int PRODUCTS = 50;
    private static final int LINES = 3;

    @TempDir
    Path dir;

    @Test
    void orderEntryAndBoard() throws Exception {
        assumeTrue(Boolean.getBoolean("guanxi.bench"), "benchmarks run with -Dguanxi.bench=true");
        try (SalesFixture f = SalesFixture.open(dir)) {
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                customers.add(f.customer("基准客户 " + i, null));
            }
            List<Product> products = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                products.add(f.product(String.format("B-%03d", i), String.valueOf(100 + i), 1_000_000));
            }
            Random random = new Random(1);
            System.out.printf(Locale.ROOT, "%nSales benchmark: order entry, %,d orders of %d lines%n", ORDERS, LINES);

            // warm-up outside the measurement
            enter(f, customers, products, random, 50);
            long auditBefore = f.db.jdbc(c -> count(c, "SELECT COUNT(*) FROM AUDIT_LOG"));
            long t = System.nanoTime();
            long[] phases = enter(f, customers, products, random, ORDERS);
            double service = (System.nanoTime() - t) / 1e9;
            long auditRows = f.db.jdbc(c -> count(c, "SELECT COUNT(*) FROM AUDIT_LOG")) - auditBefore;

            long[] productIds = products.stream().mapToLong(Product::getId).toArray();
            long[] customerIds = customers.stream().mapToLong(Customer::getId).toArray();
            t = System.nanoTime();
            rawInsert(f, customerIds, productIds, random, ORDERS);
            double raw = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "  service: save draft + ATP + confirm with outbox   %8.0f orders/s  (%.1f s)%n",
                    ORDERS / service, service);
            System.out.printf(Locale.ROOT, "  raw JDBC: order + lines + outbox row, 1 tx each   %8.0f orders/s  (%.1f s)%n",
                    ORDERS / raw, raw);
            System.out.printf(Locale.ROOT, "  service / raw JDBC: %.2f×%n", (ORDERS / service) / (ORDERS / raw));
            // where the service's time goes: the two calls a user makes, and what they write besides the rows
            System.out.printf(Locale.ROOT, "  per order: save draft %.2f ms, confirm (lock products, ATP, outbox) %.2f ms; "
                    + "%.1f audit rows%n", phases[0] / 1e6 / ORDERS, phases[1] / 1e6 / ORDERS, (double) auditRows / ORDERS);
            long messages = f.db.jdbc(c -> count(c, "SELECT COUNT(*) FROM OUTBOX WHERE AGGREGATE_TYPE = 'SalesOrder'"));
            System.out.printf(Locale.ROOT, "  outbox messages from the service: %,d (one per confirmed order)%n", messages);

            insertDeals(f, customerIds, DEALS);
            double[] board = time(() -> f.opportunities.board(Filter.ALL, 40).size());
            double[] mine = time(() -> f.opportunities.board(new Filter("wang.fang"), 40).size());
            System.out.printf(Locale.ROOT, "%nPipeline board at %,d open deals (median / p95 of 30 loads, 40 cards per column)%n",
                    DEALS);
            System.out.printf(Locale.ROOT, "  all deals:  %7.1f ms / %7.1f ms   (goal ≤ 200 ms)%n", board[0], board[1]);
            System.out.printf(Locale.ROOT, "  one owner:  %7.1f ms / %7.1f ms%n", mine[0], mine[1]);
        }
    }

    /** Enters n orders; returns the nanoseconds spent saving drafts and confirming them. */
    private static long[] enter(SalesFixture f, List<Customer> customers, List<Product> products, Random random, int n) {
        long[] phases = new long[2];
        for (int i = 0; i < n; i++) {
            SalesOrder o = new SalesOrder();
            o.setCustomer(customers.get(random.nextInt(customers.size())));
            for (int l = 0; l < LINES; l++) {
                OrderLine line = new OrderLine(products.get(random.nextInt(products.size())), BigDecimal.valueOf(1 + random.nextInt(9)), null);
                line.setDiscountPct(BigDecimal.valueOf(random.nextInt(3) * 5L));
                o.getLines().add(line);
            }
            long t0 = System.nanoTime();
            SalesOrder saved = f.orders.save(o);
            long t1 = System.nanoTime();
            f.orders.confirm(saved.getId(), saved.getVersion(), false);
            phases[0] += t1 - t0;
            phases[1] += System.nanoTime() - t1;
        }
        return phases;
    }

    /** The rows a confirmed order leaves, written with plain JDBC: the floor of what order entry can cost. */
    private static void rawInsert(SalesFixture f, long[] customers, long[] products, Random random, int n) {
        f.db.jdbc(c -> {
            c.setAutoCommit(false);
            long id = -1;
            try (PreparedStatement seq = c.prepareStatement(org.guanxi.core.db.SqlDialect.of(c).nextValue("ORDER_NO_SEQ"));
                    PreparedStatement order = c.prepareStatement("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, "
                            + "ORDER_DATE, STATUS, CURRENCY, TOTAL, OWNER_LOGIN, CONFIRMED_AT) VALUES (?, 1, ?, ?, ?, 'CONFIRMED', "
                            + "'CNY', ?, 'bench', ?)");
                    PreparedStatement line = c.prepareStatement("INSERT INTO ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, PRODUCT_ID, "
                            + "QUANTITY, LIST_PRICE, DISCOUNT_PCT, UNIT_PRICE, PROMISED_AT) VALUES (?, 1, ?, ?, ?, ?, 100, 0, 100, ?)");
                    PreparedStatement outbox = c.prepareStatement("INSERT INTO OUTBOX (TOPIC, AGGREGATE_TYPE, AGGREGATE_ID, "
                            + "IDEMPOTENCY_KEY, PAYLOAD, STATUS, ATTEMPTS, NEXT_ATTEMPT_AT, CREATED_AT) VALUES ('order.confirmed', "
                            + "'RawOrder', ?, ?, ?, 'PENDING', 0, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    String no;
                    try (ResultSet rs = seq.executeQuery()) {
                        rs.next();
                        no = String.format("SO%07d", rs.getLong(1));
                    }
                    long orderId = id--;
                    Timestamp now = Timestamp.from(AppClock.now());
                    order.setLong(1, orderId);
                    order.setString(2, no);
                    order.setLong(3, customers[random.nextInt(customers.length)]);
                    order.setDate(4, Date.valueOf(AppClock.today()));
                    order.setBigDecimal(5, BigDecimal.valueOf(300));
                    order.setTimestamp(6, now);
                    order.executeUpdate();
                    for (int l = 1; l <= LINES; l++) {
                        line.setLong(1, id--);
                        line.setLong(2, orderId);
                        line.setInt(3, l);
                        line.setLong(4, products[random.nextInt(products.length)]);
                        line.setBigDecimal(5, BigDecimal.ONE);
                        line.setTimestamp(6, now);
                        line.addBatch();
                    }
                    line.executeBatch();
                    outbox.setLong(1, orderId);
                    outbox.setString(2, no + ":raw");
                    outbox.setString(3, "<SalesOrder><OrderNo>" + no + "</OrderNo></SalesOrder>");
                    outbox.setTimestamp(4, now);
                    outbox.setTimestamp(5, now);
                    outbox.executeUpdate();
                    c.commit();
                }
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    private static void insertDeals(SalesFixture f, long[] customers, int n) {
        String[] owners = { "wang.fang", "li.qiang", "chen.jing", "liu.yang", "zhao.min" };
        SalesStage[] open = SalesStage.open();
        Random random = new Random(2);
        f.db.jdbc(c -> {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(AppClock.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO OPPORTUNITY (ID, VERSION, CODE, NAME, CUSTOMER_ID, STAGE, "
                    + "AMOUNT, CURRENCY, EXPECTED_CLOSE, OWNER_LOGIN, STAGE_CHANGED_AT, CREATED_AT, UPDATED_AT) "
                    + "VALUES (?, 0, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(1, -10_000_000L - i);
                    ps.setString(2, String.format("BOP%07d", i));
                    ps.setString(3, "基准商机 " + i);
                    ps.setLong(4, customers[random.nextInt(customers.length)]);
                    ps.setString(5, open[random.nextInt(open.length)].name());
                    ps.setBigDecimal(6, BigDecimal.valueOf(1_000L * (1 + random.nextInt(500))));
                    ps.setDate(7, Date.valueOf(AppClock.today().plusDays(random.nextInt(365))));
                    ps.setString(8, owners[random.nextInt(owners.length)]);
                    ps.setTimestamp(9, now);
                    ps.setTimestamp(10, now);
                    ps.setTimestamp(11, now);
                    ps.addBatch();
                    if (i % 1_000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
            try (Statement st = c.createStatement()) {
                // fresh statistics, as Derby keeps them for a table that grew by this much
                st.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(CURRENT SCHEMA, 'OPPORTUNITY', NULL)");
            }
            return null;
        });
    }

    private static long count(Connection c, String sql) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double[] time(java.util.concurrent.Callable<Integer> work) throws Exception {
        for (int i = 0; i < 3; i++) {
            work.call();
        }
        int runs = 30;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] { ms[runs / 2], ms[(int) (runs * 0.95)] };
    }
}
