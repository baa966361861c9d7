package org.guanxi.core.model;

/** Why the customer had reason to complain (根本原因), found when the complaint is resolved. */
public enum RootCause {
    PRODUCT_DEFECT, PROCESS, STAFF_BEHAVIOUR, LOGISTICS, SUPPLIER, PRICING_POLICY, INFORMATION, CUSTOMER_MISUNDERSTANDING
}
