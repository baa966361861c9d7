package org.guanxi.service.ui;

import org.guanxi.service.api.CallCentre.Call;

/**
 * The inbound call this desktop's agent is on, kept in the workbench context while it lasts: the agent desk opens
 * new cases for its caller in its IVR queue, and the last case opened is what the call was about.
 */
public final class ActiveCall {

    private final Call call;
    private volatile Long caseId;

    ActiveCall(Call call) {
        this.call = call;
    }

    public Call call() {
        return call;
    }

    Long caseId() {
        return caseId;
    }

    void caseOpened(long id) {
        caseId = id;
    }
}
