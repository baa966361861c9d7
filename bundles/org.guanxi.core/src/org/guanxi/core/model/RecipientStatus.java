package org.guanxi.core.model;

/** What happened to one recipient of a campaign. */
public enum RecipientStatus {
    PENDING, SENT, SKIPPED, FAILED, BOUNCED
}
