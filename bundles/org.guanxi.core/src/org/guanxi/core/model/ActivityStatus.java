package org.guanxi.core.model;

/** Planned until it is done (with its outcome) or cancelled. */
public enum ActivityStatus {
    PLANNED, DONE, CANCELLED
}
