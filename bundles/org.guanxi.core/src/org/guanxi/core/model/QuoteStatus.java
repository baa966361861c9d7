package org.guanxi.core.model;

/**
 * Where a quote revision stands. A draft whose discounts exceed the author's authority waits for approval; an
 * approved quote can be sent and accepted; an accepted one becomes an order. A revised quote is superseded.
 */
public enum QuoteStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, SENT, ACCEPTED, REJECTED, ORDERED, SUPERSEDED;

    /** Whether lines and prices may still change (otherwise a new revision is needed). */
    public boolean editable() {
        return this == DRAFT || this == PENDING_APPROVAL || this == APPROVED;
    }
}
