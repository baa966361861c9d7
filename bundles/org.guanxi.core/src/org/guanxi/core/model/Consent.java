package org.guanxi.core.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a person may agree to or refuse, each a channel and a purpose: to be contacted for marketing (campaigns, care
 * greetings, survey invitations, outbound call lists) by e-mail, SMS or phone, and to be chosen by what the product
 * computes about them (PIPL Art. 24: tier, lifecycle stage, RFM segment, churn risk) on any channel.
 */
public enum Consent {
    EMAIL("EMAIL", "MARKETING"), SMS("SMS", "MARKETING"), PHONE("PHONE", "MARKETING"), PERSONALISED("ANY", "PERSONALISATION");

    private final String channel;
    private final String purpose;

    Consent(String channel, String purpose) {
        this.channel = channel;
        this.purpose = purpose;
    }

    public String channel() {
        return channel;
    }

    public String purpose() {
        return purpose;
    }

    public static Consent of(String channel, String purpose) {
        for (Consent c : values()) {
            if (c.channel.equals(channel) && c.purpose.equals(purpose)) {
                return c;
            }
        }
        throw new IllegalArgumentException(channel + "/" + purpose);
    }

    /** The customer's current answer to each. */
    public static Map<Consent, Boolean> of(Customer c) {
        Map<Consent, Boolean> m = new EnumMap<>(Consent.class);
        m.put(EMAIL, c.isConsentEmail());
        m.put(SMS, c.isConsentSms());
        m.put(PHONE, c.isConsentPhone());
        m.put(PERSONALISED, c.isPersonalised());
        return m;
    }
}
