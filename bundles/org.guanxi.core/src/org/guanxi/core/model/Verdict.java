package org.guanxi.core.model;

/** The customer's answer to "is this settled for you?" (客户确认). */
public enum Verdict {
    SATISFIED, PARTLY_SATISFIED, DISSATISFIED
}
