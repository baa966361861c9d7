package org.guanxi.sales.api;

import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.model.Objection;

/** The objection log and its statistics per type, product and rep. */
public interface ObjectionService {

    /** Objections of one group (a type, product or rep) and how they ended. */
    record Tally(String group, int total, int resolved, int partly, int unresolved) {
        public double resolvedShare() {
            return total == 0 ? 0 : (double) resolved / total;
        }
    }

    record Statistics(List<Tally> byKind, List<Tally> byProduct, List<Tally> byRep) {
    }

    /** Validates and writes; raised today by the current user unless given. Needs a customer, lead or opportunity. */
    Objection log(Objection objection);

    List<Objection> ofCustomer(long customerId);

    List<Objection> ofOpportunity(long opportunityId);

    /** Objections raised in the period (inclusive), counted per type (all types, even without any), product and rep. */
    Statistics statistics(LocalDate from, LocalDate to);
}
