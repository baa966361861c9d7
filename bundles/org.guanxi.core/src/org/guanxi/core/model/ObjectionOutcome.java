package org.guanxi.core.model;

/** Whether handling the objection worked. */
public enum ObjectionOutcome {
    RESOLVED, PARTLY, UNRESOLVED
}
