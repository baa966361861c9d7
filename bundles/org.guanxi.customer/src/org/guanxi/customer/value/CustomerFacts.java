package org.guanxi.customer.value;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the value models know of one customer, aggregated from its orders as of {@code asOf}. Money is in the
 * company currency; {@code profit12m} is null when the cost of some goods sold is unknown.
 *
 * @param firstOrder      first order date, null when the customer never ordered
 * @param lastOrder       last order date, null when the customer never ordered
 * @param orders          all orders to date
 * @param orders12m       orders in the last 12 months
 * @param revenue         revenue to date
 * @param profit          gross profit to date, or null when some cost is unknown
 * @param revenue12m      revenue in the last 12 months
 * @param profit12m       gross profit in the last 12 months, or null
 * @param revenueLast6m   revenue in the last 6 months
 * @param revenuePrev6m   revenue in the 6 months before those
 */
public record CustomerFacts(long customerId, LocalDate asOf, LocalDate firstOrder, LocalDate lastOrder, int orders,
        int orders12m, BigDecimal revenue, BigDecimal profit, BigDecimal revenue12m, BigDecimal profit12m, BigDecimal revenueLast6m,
        BigDecimal revenuePrev6m) {

    /** The value the pyramid ranks by: gross profit of the last 12 months, or revenue where no cost is known. */
    public BigDecimal value12m() {
        return profit12m != null ? profit12m : revenue12m;
    }

    /** Days since the last order, or {@code Long.MAX_VALUE} for a customer who never ordered. */
    public long recencyDays() {
        return lastOrder == null ? Long.MAX_VALUE : java.time.temporal.ChronoUnit.DAYS.between(lastOrder, asOf);
    }

    /** The customer's usual number of days between orders, or -1 with fewer than two orders. */
    public double usualIntervalDays() {
        if (orders < 2 || firstOrder == null) {
            return -1;
        }
        return (double) java.time.temporal.ChronoUnit.DAYS.between(firstOrder, lastOrder) / (orders - 1);
    }

    public long tenureDays() {
        return firstOrder == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(firstOrder, asOf);
    }
}
