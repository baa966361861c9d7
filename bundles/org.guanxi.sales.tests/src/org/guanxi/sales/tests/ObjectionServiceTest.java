package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Objection;
import org.guanxi.core.model.ObjectionKind;
import org.guanxi.core.model.ObjectionMethod;
import org.guanxi.core.model.ObjectionOutcome;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.SalesStage;
import org.guanxi.sales.api.ObjectionService.Statistics;
import org.guanxi.sales.api.ObjectionService.Tally;
import org.guanxi.core.service.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectionServiceTest {

    @TempDir
    Path dir;

    private static Objection objection(Long customer, Long deal, ObjectionKind kind, ObjectionOutcome outcome, String rep) {
        Objection o = new Objection();
        o.setCustomerId(customer);
        o.setOpportunityId(deal);
        o.setKind(kind);
        o.setStatement("太贵了");
        o.setMethod(ObjectionMethod.COMPENSATION);
        o.setOutcome(outcome);
        o.setRep(rep);
        return o;
    }

    @Test
    void objectionsAreCountedPerTypeAndRep() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Opportunity deal = f.opportunities.save(OpportunityServiceTest.deal(c, "A", "1000", SalesStage.PROPOSAL, LocalDate.of(2027, 1, 1)));
            Objection fromDeal = f.objections.log(objection(null, deal.getId(), ObjectionKind.PRICE, ObjectionOutcome.RESOLVED, "zhang"));
            assertEquals(c.getId(), fromDeal.getCustomerId(), "a deal's objection counts for its customer");
            assertEquals(AppClock.today(), fromDeal.getRaisedOn());
            f.objections.log(objection(c.getId(), null, ObjectionKind.PRICE, ObjectionOutcome.UNRESOLVED, "zhang"));
            f.objections.log(objection(c.getId(), null, ObjectionKind.TIMING, ObjectionOutcome.PARTLY, "li"));

            Statistics s = f.objections.statistics(AppClock.today().minusDays(30), AppClock.today());
            assertEquals(ObjectionKind.values().length, s.byKind().size(), "every type, even without objections");
            Tally price = s.byKind().stream().filter(t -> t.group().equals("PRICE")).findFirst().orElseThrow();
            assertEquals(2, price.total());
            assertEquals(1, price.resolved());
            assertEquals(0.5, price.resolvedShare(), 1e-9);
            assertEquals("zhang", s.byRep().get(0).group(), "most objections first");
            assertEquals(2, s.byRep().get(0).total());
            assertEquals("", s.byProduct().get(0).group(), "no product");
            assertEquals(3, f.objections.ofCustomer(c.getId()).size());
            assertEquals(1, f.objections.ofOpportunity(deal.getId()).size());
            assertEquals(0, f.objections.statistics(AppClock.today().plusDays(1), AppClock.today().plusDays(2)).byRep().size());
        }
    }

    @Test
    void anObjectionNeedsAPartyAStatementAndNoFutureDate() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Objection o = objection(null, null, null, ObjectionOutcome.RESOLVED, null);
            o.setStatement(" ");
            o.setRaisedOn(AppClock.today().plusDays(3));
            ValidationException e = assertThrows(ValidationException.class, () -> f.objections.log(o));
            assertEquals(java.util.List.of("objectionKind", "statement", "customer", "raisedOn"),
                    e.getErrors().stream().map(x -> x.field()).toList());
        }
    }

}
