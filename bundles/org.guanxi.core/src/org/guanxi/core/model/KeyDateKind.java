package org.guanxi.core.model;

/** Dates worth a greeting besides the birthday. */
public enum KeyDateKind {
    ANNIVERSARY, WEDDING, FOUNDING, MEMBERSHIP, OTHER
}
