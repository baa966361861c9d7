package org.guanxi.core.model;

/** Why the churn rules flag a customer (流失预警): silent for too long, spending less, or an unresolved complaint. */
public enum ChurnReason {
    SILENT, FALLING_SPEND, UNRESOLVED_COMPLAINT
}
