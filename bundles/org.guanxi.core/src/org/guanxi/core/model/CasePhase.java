package org.guanxi.core.model;

/** When in the purchase the customer needs service: before (售前), during (售中) or after the sale (售后). */
public enum CasePhase {
    PRE_SALE, IN_SALE, AFTER_SALE
}
