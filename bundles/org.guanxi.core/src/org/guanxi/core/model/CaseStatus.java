package org.guanxi.core.model;

/** Where a case stands. OPEN: nobody has it yet; RESOLVED: answered, waiting for the customer's word; CLOSED: done. */
public enum CaseStatus {
    OPEN, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED;

    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }
}
