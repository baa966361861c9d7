package org.guanxi.marketing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Campaign;
import org.guanxi.core.model.CampaignStatus;
import org.guanxi.core.model.RecipientStatus;
import org.guanxi.core.model.ResponseKind;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.SkipReason;
import org.guanxi.core.model.SuppressionReason;

/**
 * Campaigns and e-mail marketing (EDM): saved segments, templates with merge fields in Chinese and English, preview and
 * test send, sending through the configured SMTP server with throttling, and the results. An address that unsubscribed
 * or bounced is suppressed: it is never mailed again by any campaign.
 */
public interface CampaignService {

    /** The merge fields a template may use, e.g. {@code ${name}}. */
    List<String> MERGE_FIELDS = List.of("name", "contact", "code", "city", "owner", "sender", "unsubscribe");

    record CampaignRow(long id, String code, String name, CampaignStatus status, String segment, int recipients,
            int sent, BigDecimal cost, String currency, String owner, Instant updatedAt) {
    }

    /** A rendered message: the language chosen for the recipient, subject and plain-text body. */
    record Preview(String lang, String to, String subject, String body) {
    }

    /** The audience of a segment right now: who would be mailed and who skipped, by reason. */
    record Audience(int matching, int reachable, Map<SkipReason, Integer> skipped) {
    }

    record RecipientRow(long id, long customerId, String customerName, String email, String lang, RecipientStatus status,
            SkipReason reason, int attempts, Instant sentAt, String error) {
    }

    /** How a send run ended: how many were sent, failed or bounced in this run, and whether it was stopped early. */
    record SendReport(int sent, int failed, int bounced, int remaining, boolean stopped) {
    }

    /** Told about progress by the sender, asked whether to stop; called from the sending thread. */
    interface SendProgress {
        void progress(int done, int total);

        boolean stopRequested();
    }

    /** A campaign's outcome: deliveries, responses, what it produced and its return on cost. */
    record Results(int recipients, int sent, int skipped, int failed, int bounced, int pending,
            Map<ResponseKind, Integer> responses, int leads, int opportunities, BigDecimal pipeline, BigDecimal won,
            BigDecimal cost, BigDecimal roi) {

        /** Responses (other than unsubscriptions and bounces) per message sent, 0 to 1; 0 before anything is sent. */
        public double responseRate() {
            int answered = responses.entrySet().stream()
                    .filter(e -> e.getKey() != ResponseKind.UNSUBSCRIBED && e.getKey() != ResponseKind.BOUNCED)
                    .mapToInt(Map.Entry::getValue).sum();
            return sent == 0 ? 0 : (double) answered / sent;
        }
    }

    /** The SMTP server campaigns are sent through, shared by every user (APP_SETTING "mail."). */
    record MailSettings(String host, int port, boolean startTls, String username, String fromAddress, String fromName,
            int perMinute) {
    }

    // segments

    List<Segment> segments();

    Segment saveSegment(Segment segment);

    /** Counts the segment's customers now, and how many of them may be mailed. */
    Audience audience(Segment segment);

    // campaigns

    List<CampaignRow> campaigns();

    Campaign get(long campaignId);

    /** Creates or updates a campaign; its template is checked for unknown merge fields. */
    Campaign save(Campaign campaign);

    /** Renders the campaign's template for one customer in the language that customer gets. */
    Preview preview(Campaign campaign, long customerId);

    /** Sends the message rendered for a sample customer to {@code to} (subject marked as a test); nothing is recorded. */
    Preview testSend(Campaign campaign, long sampleCustomerId, String to);

    /**
     * Sends the campaign: fixes its recipients from the segment on the first run, then mails every pending recipient
     * at the configured rate, re-checking opt-out and suppression just before each message. Stopping pauses it; the
     * next call resumes where it stopped.
     */
    SendReport send(long campaignId, SendProgress progress);

    void cancel(long campaignId);

    List<RecipientRow> recipients(long campaignId, int limit);

    // what comes back

    /**
     * Records that an address unsubscribed: it is suppressed and every customer with it loses consent to e-mail
     * marketing (audited). Idempotent. Marketing staff, who may not change customers, suppress the address only:
     * no campaign or survey mails it again, and the consent is withdrawn by whoever keeps the customer.
     */
    void unsubscribe(String email, Long campaignId);

    /** Records a bounce reported later (e.g. a delivery status notification): the address is suppressed. */
    void recordBounce(String email, String diagnostic);

    /** Whether an address is on the suppression list, and why. */
    SuppressionReason suppressed(String email);

    /**
     * Records a recipient's response; when it produced a lead or an opportunity, that record is linked to the campaign.
     */
    void respond(long campaignId, long customerId, ResponseKind kind, String notes, Long leadId, Long opportunityId);

    Results results(long campaignId);

    // settings

    MailSettings mailSettings();

    void saveMailSettings(MailSettings settings);
}
