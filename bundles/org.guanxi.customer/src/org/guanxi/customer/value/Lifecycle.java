package org.guanxi.customer.value;

import java.math.BigDecimal;

import org.guanxi.core.model.Stage;

/**
 * The four-stage lifecycle model plus "lost", from the customer's own rhythm: the last 6 months against the 6
 * before, and the days since the last order against the customer's usual interval between orders.
 *
 * @param silenceDays           never lost before this many days without an order
 * @param lostIntervalFactor    lost after this many usual intervals without an order (and at least silenceDays)
 * @param explorationDays       a customer younger than this, or with a single order, is still being explored
 * @param declineRatio          decline when the last 6 months bring less than this share of the 6 before
 * @param declineIntervalFactor decline when the silence exceeds this many usual intervals
 * @param growthRatio           formation when the last 6 months bring more than this multiple of the 6 before
 */
public record Lifecycle(int silenceDays, double lostIntervalFactor, int explorationDays, double declineRatio,
        double declineIntervalFactor, double growthRatio) {

    public static final Lifecycle DEFAULT = new Lifecycle(365, 3, 180, 0.7, 2, 1.2);

    public Explained<Stage> stage(CustomerFacts f) {
        if (f.orders() == 0) {
            return new Explained<>(Stage.EXPLORATION, "stage.noOrders");
        }
        long silence = f.recencyDays();
        double interval = f.usualIntervalDays();
        if (silence > Math.max(silenceDays, interval > 0 ? lostIntervalFactor * interval : 0)) {
            // one order gives no usual interval to compare with
            return interval > 0 ? new Explained<>(Stage.LOST, "stage.lost", silence, Math.round(interval))
                    : new Explained<>(Stage.LOST, "stage.lostAfterOne", silence);
        }
        if (f.orders() == 1 || f.tenureDays() < explorationDays) {
            return new Explained<>(Stage.EXPLORATION, "stage.exploration", f.orders(), f.tenureDays());
        }
        BigDecimal last = f.revenueLast6m();
        BigDecimal prev = f.revenuePrev6m();
        if (interval > 0 && silence > declineIntervalFactor * interval) {
            return new Explained<>(Stage.DECLINE, "stage.silent", silence, Math.round(interval));
        }
        if (prev.signum() > 0 && last.compareTo(prev.multiply(BigDecimal.valueOf(declineRatio))) < 0) {
            return new Explained<>(Stage.DECLINE, "stage.falling", prev, last);
        }
        if (last.compareTo(prev.multiply(BigDecimal.valueOf(growthRatio))) > 0) {
            return new Explained<>(Stage.FORMATION, "stage.rising", prev, last);
        }
        return new Explained<>(Stage.STABILITY, "stage.steady", prev, last);
    }
}
