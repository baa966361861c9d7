package org.guanxi.core.model;

/**
 * The criteria by which a lead is qualified (优质客户甄别标准): a real need, the purchasing power to pay, the authority
 * to decide, a sound credit and a fit with what we sell. A rep rates each from 0 to 5; weights are configurable.
 */
public enum Criterion {
    NEED, BUDGET, AUTHORITY, CREDIT, FIT
}
