package org.guanxi.core.model;

/** Pipeline stages of an opportunity, with the win probability (percent) that applies unless configured otherwise. */
public enum SalesStage {
    PROSPECTING(10), QUALIFICATION(20), NEEDS_ANALYSIS(40), PROPOSAL(60), NEGOTIATION(80), WON(100), LOST(0);

    private final int defaultProbability;

    SalesStage(int defaultProbability) {
        this.defaultProbability = defaultProbability;
    }

    public int defaultProbability() {
        return defaultProbability;
    }

    public boolean isClosed() {
        return this == WON || this == LOST;
    }

    /** The stages a deal passes through while it is open, in order. */
    public static SalesStage[] open() {
        return new SalesStage[] { PROSPECTING, QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION };
    }
}
