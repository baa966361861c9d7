package org.guanxi.core.model;

/** Where the relationship stands: 潜在客户, 新客户, 现有客户, 忠诚客户, 流失客户. */
public enum RelationshipStatus {
    PROSPECT, NEW, EXISTING, LOYAL, LOST
}
