package org.guanxi.core.model;

/** What a recipient did in answer to a campaign. */
public enum ResponseKind {
    REPLIED, ENQUIRY, LEAD, OPPORTUNITY, UNSUBSCRIBED, BOUNCED
}
