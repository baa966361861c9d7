package org.guanxi.core.model;

public enum OrderStatus {
    DRAFT, CONFIRMED, DELIVERED, INVOICED, CANCELLED
}
