package org.guanxi.core.model;

/** How serious a complaint is (严重程度); it sets the case's priority and with it the deadline. */
public enum ComplaintSeverity {
    CRITICAL(CasePriority.URGENT), MAJOR(CasePriority.HIGH), MINOR(CasePriority.NORMAL);

    private final CasePriority priority;

    ComplaintSeverity(CasePriority priority) {
        this.priority = priority;
    }

    public CasePriority priority() {
        return priority;
    }
}
