package org.guanxi.core.model;

/**
 * Why a customer is not reached on a channel: no address (e-mail) or mobile number (SMS), no consent to be contacted
 * that way, or an e-mail address that unsubscribed or bounced.
 */
public enum SkipReason {
    NO_EMAIL, NO_CONSENT, SUPPRESSED, NO_PHONE
}
