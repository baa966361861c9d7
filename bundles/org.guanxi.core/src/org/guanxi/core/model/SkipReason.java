package org.guanxi.core.model;

/** Why a customer of the segment is not mailed: no address, no consent to e-mail marketing, or a suppressed address. */
public enum SkipReason {
    NO_EMAIL, NO_CONSENT, SUPPRESSED
}
