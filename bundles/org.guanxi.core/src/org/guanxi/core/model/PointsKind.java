package org.guanxi.core.model;

/** A row of the points ledger: earned on an order, granted (compensation, goodwill), redeemed or expired. */
public enum PointsKind {
    EARN, GRANT, REDEEM, EXPIRE
}
