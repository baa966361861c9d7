package org.guanxi.core.model;

/** The department responsible for putting a complaint right (责任部门). */
public enum Department {
    SALES, CUSTOMER_SERVICE, LOGISTICS, PRODUCTION, QUALITY, FINANCE, TECHNICAL
}
