package org.guanxi.core.model;

/** Quadrants of the value matrix (客户价值细分矩阵) and the strategy each calls for. */
public enum Quadrant {
    /** IV: high current, high potential — keep and grow. */
    KEEP_AND_GROW,
    /** III: high current, low potential — maintain. */
    MAINTAIN,
    /** II: low current, high potential — develop. */
    DEVELOP,
    /** I: low current, low potential — serve at low cost or release. */
    LOW_COST
}
