package org.guanxi.customer.value;

import org.guanxi.core.model.RelationshipStatus;
import org.guanxi.core.model.Stage;

/**
 * The relationship status, kept up to date from the orders: no purchase yet is a prospect, a first purchase within
 * {@code newDays} makes a new customer, a lost lifecycle stage a lost one, and at least {@code loyalOrders} orders
 * over at least {@code loyalDays} in a stable or growing relationship a loyal one; everybody else is existing.
 */
public record Relationship(int newDays, int loyalOrders, int loyalDays) {

    public static final Relationship DEFAULT = new Relationship(90, 5, 365);

    public Explained<RelationshipStatus> status(CustomerFacts f, Stage stage) {
        if (f.orders() == 0) {
            return new Explained<>(RelationshipStatus.PROSPECT, "status.prospect");
        }
        if (stage == Stage.LOST) {
            return new Explained<>(RelationshipStatus.LOST, "status.lost", f.recencyDays());
        }
        if (f.tenureDays() <= newDays) {
            return new Explained<>(RelationshipStatus.NEW, "status.new", f.tenureDays());
        }
        if (f.orders() >= loyalOrders && f.tenureDays() >= loyalDays
                && (stage == Stage.STABILITY || stage == Stage.FORMATION)) {
            return new Explained<>(RelationshipStatus.LOYAL, "status.loyal", f.orders(), f.tenureDays());
        }
        return new Explained<>(RelationshipStatus.EXISTING, "status.existing", f.orders(), f.tenureDays());
    }
}
