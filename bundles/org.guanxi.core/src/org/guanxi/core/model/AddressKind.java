package org.guanxi.core.model;

public enum AddressKind {
    OFFICE, BILLING, SHIPPING, HOME
}
