package org.guanxi.core.model;

/** States of a sales order; RETURNED marks a credit note (negative quantities) that takes back goods sold. */
public enum OrderStatus {
    DRAFT, CONFIRMED, DELIVERED, INVOICED, CANCELLED, RETURNED
}
