package org.guanxi.core.model;

/** Named RFM segments. */
public enum RfmSegment {
    CHAMPIONS, LOYAL, POTENTIAL_LOYALIST, NEW, NEED_ATTENTION, AT_RISK, HIBERNATING, LOST
}
