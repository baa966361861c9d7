package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.SalesStage;
import org.guanxi.sales.api.ForecastService.Grain;
import org.guanxi.sales.api.ForecastService.Row;
import org.guanxi.sales.api.ForecastService.Scope;
import org.guanxi.sales.ForecastServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecast arithmetic: weighting, periods, slipped deals, won revenue, targets and attainment, by rep and team. */
class ForecastServiceTest {

    @TempDir
    Path dir;

    private static final LocalDate TODAY = LocalDate.of(2027, 2, 10);

    private static Opportunity deal(SalesFixture f, Customer c, String owner, String amount, SalesStage stage,
            Integer probability, LocalDate close) {
        Opportunity o = OpportunityServiceTest.deal(c, owner + " " + amount, amount, stage, close);
        o.setOwner(owner);
        o.setProbability(probability);
        return f.opportunities.save(o);
    }

    private static Row row(List<Row> rows, String period, String group) {
        return rows.stream().filter(r -> r.period().equals(period) && r.group().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void weightsOpenDealsByProbabilityAddsWonRevenueAndComparesWithTheTarget() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            ForecastServiceImpl forecast = new ForecastServiceImpl(f.db, f.security, f.audit,
                    Clock.fixed(TODAY.atStartOfDay(AppClock.zone()).toInstant(), AppClock.zone()));
            Customer c = f.customer("华东机械有限公司", null);
            // February: a proposal at the stage default (60 %), a negotiation at its own 90 %, one slipped from January
            deal(f, c, "li", "100000", SalesStage.PROPOSAL, null, LocalDate.of(2027, 2, 20));
            deal(f, c, "wang", "50000", SalesStage.NEGOTIATION, 90, LocalDate.of(2027, 2, 28));
            deal(f, c, "li", "10000.50", SalesStage.QUALIFICATION, null, LocalDate.of(2027, 1, 15));
            // March: a prospect (10 %); April is outside the first quarter
            deal(f, c, "wang", "30000", SalesStage.PROSPECTING, null, LocalDate.of(2027, 3, 5));
            deal(f, c, "li", "999999", SalesStage.PROPOSAL, null, LocalDate.of(2027, 4, 2));
            // won in January (closed today by the move, so moved back by hand below) and a lost one that never counts
            Opportunity won = deal(f, c, "wang", "40000", SalesStage.NEGOTIATION, null, LocalDate.of(2027, 2, 1));
            won = f.opportunities.move(won.getId(), won.getVersion(), SalesStage.WON, "signed");
            Opportunity lost = deal(f, c, "li", "70000", SalesStage.PROPOSAL, null, LocalDate.of(2027, 2, 3));
            f.opportunities.move(lost.getId(), lost.getVersion(), SalesStage.LOST, "price");
            long wonId = won.getId();
            f.db.jdbc(conn -> conn.createStatement().executeUpdate(
                    "UPDATE OPPORTUNITY SET CLOSED_ON = DATE('2027-01-25') WHERE ID = " + wonId));

            forecast.saveTarget(Scope.COMPANY, "", YearMonth.of(2027, 1), new BigDecimal("50000"));
            forecast.saveTarget(Scope.COMPANY, "", YearMonth.of(2027, 2), new BigDecimal("200000"));
            forecast.saveTarget(Scope.COMPANY, "", YearMonth.of(2027, 3), new BigDecimal("100000"));

            List<Row> months = forecast.forecast(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), Grain.MONTH, Scope.COMPANY);
            assertEquals(List.of("2027-01", "2027-02", "2027-03"), months.stream().map(Row::period).toList());

            Row jan = row(months, "2027-01", "");
            assertEquals(0, jan.openDeals(), "January's open deal has slipped into the current month");
            assertEquals(new BigDecimal("40000.00"), jan.won());
            assertEquals(new BigDecimal("0.8000"), jan.attainment());

            Row feb = row(months, "2027-02", "");
            assertEquals(3, feb.openDeals());
            assertEquals(new BigDecimal("160000.50"), feb.pipeline());
            // 100,000 × 60 % + 50,000 × 90 % + 10,000.50 × 20 % = 60,000 + 45,000 + 2,000.10
            assertEquals(new BigDecimal("107000.10"), feb.weighted());
            assertEquals(new BigDecimal("107000.10"), feb.forecast());
            assertEquals(new BigDecimal("0.0000"), feb.attainment());
            assertEquals(new BigDecimal("0.5350"), feb.forecastAttainment());

            Row mar = row(months, "2027-03", "");
            assertEquals(new BigDecimal("3000.00"), mar.weighted());

            Row q1 = forecast.forecast(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), Grain.QUARTER, Scope.COMPANY).get(0);
            assertEquals("2027 Q1", q1.period());
            assertEquals(4, q1.openDeals());
            assertEquals(new BigDecimal("110000.10"), q1.weighted());
            assertEquals(new BigDecimal("40000.00"), q1.won());
            assertEquals(new BigDecimal("150000.10"), q1.forecast());
            assertEquals(new BigDecimal("350000.00"), q1.target(), "the quarter's target is its months' sum");
            assertEquals(new BigDecimal("0.4286"), q1.forecastAttainment());

            // by rep and by team
            List<Row> reps = forecast.forecast(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), Grain.QUARTER, Scope.REP);
            assertEquals(new BigDecimal("62000.10"), row(reps, "2027 Q1", "li").weighted());
            assertEquals(new BigDecimal("48000.00"), row(reps, "2027 Q1", "wang").weighted());
            assertEquals(new BigDecimal("40000.00"), row(reps, "2027 Q1", "wang").won());
            assertNull(row(reps, "2027 Q1", "li").target());

            forecast.assignTeam("li", "华东一组");
            forecast.saveTarget(Scope.TEAM, "华东一组", YearMonth.of(2027, 2), new BigDecimal("124000.20"));
            assertEquals(Map.of("li", "华东一组"), forecast.teams());
            List<Row> teams = forecast.forecast(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28), Grain.MONTH, Scope.TEAM);
            Row east = row(teams, "2027-02", "华东一组");
            assertEquals(new BigDecimal("62000.10"), east.weighted());
            assertEquals(new BigDecimal("0.5000"), east.forecastAttainment());
            assertEquals(new BigDecimal("45000.00"), row(teams, "2027-02", "").weighted(), "wang belongs to no team");

            forecast.saveTarget(Scope.COMPANY, "", YearMonth.of(2027, 3), null);
            assertEquals(Map.of(YearMonth.of(2027, 1), new BigDecimal("50000.00"), YearMonth.of(2027, 2),
                    new BigDecimal("200000.00")), forecast.targets(Scope.COMPANY, "", 2027));
        }
    }
}
