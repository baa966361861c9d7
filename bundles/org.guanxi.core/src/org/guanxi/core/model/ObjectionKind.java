package org.guanxi.core.model;

/** Types of customer objection (客户异议): need, price, product or quality, service, company or source, timing, authority. */
public enum ObjectionKind {
    NEED, PRICE, PRODUCT, SERVICE, COMPANY, TIMING, AUTHORITY
}
