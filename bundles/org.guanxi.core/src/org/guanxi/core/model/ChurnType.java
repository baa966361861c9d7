package org.guanxi.core.model;

/**
 * The kind of churn (流失类型): driven by a complaint we have not settled, to a competitor (still buying, but less from
 * us), or natural (the need ended: silence without either sign).
 */
public enum ChurnType {
    COMPLAINT_DRIVEN, COMPETITOR, NATURAL;

    /** The type the reasons point to, the one we can act on first. */
    public static ChurnType of(java.util.Set<ChurnReason> reasons) {
        if (reasons.contains(ChurnReason.UNRESOLVED_COMPLAINT)) {
            return COMPLAINT_DRIVEN;
        }
        return reasons.contains(ChurnReason.FALLING_SPEND) ? COMPETITOR : NATURAL;
    }
}
