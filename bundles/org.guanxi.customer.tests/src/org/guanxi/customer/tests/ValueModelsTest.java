package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.CustomerType;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Quadrant;
import org.guanxi.core.model.RelationshipStatus;
import org.guanxi.core.model.RfmSegment;
import org.guanxi.core.model.Stage;
import org.guanxi.core.model.Tier;
import org.guanxi.customer.value.Clv;
import org.guanxi.customer.value.CustomerFacts;
import org.guanxi.customer.value.CustomerTyping;
import org.guanxi.customer.value.Explained;
import org.guanxi.customer.value.Lifecycle;
import org.guanxi.customer.value.Pyramid;
import org.guanxi.customer.value.Relationship;
import org.guanxi.customer.value.Rfm;
import org.guanxi.customer.value.ValueMatrix;
import org.junit.jupiter.api.Test;

/** The value models are plain arithmetic: every rule checked against numbers worked out by hand. */
class ValueModelsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v);
    }

    /** A customer with {@code orders} orders, the last {@code daysAgo} days ago, first {@code tenure} days ago. */
    private static CustomerFacts facts(long id, int orders, int orders12m, long tenure, long daysAgo, double revenue12m,
            Double profit12m, double last6m, double prev6m) {
        LocalDate first = orders == 0 ? null : TODAY.minusDays(tenure);
        LocalDate last = orders == 0 ? null : TODAY.minusDays(daysAgo);
        return new CustomerFacts(id, TODAY, first, last, orders, orders12m, money(revenue12m * 2),
                profit12m == null ? null : money(profit12m * 2), money(revenue12m), profit12m == null ? null : money(profit12m),
                money(last6m), money(prev6m));
    }

    private static CustomerFacts valued(long id, double profit12m) {
        return facts(id, 3, 3, 400, 30, profit12m * 3, profit12m, profit12m, profit12m);
    }

    @Test
    void pyramidTakesTheTopOneFourAndFifteenPercentByValue() {
        List<CustomerFacts> base = new ArrayList<>();
        for (long id = 1; id <= 200; id++) {
            base.add(valued(id, id));
        }
        base.add(valued(201, 0));
        Map<Long, Explained<Tier>> tiers = Pyramid.DEFAULT.assign(base);
        // 201 customers: VIP round(2.01)=2, major round(8.04)=8, ordinary round(30.15)=30
        assertEquals(Tier.VIP, tiers.get(200L).value());
        assertEquals(Tier.VIP, tiers.get(199L).value());
        assertEquals(Tier.MAJOR, tiers.get(198L).value());
        assertEquals(Tier.MAJOR, tiers.get(191L).value());
        assertEquals(Tier.ORDINARY, tiers.get(190L).value());
        assertEquals(Tier.ORDINARY, tiers.get(161L).value());
        assertEquals(Tier.SMALL, tiers.get(160L).value());
        assertEquals(Tier.SMALL, tiers.get(201L).value(), "no value, no tier");
        assertEquals("pyramid.byProfit", tiers.get(200L).reasonKey());
        assertEquals(1, tiers.get(200L).args()[0], "rank 1");

        List<Pyramid.Level> levels = Pyramid.levels(base, tiers);
        assertEquals(List.of(2, 8, 30, 161), levels.stream().map(Pyramid.Level::customers).toList());
        double total = 200 * 201 / 2.0;
        assertEquals((200 + 199) / total, levels.get(0).valueShare(), 1e-9);
        assertEquals(1.0, levels.stream().mapToDouble(Pyramid.Level::valueShare).sum(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new Pyramid(0.5, 0.4, 0.2));
    }

    @Test
    void pyramidFallsBackToRevenueWhereCostIsUnknownAndBreaksTiesById() {
        List<CustomerFacts> base = List.of(facts(7, 2, 2, 400, 10, 500, null, 250, 250),
                facts(3, 2, 2, 400, 10, 500, null, 250, 250));
        Map<Long, Explained<Tier>> tiers = new Pyramid(0.5, 0, 0).assign(base);
        assertEquals(Tier.VIP, tiers.get(3L).value());
        assertEquals(Tier.SMALL, tiers.get(7L).value());
        assertEquals("pyramid.byRevenue", tiers.get(3L).reasonKey());
    }

    @Test
    void lifecycleStagesFollowTheCustomersOwnRhythm() {
        Lifecycle l = Lifecycle.DEFAULT;
        assertEquals(Stage.EXPLORATION, l.stage(facts(1, 0, 0, 0, 0, 0, null, 0, 0)).value());
        assertEquals(Stage.EXPLORATION, l.stage(facts(2, 1, 1, 40, 40, 100, null, 100, 0)).value());
        // 9 orders over 400 days: usual interval 50 days; 400 days of silence (> 365 and > 150) → lost
        assertEquals(Stage.LOST, l.stage(facts(3, 9, 0, 800, 400, 0, null, 0, 0)).value());
        // silent for 120 days, more than twice the 50-day interval → decline
        Explained<Stage> silent = l.stage(facts(4, 9, 5, 520, 120, 900, null, 400, 500));
        assertEquals(Stage.DECLINE, silent.value());
        assertEquals("stage.silent", silent.reasonKey());
        // last 6 months 300 < 70 % of 500 → decline
        assertEquals("stage.falling", l.stage(facts(5, 12, 6, 500, 10, 800, null, 300, 500)).reasonKey());
        assertEquals(Stage.FORMATION, l.stage(facts(6, 12, 6, 500, 10, 1100, null, 700, 400)).value());
        assertEquals(Stage.STABILITY, l.stage(facts(7, 12, 6, 500, 10, 1000, null, 500, 500)).value());
    }

    @Test
    void theRelationshipStatusFollowsTheOrdersAndTheStage() {
        Relationship r = Relationship.DEFAULT;
        assertEquals(RelationshipStatus.PROSPECT, r.status(facts(1, 0, 0, 0, 0, 0, null, 0, 0), Stage.EXPLORATION).value());
        assertEquals(RelationshipStatus.NEW, r.status(facts(2, 1, 1, 30, 30, 100, null, 100, 0), Stage.EXPLORATION).value());
        assertEquals(RelationshipStatus.LOST, r.status(facts(3, 9, 0, 800, 400, 0, null, 0, 0), Stage.LOST).value());
        assertEquals(RelationshipStatus.LOYAL, r.status(facts(4, 12, 6, 500, 10, 1000, null, 500, 500), Stage.STABILITY).value());
        assertEquals(RelationshipStatus.EXISTING, r.status(facts(5, 12, 6, 500, 10, 800, null, 300, 500), Stage.DECLINE).value(),
                "a declining customer is not called loyal");
        assertEquals(RelationshipStatus.EXISTING, r.status(facts(6, 3, 3, 200, 10, 800, null, 400, 400), Stage.STABILITY).value());
    }

    @Test
    void rfmScoresAreQuintilesWithEqualValuesScoredEqually() {
        List<CustomerFacts> base = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            // customer i: last order i*10 days ago, i orders in 12 months, revenue i*100
            base.add(facts(i, i, i, 400, i * 10L, i * 100, null, 0, 0));
        }
        base.add(facts(11, 0, 0, 0, 0, 0, null, 0, 0));
        base.add(facts(12, 10, 10, 400, 10, 1000, null, 0, 0));
        Map<Long, Rfm.Score> s = Rfm.score(base);
        // 12 customers; customer 1 has the most recent order, shared with 12 (10 days): same R score
        assertEquals(s.get(1L).r(), s.get(12L).r());
        assertEquals(5, s.get(1L).r());
        assertEquals(new Rfm.Score(1, 1, 1, RfmSegment.LOST), s.get(11L));
        assertEquals(5, s.get(10L).f());
        assertEquals(5, s.get(10L).m());
        assertEquals(s.get(10L).m(), s.get(12L).m(), "equal revenue, equal M");
        assertEquals("555", s.get(12L).code());
        assertEquals(RfmSegment.CHAMPIONS, s.get(12L).segment());
        assertEquals(RfmSegment.AT_RISK, s.get(10L).segment(), "frequent but long ago");
    }

    @Test
    void clvDiscountsTheRetainedMarginOverTheHorizon() {
        CustomerFacts f = facts(1, 10, 5, 700, 20, 4000, 1000.0, 500, 500);
        Clv.Value v = Clv.DEFAULT.of(f, Stage.STABILITY);
        // Σ t=1..5 of 1000 · 0.9^t / 1.1^t = 2850.08 (worked out by hand)
        assertEquals(new BigDecimal("2850.08"), v.predicted());
        assertEquals(new BigDecimal("2000.00"), v.realised());
        assertEquals(new BigDecimal("4850.08"), v.total());
        // no cost known: 30 % of revenue is the margin
        CustomerFacts r = facts(2, 10, 5, 700, 20, 1000, null, 500, 500);
        assertEquals(new BigDecimal("600.00"), Clv.DEFAULT.of(r, Stage.STABILITY).realised());
    }

    @Test
    void valueMatrixCallsTheTopFifthOfCurrentAndPotentialValueHigh() {
        List<CustomerFacts> base = List.of(valued(1, 1000), valued(2, 1000), valued(3, 10), valued(4, 10));
        Map<Long, Clv.Value> clv = new HashMap<>();
        clv.put(1L, new Clv.Value(BigDecimal.ZERO, money(5000)));
        clv.put(2L, new Clv.Value(BigDecimal.ZERO, money(50)));
        clv.put(3L, new Clv.Value(BigDecimal.ZERO, money(5000)));
        clv.put(4L, new Clv.Value(BigDecimal.ZERO, money(50)));
        Map<Long, Explained<Quadrant>> q = ValueMatrix.DEFAULT.assign(base, clv);
        assertEquals(Quadrant.KEEP_AND_GROW, q.get(1L).value());
        assertEquals(Quadrant.MAINTAIN, q.get(2L).value());
        assertEquals(Quadrant.DEVELOP, q.get(3L).value());
        assertEquals(Quadrant.LOW_COST, q.get(4L).value());
    }

    @Test
    void theCustomerTypeFollowsKindVolumeAndTier() {
        CustomerTyping t = CustomerTyping.DEFAULT;
        CustomerFacts buyer = facts(1, 4, 4, 400, 10, 1000, null, 500, 500);
        assertEquals(CustomerType.CONSUMER, t.type(PartyKind.PERSON, null, buyer, Tier.VIP, BigDecimal.TEN).value());
        assertEquals(CustomerType.PARTNER, t.type(PartyKind.PERSON, CustomerType.PARTNER, buyer, Tier.SMALL, null).value());
        Explained<CustomerType> reseller = t.type(PartyKind.ORGANISATION, null, buyer, Tier.SMALL, BigDecimal.valueOf(400));
        assertEquals(CustomerType.DISTRIBUTOR, reseller.value());
        assertEquals("100.0", reseller.args()[0].toString(), "units per order");
        assertEquals(CustomerType.KEY_ACCOUNT, t.type(PartyKind.ORGANISATION, null, buyer, Tier.MAJOR, BigDecimal.TEN).value());
        assertEquals("type.keyAccount.MAJOR", t.type(PartyKind.ORGANISATION, null, buyer, Tier.MAJOR, BigDecimal.TEN).reasonKey());
        assertEquals(CustomerType.BUSINESS, t.type(PartyKind.ORGANISATION, null, buyer, Tier.ORDINARY, BigDecimal.TEN).value());
    }
}
