package org.guanxi.core.model;

/** Stages of the customer lifecycle (客户生命周期): 考察期, 形成期, 稳定期, 退化期, and lost (流失). */
public enum Stage {
    EXPLORATION, FORMATION, STABILITY, DECLINE, LOST
}
