package org.guanxi.core.model;

public enum InvoiceStatus {
    OPEN, PARTLY_PAID, PAID, VOID
}
