package org.guanxi.core.model;

/** What the customer is given to put a complaint right (补偿方式). Refunds are booked in the ERP. */
public enum Compensation {
    NONE, APOLOGY, VOUCHER, POINTS, REFUND, REPLACEMENT, REPAIR;

    /** Whether the compensation has a value that must be recorded. */
    public boolean hasAmount() {
        return this == VOUCHER || this == POINTS || this == REFUND;
    }
}
