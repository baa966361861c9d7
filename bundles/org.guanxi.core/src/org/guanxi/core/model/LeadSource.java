package org.guanxi.core.model;

/** Where a lead came from (线索来源). */
public enum LeadSource {
    CAMPAIGN, REFERRAL, EXHIBITION, WEB, COLD_CALL, OTHER
}
