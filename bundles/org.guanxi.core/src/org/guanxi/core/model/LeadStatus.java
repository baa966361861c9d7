package org.guanxi.core.model;

/** A lead's way: new, judged worth pursuing or not, and finally converted into customer and opportunity. */
public enum LeadStatus {
    NEW, QUALIFIED, DISQUALIFIED, CONVERTED
}
