package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.service.DemoDataService;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * {@code releng/guanxi bench service}, in the real workbench: a call event for one of 1,000,000 customers until the
 * 360° view has painted that customer (lookup, the view's queries including the service cases, layout and paint),
 * against the raw JDBC lookup of the caller by number. Prints p50/p99; asserts nothing about time.
 */
class ScreenPopBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("guanxi.bench.customers", 1_000_000);
    private static final int CALLS = 200;

    @Test
    void screenPopAtAMillionCustomers() throws Exception {
        assumeTrue(Boolean.getBoolean("guanxi.bench"), "benchmarks run with -Dguanxi.bench=true");
        Shell shell = Ui.mainShell();
        Database db = Ui.service(Database.class);
        Ui.waitUntil("demo data", 1800, () -> count(db) > 0 && !Ui.service(DemoDataService.class).isEmpty());
        long have = count(db);
        if (have < CUSTOMERS) {
            long t = System.nanoTime();
            // the DS component, so that the ids and codes follow the demo's
            ((DemoDataGenerator) Ui.service(DemoDataService.class)).addCustomers((int) (CUSTOMERS - have), 17, n -> { });
            System.out.printf(Locale.ROOT, "%nadded %,d customers in %.0f s%n", CUSTOMERS - have, (System.nanoTime() - t) / 1e9);
        }
        List<String[]> callers = callers(db);
        System.out.printf(Locale.ROOT, "%nScreen pop benchmark: %,d customers, %d calls%n", count(db), CALLS);
        try {
            double[] pop = new double[CALLS];
            EventAdmin events = Ui.service(EventAdmin.class);
            Label title = null;
            for (int i = 0; i < CALLS + 20; i++) {
                String[] caller = callers.get(i % callers.size());
                long t = System.nanoTime();
                events.postEvent(new Event(Topics.CALL_INCOMING, Map.of(Topics.PROPERTY_PHONE, caller[0])));
                if (title == null) {
                    title = Ui.await(shell, "c360.title");
                }
                Label shown = title;
                Ui.waitUntil("the pop of " + caller[1], 300, () -> shown.isVisible() && shown.getText().startsWith(caller[1]));
                shell.update();
                if (i >= 20) {
                    pop[i - 20] = (System.nanoTime() - t) / 1e6;
                }
            }
            double[] raw = new double[CALLS];
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT ID, CODE, NAME, PHONE, CITY FROM CUSTOMER WHERE PHONE_KEY = ?")) {
                for (int i = 0; i < CALLS + 20; i++) {
                    long t = System.nanoTime();
                    ps.setString(1, SearchKeys.phoneKey(callers.get(i % callers.size())[0]));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                    if (i >= 20) {
                        raw[i - 20] = (System.nanoTime() - t) / 1e6;
                    }
                }
            }
            Arrays.sort(pop);
            Arrays.sort(raw);
            System.out.printf(Locale.ROOT, "%-52s %10s %10s   %10s %10s%n", "operation", "p50 ms", "p99 ms", "JDBC p50", "JDBC p99");
            System.out.printf(Locale.ROOT, "%-52s %10.1f %10.1f   %10.2f %10.2f   (goal <= 150 ms)%n",
                    "screen pop: call event to painted 360° view", pop[CALLS / 2], pop[CALLS * 99 / 100], raw[CALLS / 2],
                    raw[CALLS * 99 / 100]);
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    private static long count(Database db) {
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM CUSTOMER"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Numbers and names of customers spread over the whole base, written as callers' phones show them. */
    private static List<String[]> callers(Database db) {
        return db.jdbc(c -> {
            List<String[]> out = new ArrayList<>();
            Random random = new Random(5);
            try (PreparedStatement ps = c.prepareStatement("SELECT PHONE, NAME FROM CUSTOMER WHERE PHONE IS NOT NULL "
                    + "AND CODE = ?")) {
                while (out.size() < CALLS) {
                    ps.setString(1, String.format("C%07d", 1 + random.nextInt(CUSTOMERS)));
                    try (ResultSet rs = ps.executeQuery()) {
                        // an exact number is one caller: skip numbers several customers share
                        if (rs.next() && count(c, rs.getString(1)) == 1) {
                            out.add(new String[] { rs.getString(1), rs.getString(2) });
                        }
                    }
                }
            }
            return out;
        });
    }

    private static long count(Connection c, String phone) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM CUSTOMER WHERE PHONE_KEY = ?")) {
            ps.setString(1, SearchKeys.phoneKey(phone));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
