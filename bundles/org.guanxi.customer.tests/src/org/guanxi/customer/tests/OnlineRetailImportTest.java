package org.guanxi.customer.tests;

import org.guanxi.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.guanxi.core.model.Tier;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.service.CustomerValueService.Summary;
import org.guanxi.core.service.CustomerValueService.TierLevel;
import org.guanxi.core.service.OrderImportService.Format;
import org.guanxi.core.service.OrderImportService.Report;
import org.guanxi.customer.CustomerValueServiceImpl;
import org.guanxi.customer.imports.OrderImporter;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UCI Online Retail file (541,909 lines) through the importer and the pyramid, checked against figures computed
 * here independently from the raw file.
 */
class OnlineRetailImportTest {

    @TempDir
    Path tmp;

    @Test
    void theWholeFileImportsAndThePyramidMatchesAnIndependentComputation() throws Exception {
        Path file = Path.of(System.getProperty("guanxi.datasets", "../shared/datasets"), "online-retail.csv.gz");
        assumeTrue(Files.isRegularFile(file), "the shared datasets are beside the checkout");
        JpaDatabase db = TestDatabases.open(tmp.resolve("db"));
        try {
            SecurityServiceImpl security = new SecurityServiceImpl(db);
            security.signInAsProcess();
            Report r = new OrderImporter(db, security, new AuditLogImpl(db, security)).importOrders(file, Format.ONLINE_RETAIL);
            assertEquals(List.of(), r.problems());
            // the dataset's own reference figures (shared/datasets/README.md) and a count of the raw file
            assertEquals(541_909, r.lines());
            assertEquals(4_372, r.customersCreated());
            assertEquals(22_190, r.orders() + r.returns(), "invoices with a customer");
            assertEquals(3_654, r.returns(), "cancellations");
            assertEquals(135_080, r.skippedNoCustomer());
            assertEquals(406_829, r.linesImported());

            LocalDate asOf = LocalDate.of(2011, 12, 9);
            Summary s = new CustomerValueServiceImpl(db, security, new org.guanxi.security.AuditLogImpl(db, security)).analyse(asOf, n -> { });
            assertEquals(4_372, s.customers());
            List<BigDecimal> expected = independentTierValues(file, asOf);
            for (int i = 0; i < 3; i++) {
                TierLevel level = s.pyramid().get(i);
                assertEquals(0, expected.get(i).compareTo(level.value()), level.tier() + ": " + expected.get(i) + " vs " + level.value());
            }
            assertEquals(Tier.VIP, s.pyramid().get(0).tier());
            assertEquals(44, s.pyramid().get(0).customers());
        } finally {
            db.close();
        }
    }

    /**
     * Net revenue of the 12 months up to asOf per customer (invoice totals rounded to cents, returns negative),
     * ranked; the sums of the VIP, major and ordinary tiers.
     */
    private static List<BigDecimal> independentTierValues(Path file, LocalDate asOf) throws Exception {
        Map<String, BigDecimal> invoiceTotal = new HashMap<>();
        Map<String, Long> invoiceCustomer = new HashMap<>();
        Map<String, String> invoiceDay = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                // descriptions may hold quoted commas: the other fields are read from both ends
                String[] f = line.split(",");
                int n = f.length;
                if (f[n - 2].isEmpty()) {
                    continue;
                }
                invoiceCustomer.put(f[0], (long) Double.parseDouble(f[n - 2]));
                invoiceDay.put(f[0], f[n - 4].substring(0, 10));
                invoiceTotal.merge(f[0], new BigDecimal(f[n - 5]).multiply(new BigDecimal(f[n - 3])), BigDecimal::add);
            }
        }
        Map<Long, BigDecimal> revenue = new HashMap<>();
        String from = asOf.minusMonths(12).toString();
        String to = asOf.toString();
        invoiceCustomer.forEach((invoice, customer) -> {
            revenue.putIfAbsent(customer, BigDecimal.ZERO);
            String day = invoiceDay.get(invoice);
            if (day.compareTo(from) > 0 && day.compareTo(to) <= 0) {
                revenue.merge(customer, invoiceTotal.get(invoice).setScale(2, java.math.RoundingMode.HALF_UP), BigDecimal::add);
            }
        });
        List<Map.Entry<Long, BigDecimal>> ranked = new ArrayList<>(revenue.entrySet());
        ranked.sort((a, b) -> b.getValue().compareTo(a.getValue()) != 0 ? b.getValue().compareTo(a.getValue())
                : Long.compare(a.getKey(), b.getKey()));
        int n = ranked.size();
        int[] bounds = { (int) Math.round(n * 0.01), 0, 0 };
        bounds[1] = bounds[0] + (int) Math.round(n * 0.04);
        bounds[2] = bounds[1] + (int) Math.round(n * 0.15);
        List<BigDecimal> sums = new ArrayList<>();
        int start = 0;
        for (int b : bounds) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = start; i < b; i++) {
                sum = sum.add(ranked.get(i).getValue().max(BigDecimal.ZERO));
            }
            sums.add(sum);
            start = b;
        }
        return sums;
    }
}
