package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.DerbyEncryption;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What AES-256 encryption at rest costs the embedded database: the same work on a plain and on an encrypted database
 * of the same customers, side by side. Prints figures, asserts nothing about time; runs only with
 * {@code -Dguanxi.bench=true} ({@code releng/guanxi bench encryption}).
 */
class EncryptionBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("guanxi.bench.customers", 100_000);
    private static final int RUNS = 40;

    @TempDir
    Path tmp;

    @Test
    void plainBesideEncrypted() throws Exception {
        assumeTrue(Boolean.getBoolean("guanxi.bench"), "benchmarks run with -Dguanxi.bench=true");
        Map<Path, String> keys = new HashMap<>(); // the benchmark's own key store: no keyring needed to measure
        DerbyEncryption encryption = new DerbyEncryption(new DerbyEncryption.BootKeyStore() {
            @Override
            public String get(Path dir) {
                return keys.get(dir);
            }

            @Override
            public void put(Path dir, String key) {
                keys.put(dir, key);
            }
        });
        String plain = "jdbc:derby:" + tmp.resolve("plain") + ";create=true";
        String aes = encryption.bootUrl("jdbc:derby:" + tmp.resolve("aes") + ";create=true", true);
        List<double[]> p = run(plain, true);
        List<double[]> e = run(aes, true);
        // the reads once more, both databases reopened (a cold page cache each) and the JIT warm for both
        p.subList(1, p.size()).clear();
        e.subList(1, e.size()).clear();
        p.addAll(run(plain.replace(";create=true", ""), false));
        e.addAll(run(encryption.bootUrl("jdbc:derby:" + tmp.resolve("aes"), false), false));
        String[] what = { "import: " + String.format(Locale.ROOT, "%,d", CUSTOMERS) + " customers with orders (s)",
                "open list: count + first page (ms)", "scroll: page at row 50,000 (ms)",
                "phone lookup, as a screen pop asks (ms)", "type '王': count + first page (ms)" };
        System.out.printf(Locale.ROOT, "%nEncryption benchmark (Derby, AES-256 vs plain), median / p95%n%-48s %20s %20s %8s%n",
                "operation", "plain", "AES-256", "cost");
        for (int i = 0; i < what.length; i++) {
            System.out.printf(Locale.ROOT, "%-48s %9.2f / %8.2f %9.2f / %8.2f %+7.0f%%%n", what[i], p.get(i)[0], p.get(i)[1],
                    e.get(i)[0], e.get(i)[1], 100 * (e.get(i)[0] / p.get(i)[0] - 1));
        }
    }

    /** The import's seconds (when {@code generate}), then each read's median and p95 milliseconds. */
    private List<double[]> run(String url, boolean generate) throws Exception {
        JpaDatabase db = new JpaDatabase();
        db.open(new DatabaseSettings(url, null, null));
        try {
            SecurityServiceImpl security = new SecurityServiceImpl(db);
            security.signInAsProcess();
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, new AuditLogImpl(db, security), new OutboxRepository(db));
            List<double[]> out = new ArrayList<>();
            if (generate) {
                long t0 = System.nanoTime();
                new DemoDataGenerator(db).generate(CUSTOMERS, 1, n -> { });
                double s = (System.nanoTime() - t0) / 1e9;
                out.add(new double[] { s, s });
            }
            List<String> phones = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT PHONE FROM CUSTOMER WHERE PHONE IS NOT NULL ORDER BY ID FETCH FIRST 200 ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    phones.add(rs.getString(1));
                }
            }
            int[] next = { 0 };
            out.add(time(() -> service.count("") + service.find("", 0, 100).size()));
            out.add(time(() -> service.find("", 50_000, 100).size()));
            out.add(time(() -> service.find(phones.get(next[0]++ % phones.size()), 0, 10).size()));
            out.add(time(() -> service.count("王", 10_000) + service.find("王", 0, 100).size()));
            return out;
        } finally {
            db.close();
        }
    }

    private static double[] time(Callable<Integer> work) throws Exception {
        return CustomerListBenchmark.time(work, RUNS);
    }
}
