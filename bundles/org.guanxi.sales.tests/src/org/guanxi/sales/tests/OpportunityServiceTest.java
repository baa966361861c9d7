package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.service.ConflictException;
import org.guanxi.sales.api.OpportunityService.Column;
import org.guanxi.sales.api.OpportunityService.Filter;
import org.guanxi.core.service.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpportunityServiceTest {

    @TempDir
    Path dir;

    static Opportunity deal(Customer c, String name, String amount, SalesStage stage, LocalDate close) {
        Opportunity o = new Opportunity();
        o.setCustomerId(c.getId());
        o.setName(name);
        o.setAmount(new BigDecimal(amount));
        o.setStage(stage);
        o.setExpectedClose(close);
        return o;
    }

    private static Column column(List<Column> board, SalesStage stage) {
        return board.stream().filter(c -> c.stage() == stage).findFirst().orElseThrow();
    }

    @Test
    void theBoardCountsSumsAndWeightsEachStage() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            f.opportunities.save(deal(c, "A", "100000", SalesStage.PROPOSAL, LocalDate.of(2027, 2, 1)));
            f.opportunities.save(deal(c, "B", "50000", SalesStage.PROPOSAL, LocalDate.of(2027, 1, 1)));
            Opportunity own = deal(c, "C", "10000", SalesStage.PROPOSAL, LocalDate.of(2027, 3, 1));
            own.setProbability(90);
            f.opportunities.save(own);
            f.opportunities.save(deal(c, "D", "20000", SalesStage.PROSPECTING, LocalDate.of(2027, 1, 1)));

            List<Column> board = f.opportunities.board(Filter.ALL, 2);
            assertEquals(5, board.size(), "the open stages only");
            Column proposal = column(board, SalesStage.PROPOSAL);
            assertEquals(3, proposal.count());
            assertEquals(0, new BigDecimal("160000").compareTo(proposal.amount()));
            // 150,000 at the default 60 % + 10,000 at its own 90 %
            assertEquals(0, new BigDecimal("99000.00").compareTo(proposal.weighted()), proposal.weighted().toString());
            assertEquals(List.of("B", "A"), proposal.cards().stream().map(x -> x.name()).toList(), "by expected close, capped");
            assertEquals(60, proposal.cards().get(0).probability());
            assertEquals("华东机械有限公司", proposal.cards().get(0).customer());
            assertEquals(0, column(board, SalesStage.NEGOTIATION).count());

            Map<SalesStage, Integer> p = new EnumMap<>(f.opportunities.stageProbabilities());
            p.put(SalesStage.PROPOSAL, 50);
            f.opportunities.saveStageProbabilities(p);
            assertEquals(0, new BigDecimal("84000.00").compareTo(column(f.opportunities.board(Filter.ALL, 0), SalesStage.PROPOSAL).weighted()),
                    "deals on the default follow the new default");
            assertEquals(0, f.opportunities.board(new Filter("nobody"), 5).stream().mapToInt(Column::count).sum());

            // the list: open deals by expected close, filtered by text, stage and owner
            assertEquals(List.of("B", "D", "A", "C"), f.opportunities.find("", null, Filter.ALL, 10).stream().map(x -> x.name()).toList());
            assertEquals(List.of("B", "A", "C"), f.opportunities.find("华东", SalesStage.PROPOSAL, Filter.ALL, 10).stream()
                    .map(x -> x.name()).toList());
            assertEquals(SalesStage.PROSPECTING, f.opportunities.find("D", null, Filter.ALL, 10).get(0).stage());
            assertEquals(0, f.opportunities.find("", null, new Filter("nobody"), 10).size());
        }
    }

    @Test
    void stageProbabilitiesMustRiseThroughThePipeline() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Map<SalesStage, Integer> p = new EnumMap<>(f.opportunities.stageProbabilities());
            p.put(SalesStage.NEGOTIATION, 30);
            ValidationException e = assertThrows(ValidationException.class, () -> f.opportunities.saveStageProbabilities(p));
            assertEquals("stage.negotiation", e.getErrors().get(0).field());
        }
    }

    @Test
    void wonAndLostNeedAReasonAndReopeningClearsIt() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Opportunity o = f.opportunities.save(deal(c, "A", "100000", SalesStage.NEGOTIATION, LocalDate.of(2027, 2, 1)));
            assertTrue(o.getCode().startsWith("OP"));
            ValidationException e = assertThrows(ValidationException.class, () -> f.opportunities.move(o.getId(), o.getVersion(), SalesStage.WON, ""));
            assertEquals("closeReason", e.getErrors().get(0).field());
            Opportunity won = f.opportunities.move(o.getId(), o.getVersion(), SalesStage.WON, "价格与交期最优");
            assertEquals(AppClock.today(), won.getClosedOn());
            assertEquals("价格与交期最优", won.getCloseReason());
            assertThrows(ConflictException.class, () -> f.opportunities.move(o.getId(), o.getVersion(), SalesStage.LOST, "stale"));
            Opportunity reopened = f.opportunities.move(won.getId(), won.getVersion(), SalesStage.NEGOTIATION, null);
            assertNull(reopened.getClosedOn());
            assertNull(reopened.getCloseReason());
            assertEquals(1, column(f.opportunities.board(Filter.ALL, 5), SalesStage.NEGOTIATION).count(), "open again");
        }
    }

    @Test
    void badDealsAreRefused() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Opportunity o = deal(c, " ", "-5", SalesStage.PROPOSAL, null);
            o.setProbability(120);
            ValidationException e = assertThrows(ValidationException.class, () -> f.opportunities.save(o));
            assertEquals(List.of("opportunityName", "expectedClose", "amount", "probability"),
                    e.getErrors().stream().map(x -> x.field()).toList());
        }
    }
}
