package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Tier;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.service.CustomerValueService.CustomerValue;
import org.guanxi.core.service.CustomerValueService.Parameters;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.ValidationException;
import org.guanxi.core.service.CustomerValueService.Summary;
import org.guanxi.customer.CustomerValueServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The value analysis over a generated base, checked against an independent SQL computation of the same figures. */
class CustomerValueServiceTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private JpaDatabase db;
    private CustomerValueServiceImpl service;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        db = fx.db;
        new DemoDataGenerator(db).generate(500, 99, n -> { });
        service = new CustomerValueServiceImpl(db, fx.security, fx.audit);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void thePyramidMatchesAnIndependentRankingByProfit() throws Exception {
        LocalDate asOf = AppClock.today();
        List<Integer> progress = new ArrayList<>();
        Summary s = service.analyse(asOf, progress::add);
        assertEquals(500, s.customers());
        assertEquals(1000, progress.get(progress.size() - 1));
        assertEquals(500, s.pyramid().stream().mapToInt(l -> l.customers()).sum());
        assertEquals(5, s.pyramid().get(0).customers(), "1 % of 500 are VIP");
        assertEquals(20, s.pyramid().get(1).customers(), "4 % are major");
        assertEquals(1.0, s.pyramid().stream().mapToDouble(l -> l.valueShare()).sum(), 1e-9);

        // independent: gross profit of the last 12 months per customer, straight from the order lines
        List<Long> top = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT o.CUSTOMER_ID, SUM(l.QUANTITY * (l.UNIT_PRICE - p.UNIT_COST)) AS GP FROM SALES_ORDER o "
                        + "JOIN ORDER_LINE l ON l.ORDER_ID = o.ID JOIN PRODUCT p ON p.ID = l.PRODUCT_ID "
                        + "WHERE o.ORDER_DATE > ? AND o.ORDER_DATE <= ? AND o.STATUS <> 'CANCELLED' "
                        + "GROUP BY o.CUSTOMER_ID ORDER BY GP DESC, o.CUSTOMER_ID FETCH FIRST 5 ROWS ONLY")) {
            ps.setDate(1, java.sql.Date.valueOf(asOf.minusMonths(12)));
            ps.setDate(2, java.sql.Date.valueOf(asOf));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    top.add(rs.getLong(1));
                }
            }
        }
        List<CustomerValue> latest = service.latest();
        assertEquals(500, latest.size());
        Set<Long> vip = latest.stream().filter(v -> v.tier() == Tier.VIP).map(CustomerValue::customerId)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(top), vip);
        CustomerValue first = latest.stream().filter(v -> v.customerId() == top.get(0)).findFirst().orElseThrow();
        assertTrue(first.tierReason().startsWith("Rank 1 of 500 by gross profit"), first.tierReason());
        assertFalse(first.stageReason().contains("stage."), "reasons are translated: " + first.stageReason());

        BigDecimal equity = latest.stream().map(v -> v.clvRealised().add(v.clvPredicted())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, equity.compareTo(s.equity()));
        assertEquals(500, s.stages().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(500, s.rfm().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(500, s.matrix().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(500, s.statuses().values().stream().mapToInt(Integer::intValue).sum());
        assertFalse(first.statusReason().contains("status."), first.statusReason());
    }

    @Test
    void everyRunIsKeptAsHistory() {
        service.analyse(AppClock.today().minusMonths(6), n -> { });
        Summary now = service.analyse(AppClock.today(), n -> { });
        long id = service.latest().get(0).customerId();
        List<CustomerValue> history = service.history(id);
        assertEquals(2, history.size());
        assertEquals(now.runId(), history.get(0).runId());
        assertEquals(AppClock.today().minusMonths(6), history.get(1).asOf());
    }

    @Test
    void savedParametersDriveTheNextRunAndBadOnesAreRefused() {
        Parameters defaults = service.parameters();
        assertEquals(service.defaultParameters(), defaults, "nothing saved: the textbook defaults");
        Parameters wider = new Parameters(0.02, 0.08, 0.20, defaults.lostAfterDays(), defaults.lostIntervalFactor(),
                defaults.explorationDays(), defaults.declineRatio(), defaults.declineIntervalFactor(), defaults.growthRatio(), 3,
                0.08, defaults.marginRate(), defaults.matrixPercentile());
        service.saveParameters(wider);
        assertEquals(wider, new CustomerValueServiceImpl(db, fx.security, fx.audit).parameters(), "stored for every user");
        Summary s = service.analyse(AppClock.today(), n -> { });
        assertEquals(10, s.pyramid().get(0).customers(), "2 % of 500 are VIP now");
        assertEquals(40, s.pyramid().get(1).customers());
        assertEquals(100, s.pyramid().get(2).customers());

        Parameters bad = new Parameters(0.5, 0.4, 0.3, 10, defaults.lostIntervalFactor(), defaults.explorationDays(),
                defaults.declineRatio(), defaults.declineIntervalFactor(), defaults.growthRatio(), 0, 2, defaults.marginRate(),
                defaults.matrixPercentile());
        ValidationException e = assertThrows(ValidationException.class, () -> service.saveParameters(bad));
        assertEquals(Set.of("ordinaryShare", "lostAfterDays", "clvYears", "discountRate"),
                e.getErrors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertTrue(e.getErrors().stream().anyMatch(x -> x.message().equals("CLV horizon (years) must be between 1 and 30.")),
                e.getErrors().stream().map(FieldError::message).toList().toString());
        assertEquals(wider, service.parameters(), "nothing of a refused set is saved");
    }

    @Test
    void theLatestResultsAreExportedForEveryCustomer() throws Exception {
        service.analyse(AppClock.today(), n -> { });
        var exports = new org.guanxi.customer.CustomerExportServiceImpl(null, service, fx.security,
                new org.guanxi.security.ExportLogImpl(db, fx.security, fx.audit));
        java.nio.file.Path csv = tmp.resolve("value.csv");
        assertEquals(500, exports.exportValues(csv));
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals(501, lines.size());
        assertTrue(lines.get(0).startsWith("\uFEFFcustomer_code,customer_name,as_of,value_12m,tier"), lines.get(0));
        CustomerValue first = service.latest().get(0);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(first.code() + ",") && l.contains("," + first.tier().name() + ",")));
        java.nio.file.Path xlsx = tmp.resolve("value.xlsx");
        assertEquals(500, exports.exportValues(xlsx));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            assertEquals(501, wb.getFirstSheet().read().size());
        }
    }
}
