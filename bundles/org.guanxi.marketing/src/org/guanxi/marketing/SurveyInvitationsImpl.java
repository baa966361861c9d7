package org.guanxi.marketing;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.IntConsumer;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.SkipReason;
import org.guanxi.core.model.Survey;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.marketing.api.CampaignService.MailSettings;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.SecurityService;
import org.guanxi.marketing.api.SurveyInvitations;
import org.guanxi.core.service.SurveyLinks;
import org.guanxi.core.service.SurveyService;
import org.guanxi.core.service.SurveyService.Invitation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.mail.MessagingException;

/**
 * Survey invitations through the campaigns' mail server: the segment's audience with the same consent and
 * suppression rules as a campaign, one personal link each, the mail in the customer's language.
 */
@Component(service = SurveyInvitations.class)
public class SurveyInvitationsImpl implements SurveyInvitations {

    private final Database db;
    private final SecurityService security;
    private final CampaignService campaigns;
    private final SurveyService surveys;
    private final SurveyLinks links;

    @Activate
    public SurveyInvitationsImpl(@Reference Database db, @Reference SecurityService security,
            @Reference CampaignService campaigns, @Reference SurveyService surveys, @Reference SurveyLinks links) {
        this.db = db;
        this.security = security;
        this.campaigns = campaigns;
        this.surveys = surveys;
        this.links = links;
    }

    @Override
    public Sent invite(long surveyId, long segmentId, IntConsumer progress) {
        security.check(Permission.SERVICE_WRITE);
        Survey survey = surveys.survey(surveyId);
        Segment segment = db.read(em -> em.find(Segment.class, segmentId));
        if (segment == null) {
            throw new NotFoundException("Segment", segmentId);
        }
        List<Audiences.Member> members = db.jdbc(c -> Audiences.members(c, segment));
        MailSettings settings = campaigns.mailSettings();
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        int invited = 0;
        int recent = 0;
        int failed = 0;
        try (Mailer mailer = new Mailer(settings)) {
            for (int i = 0; i < members.size(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    break; // cancelled: what was mailed stays mailed, the rest can be invited by running it again
                }
                Audiences.Member m = members.get(i);
                progress.accept((int) (1000L * i / members.size()));
                if (m.skip() != null) {
                    skipped.merge(m.skip(), 1, Integer::sum);
                    continue;
                }
                Optional<Invitation> inv = surveys.invite(surveyId, m.customerId(), null, m.emailKey(), QUIET_DAYS);
                if (inv.isEmpty()) {
                    recent++;
                    continue;
                }
                ResourceBundle t = MailSettingsStore.texts(m.lang());
                Map<String, String> values = new HashMap<>();
                values.put("name", m.name());
                values.put("survey", survey.name(Locale.forLanguageTag(m.lang())));
                values.put("link", links.url(inv.get().token()));
                values.put("sender", settings.fromName());
                values.put("days", String.valueOf(SurveyService.LINK_VALID.toDays()));
                try {
                    mailer.send(m.emailKey(), MergeTemplate.render(t.getString("survey.subject"), values),
                            MergeTemplate.render(t.getString("survey.body"), values) + "\n\n--\n" + t.getString("unsubscribe"));
                    invited++;
                } catch (Mailer.Rejected e) {
                    if (security.hasPermission(Permission.MARKETING_WRITE)) {
                        campaigns.recordBounce(m.emailKey(), e.getMessage());
                    }
                    failed++;
                } catch (MessagingException e) {
                    if (invited == 0 && failed == 0) {
                        // the server is not there at all: say so instead of counting every customer as failed
                        throw new GuanxiException(e, "error.smtp", settings.host(), settings.port(), e.getMessage());
                    }
                    failed++;
                }
            }
        }
        progress.accept(1000);
        return new Sent(invited, recent, skipped, failed);
    }
}
