package org.guanxi.core.model;

/**
 * How a call ended (通话结果). An inbound call is {@link #COMPLETED} or, when the line dropped, {@link #ABANDONED}; an
 * outbound call may also not reach the customer.
 */
public enum CallDisposition {
    COMPLETED, CALLBACK, NO_ANSWER, BUSY, REFUSED, WRONG_NUMBER, ABANDONED;

    /** Whether the customer was on the line: only such calls count for handling time. */
    public boolean reached() {
        return this == COMPLETED || this == CALLBACK || this == REFUSED;
    }
}
