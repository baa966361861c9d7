package org.guanxi.core.model;

/** Where a customer on an outbound call list stands. */
public enum CallEntryStatus {
    /** To be called, from its next time on. */
    PENDING,
    /** The customer asked to be called back at a given time. */
    CALLBACK,
    /** Called: completed or refused. */
    DONE,
    /** Wrong number, or not reached in the list's attempts. */
    FAILED
}
