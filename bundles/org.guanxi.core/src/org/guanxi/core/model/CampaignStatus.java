package org.guanxi.core.model;

/** Where a campaign is: its template is editable until it starts sending; a stopped run is PAUSED and resumes. */
public enum CampaignStatus {
    DRAFT, SENDING, PAUSED, COMPLETED, CANCELLED;

    public boolean editable() {
        return this == DRAFT;
    }

    /** Completed or cancelled: nothing more is sent. */
    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
