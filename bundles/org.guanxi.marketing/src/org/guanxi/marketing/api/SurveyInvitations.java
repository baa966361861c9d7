package org.guanxi.marketing.api;

import java.util.Map;
import java.util.function.IntConsumer;

import org.guanxi.core.model.SkipReason;

/**
 * Survey invitations by e-mail (问卷邮件邀请) through the EDM channel: each reachable customer of a segment gets a
 * personal link to the survey's form; the answers arrive as responses of source EMAIL.
 */
public interface SurveyInvitations {

    /** Customers invited to the same survey this recently are not invited again. */
    int QUIET_DAYS = 90;

    /**
     * What a run did: invitations mailed, customers invited recently and left alone, customers not reachable by e-mail
     * by reason, and mails the server refused (the address is then suppressed as bounced).
     */
    record Sent(int invited, int recentlyInvited, Map<SkipReason, Integer> skipped, int failed) {
    }

    /** Invites the segment's reachable customers (needs {@code SERVICE_WRITE}); progress 0–1000. */
    Sent invite(long surveyId, long segmentId, IntConsumer progress);
}
