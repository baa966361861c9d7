package org.guanxi.core.model;

/** Why an address is never mailed again. */
public enum SuppressionReason {
    UNSUBSCRIBED, BOUNCED, COMPLAINED
}
