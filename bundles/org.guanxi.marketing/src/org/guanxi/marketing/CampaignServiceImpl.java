package org.guanxi.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Codes;
import org.guanxi.core.Masking;
import org.guanxi.core.db.ConsentLedger;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Campaign;
import org.guanxi.core.model.CampaignStatus;
import org.guanxi.core.model.Consent;
import org.guanxi.core.model.ConsentSource;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.RecipientStatus;
import org.guanxi.core.model.ResponseKind;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.SkipReason;
import org.guanxi.core.model.SuppressionReason;
import org.guanxi.core.service.AuditLog;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Campaigns: checked, audited writes through JPA; recipients, responses and suppressions through JDBC because they are
 * many narrow rows. Sending commits each recipient's outcome as soon as the server has answered, so a run that stops
 * (by request, crash or lost connection) resumes with the recipients still pending.
 */
@Component(service = CampaignService.class)
public class CampaignServiceImpl implements CampaignService {

    static final String ENTITY = "Campaign";
    private static final int MAX_ATTEMPTS = 3;

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public CampaignServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    // segments

    @Override
    public List<Segment> segments() {
        return db.read(em -> em.createQuery("SELECT s FROM Segment s ORDER BY s.name", Segment.class).getResultList());
    }

    @Override
    public Segment saveSegment(Segment input) {
        security.check(Permission.MARKETING_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "segmentName", input.getName(), 100);
        Checks.throwIfAny(errors);
        return db.inTransaction(em -> {
            Long clash = em.createQuery("SELECT s.id FROM Segment s WHERE LOWER(s.name) = :n", Long.class)
                    .setParameter("n", input.getName().strip().toLowerCase(Locale.ROOT)).getResultStream()
                    .filter(id -> !id.equals(input.getId())).findFirst().orElse(null);
            if (clash != null) {
                throw new GuanxiException("error.segmentNameTaken", input.getName().strip());
            }
            Segment s = input.isNew() ? input
                    : Entities.current(em, Segment.class, "Segment", input.getId(), input.getVersion());
            Map<String, Object> before = input.isNew() ? Map.of() : snapshot(s);
            s.setName(input.getName().strip());
            s.setTiers(input.getTiers());
            s.setStages(input.getStages());
            s.setRfmSegments(input.getRfmSegments());
            s.setCustomerTypes(input.getCustomerTypes());
            s.setCities(input.getCities());
            if (s.isNew()) {
                s.setCreatedBy(security.currentUser());
                em.persist(s);
            }
            em.flush();
            audit.record(em, "Segment", s.getId(), before, snapshot(s));
            return s;
        });
    }

    private static Map<String, Object> snapshot(Segment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.getName());
        m.put("tiers", s.getTiers());
        m.put("stages", s.getStages());
        m.put("rfmSegments", s.getRfmSegments());
        m.put("customerTypes", s.getCustomerTypes());
        m.put("cities", s.getCities());
        return m;
    }

    @Override
    public Audience audience(Segment segment) {
        List<Audiences.Member> members = db.jdbc(c -> Audiences.members(c, segment));
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        int reachable = 0;
        for (Audiences.Member m : members) {
            if (m.skip() == null) {
                reachable++;
            } else {
                skipped.merge(m.skip(), 1, Integer::sum);
            }
        }
        return new Audience(members.size(), reachable, skipped);
    }

    // campaigns

    @Override
    public List<CampaignRow> campaigns() {
        return db.jdbc(c -> {
            List<CampaignRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.ID, k.CODE, k.NAME, k.STATUS, s.NAME, "
                    + "(SELECT COUNT(*) FROM CAMPAIGN_RECIPIENT r WHERE r.CAMPAIGN_ID = k.ID), "
                    + "(SELECT COUNT(*) FROM CAMPAIGN_RECIPIENT r WHERE r.CAMPAIGN_ID = k.ID AND r.STATUS = 'SENT'), "
                    + "k.COST, k.CURRENCY, k.OWNER_LOGIN, k.UPDATED_AT "
                    + "FROM CAMPAIGN k LEFT JOIN SEGMENT s ON s.ID = k.SEGMENT_ID ORDER BY k.CREATED_AT DESC, k.ID DESC");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CampaignRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            CampaignStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getInt(7),
                            rs.getBigDecimal(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant()));
                }
            }
            return rows;
        });
    }

    @Override
    public Campaign get(long campaignId) {
        return db.read(em -> Entities.require(em.find(Campaign.class, campaignId), ENTITY, campaignId));
    }

    @Override
    public Campaign save(Campaign input) {
        security.check(Permission.MARKETING_WRITE);
        Checks.throwIfAny(validate(input));
        Campaign saved = db.inTransaction(em -> {
            if (input.getSegmentId() != null) {
                Entities.require(em.find(Segment.class, input.getSegmentId()), "Segment", input.getSegmentId());
            }
            Campaign k;
            Map<String, Object> before;
            if (input.isNew()) {
                k = input;
                k.setCode(Codes.next(em, "CAMPAIGN_NO_SEQ", "CA"));
                k.setStatus(CampaignStatus.DRAFT);
                if (k.getOwner() == null || k.getOwner().isBlank()) {
                    k.setOwner(security.currentUser());
                }
                before = Map.of();
            } else {
                k = Entities.current(em, Campaign.class, ENTITY, input.getId(), input.getVersion());
                before = snapshot(k);
                if (!k.getStatus().editable() && templateChanged(k, input)) {
                    throw new GuanxiException("error.campaignStarted", k.getCode());
                }
            }
            k.setName(input.getName().strip());
            k.setSegmentId(input.getSegmentId());
            k.setSenderName(input.getSenderName());
            k.setSubjectZh(input.getSubjectZh());
            k.setBodyZh(input.getBodyZh());
            k.setSubjectEn(input.getSubjectEn());
            k.setBodyEn(input.getBodyEn());
            k.setBudget(input.getBudget());
            k.setCost(input.getCost() == null ? BigDecimal.ZERO : input.getCost());
            k.setCurrency(input.getCurrency());
            k.setStartDate(input.getStartDate());
            k.setEndDate(input.getEndDate());
            if (k.isNew()) {
                em.persist(k);
            }
            em.flush();
            audit.record(em, ENTITY, k.getId(), before, snapshot(k));
            return k;
        });
        Events.post(events, Topics.CAMPAIGN_CHANGED, saved.getId());
        return saved;
    }

    private static boolean templateChanged(Campaign a, Campaign b) {
        return !java.util.Objects.equals(a.getSegmentId(), b.getSegmentId())
                || !java.util.Objects.equals(a.getSubjectZh(), b.getSubjectZh())
                || !java.util.Objects.equals(a.getBodyZh(), b.getBodyZh())
                || !java.util.Objects.equals(a.getSubjectEn(), b.getSubjectEn())
                || !java.util.Objects.equals(a.getBodyEn(), b.getBodyEn());
    }

    static List<FieldError> validate(Campaign k) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "campaignName", k.getName(), 200);
        Checks.maxLength(errors, "senderName", k.getSenderName(), 100);
        Checks.maxLength(errors, "subjectZh", k.getSubjectZh(), 200);
        Checks.maxLength(errors, "subjectEn", k.getSubjectEn(), 200);
        Checks.maxLength(errors, "bodyZh", k.getBodyZh(), 8000);
        Checks.maxLength(errors, "bodyEn", k.getBodyEn(), 8000);
        Checks.notNegative(errors, "budget", k.getBudget());
        Checks.notNegative(errors, "cost", k.getCost());
        Checks.currency(errors, "currency", k.getCurrency());
        if (k.getStartDate() != null && k.getEndDate() != null && k.getEndDate().isBefore(k.getStartDate())) {
            errors.add(new FieldError("endDate", "error.endBeforeStart"));
        }
        for (String[] field : new String[][] { { "subjectZh", k.getSubjectZh() }, { "bodyZh", k.getBodyZh() },
                { "subjectEn", k.getSubjectEn() }, { "bodyEn", k.getBodyEn() } }) {
            List<String> unknown = MergeTemplate.unknownFields(field[1]);
            if (!unknown.isEmpty()) {
                errors.add(new FieldError(field[0], "error.unknownMergeField", String.join(", ", unknown),
                        String.join(", ", MERGE_FIELDS)));
            }
        }
        return errors;
    }

    private static Map<String, Object> snapshot(Campaign k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.getName());
        m.put("segmentId", k.getSegmentId());
        m.put("status", k.getStatus());
        m.put("senderName", k.getSenderName());
        m.put("subjectZh", k.getSubjectZh());
        m.put("subjectEn", k.getSubjectEn());
        m.put("bodyZh", k.getBodyZh());
        m.put("bodyEn", k.getBodyEn());
        m.put("budget", k.getBudget());
        m.put("cost", k.getCost());
        m.put("currency", k.getCurrency());
        m.put("startDate", k.getStartDate());
        m.put("endDate", k.getEndDate());
        return m;
    }

    // rendering

    @Override
    public Preview preview(Campaign campaign, long customerId) {
        security.check(Permission.CUSTOMER_READ);
        Checks.throwIfAny(validate(campaign));
        Preview p = db.jdbc(c -> render(c, campaign, customerId, MailSettingsStore.read(c), null));
        return security.hasPermission(Permission.PERSONAL_DATA) ? p
                : new Preview(p.lang(), Masking.mask(Masking.Kind.EMAIL, p.to()), p.subject(), p.body());
    }

    /** The message for one customer, in {@code lang} or (when null) the customer's own language. */
    private Preview render(Connection c, Campaign k, long customerId, MailSettings settings, String lang)
            throws SQLException {
        Map<String, String> values = new HashMap<>();
        String email;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.NAME, c.CODE, c.CITY, c.EMAIL, "
                + "COALESCE(u.DISPLAY_NAME, c.OWNER_LOGIN), "
                + "(SELECT ct.NAME FROM CONTACT ct WHERE ct.ID = (SELECT MIN(x.ID) FROM CONTACT x WHERE x.CUSTOMER_ID = c.ID)), c.KIND "
                + "FROM CUSTOMER c LEFT JOIN APP_USER u ON u.LOGIN = c.OWNER_LOGIN WHERE c.ID = ?")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new org.guanxi.core.service.NotFoundException("Customer", customerId);
                }
                values.put("name", rs.getString(1));
                values.put("code", rs.getString(2));
                values.put("city", rs.getString(3));
                email = rs.getString(4);
                values.put("owner", rs.getString(5));
                // a person is addressed by name; an organisation through its first contact, if it has one
                boolean person = PartyKind.PERSON.name().equals(rs.getString(7));
                values.put("contact", person || rs.getString(6) == null ? rs.getString(1) : rs.getString(6));
            }
        }
        String language = lang != null ? lang : Audiences.language(values.get("name"));
        String sender = k.getSenderName() != null && !k.getSenderName().isBlank() ? k.getSenderName() : settings.fromName();
        values.put("sender", sender);
        values.put("unsubscribe", MailSettingsStore.texts(language).getString("unsubscribe"));
        String body = MergeTemplate.render(k.body(language), values);
        if (!MergeTemplate.uses(k.body(language), "unsubscribe")) {
            // every marketing message tells how to opt out, whether or not the template says so
            body = body.stripTrailing() + "\n\n--\n" + values.get("unsubscribe");
        }
        return new Preview(language, email, MergeTemplate.render(k.subject(language), values), body);
    }

    @Override
    public Preview testSend(Campaign campaign, long sampleCustomerId, String to) {
        security.check(Permission.MARKETING_WRITE);
        List<FieldError> errors = validate(campaign);
        Checks.required(errors, "testAddress", to, 200);
        Checks.email(errors, "testAddress", to);
        Checks.throwIfAny(errors);
        return db.jdbc(c -> {
            MailSettings settings = MailSettingsStore.read(c);
            Preview p = render(c, campaign, sampleCustomerId, settings, null);
            String subject = MessageFormat.format(MailSettingsStore.texts(p.lang()).getString("test.subject"), p.subject());
            try (Mailer mailer = new Mailer(settings)) {
                mailer.send(to.strip(), subject, p.body());
            } catch (MessagingException e) {
                throw new GuanxiException(e, "error.smtp", settings.host(), settings.port(), e.getMessage());
            }
            return new Preview(p.lang(), to.strip(), subject, p.body());
        });
    }

    // sending

    @Override
    public SendReport send(long campaignId, SendProgress progress) {
        security.check(Permission.MARKETING_WRITE);
        Campaign k = start(campaignId);
        MailSettings settings = db.jdbc(MailSettingsStore::read);
        int sent = 0, failed = 0, bounced = 0;
        try (Mailer mailer = new Mailer(settings)) {
            try {
                mailer.connect();
            } catch (MessagingException e) {
                leaveSending(campaignId, CampaignStatus.PAUSED);
                throw new GuanxiException(e, "error.smtp", settings.host(), settings.port(), e.getMessage());
            }
            int total = count(campaignId, null);
            int done = total - count(campaignId, RecipientStatus.PENDING);
            Throttle throttle = new Throttle(settings.perMinute());
            long started = System.nanoTime();
            int messages = 0;
            long after = 0;
            List<long[]> batch;
            while (!(batch = pending(campaignId, after)).isEmpty()) {
                for (long[] row : batch) {
                    after = row[0];
                    if (status(campaignId) != CampaignStatus.SENDING) {
                        // cancelled meanwhile, here or on another desktop: no further message goes out (one read
                        // per message is nothing beside the mail server's round trip)
                        return new SendReport(sent, failed, bounced, count(campaignId, RecipientStatus.PENDING), true);
                    }
                    if (progress.stopRequested()) {
                        leaveSending(campaignId, CampaignStatus.PAUSED);
                        return new SendReport(sent, failed, bounced, count(campaignId, RecipientStatus.PENDING), true);
                    }
                    Outcome o = sendOne(k, row[0], row[1], mailer, settings, throttle, started, messages);
                    if (o != Outcome.SKIPPED) {
                        messages++;
                    }
                    switch (o) {
                        case SENT -> sent++;
                        case FAILED -> failed++;
                        case BOUNCED -> bounced++;
                        default -> { }
                    }
                    progress.progress(++done, total);
                }
            }
        } catch (InterruptedException e) {
            // record the pause before restoring the flag: database calls of an interrupted thread may fail
            leaveSending(campaignId, CampaignStatus.PAUSED);
            SendReport report = new SendReport(sent, failed, bounced, count(campaignId, RecipientStatus.PENDING), true);
            Thread.currentThread().interrupt();
            return report;
        }
        leaveSending(campaignId, CampaignStatus.COMPLETED);
        return new SendReport(sent, failed, bounced, 0, false);
    }

    private enum Outcome { SENT, SKIPPED, FAILED, BOUNCED, RETRY }

    /** A recipient who may be mailed: the address and the message rendered for them. */
    private record Ready(String emailKey, Preview message) {
    }

    /** Fixes the recipients on the first run and marks the campaign SENDING. */
    private Campaign start(long campaignId) {
        Campaign k = db.inTransaction(em -> {
            Campaign c = Entities.require(em.find(Campaign.class, campaignId), ENTITY, campaignId);
            if (c.getStatus().finished()) {
                throw new GuanxiException("error.campaignStatus", c.getCode(), Labels.of(c.getStatus()));
            }
            if (c.getSegmentId() == null) {
                throw new GuanxiException("error.campaignNoSegment", c.getCode());
            }
            if (blank(c.subject("zh")) || blank(c.body("zh"))) {
                throw new GuanxiException("error.campaignNoTemplate", c.getCode());
            }
            Checks.throwIfAny(validate(c));
            if (c.getStatus() == CampaignStatus.DRAFT) {
                Segment s = Entities.require(em.find(Segment.class, c.getSegmentId()), "Segment", c.getSegmentId());
                Database.jdbc(em, jdbc -> {
                    prepare(jdbc, c.getId(), s);
                    return null;
                });
            }
            Map<String, Object> before = snapshot(c);
            c.setStatus(CampaignStatus.SENDING);
            em.flush();
            audit.record(em, ENTITY, c.getId(), before, snapshot(c));
            return c;
        });
        Events.post(events, Topics.CAMPAIGN_CHANGED, campaignId);
        return k;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void prepare(Connection c, long campaignId, Segment s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAMPAIGN_RECIPIENT "
                + "(CAMPAIGN_ID, CUSTOMER_ID, EMAIL, LANG, STATUS, REASON) VALUES (?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Audiences.Member m : Audiences.members(c, s)) {
                ps.setLong(1, campaignId);
                ps.setLong(2, m.customerId());
                ps.setString(3, m.emailKey());
                ps.setString(4, m.lang());
                ps.setString(5, (m.skip() == null ? RecipientStatus.PENDING : RecipientStatus.SKIPPED).name());
                ps.setString(6, m.skip() == null ? null : m.skip().name());
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The next pending recipients after id {@code after}: {id, customer id}. */
    private List<long[]> pending(long campaignId, long after) {
        return db.jdbc(c -> {
            List<long[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, CUSTOMER_ID FROM CAMPAIGN_RECIPIENT "
                    + "WHERE CAMPAIGN_ID = ? AND STATUS = 'PENDING' AND ID > ? ORDER BY ID FETCH FIRST 200 ROWS ONLY")) {
                ps.setLong(1, campaignId);
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] { rs.getLong(1), rs.getLong(2) });
                    }
                }
            }
            return rows;
        });
    }

    /**
     * One recipient: opt-out and suppression are checked again against the customer as they are now, since either may
     * have changed after the recipients were fixed.
     */
    private Outcome sendOne(Campaign k, long recipientId, long customerId, Mailer mailer, MailSettings settings,
            Throttle throttle, long started, int messages) throws InterruptedException {
        Ready ready = db.jdbc(c -> {
            String key;
            SkipReason skip;
            try (PreparedStatement ps = c.prepareStatement("SELECT c.EMAIL_KEY, c.CONSENT_EMAIL, x.REASON "
                    + "FROM CAMPAIGN_RECIPIENT r JOIN CUSTOMER c ON c.ID = r.CUSTOMER_ID "
                    + "LEFT JOIN EMAIL_SUPPRESSION x ON x.EMAIL_KEY = r.EMAIL WHERE r.ID = ?")) {
                ps.setLong(1, recipientId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    key = rs.getString(1);
                    skip = key == null ? SkipReason.NO_EMAIL : rs.getString(3) != null ? SkipReason.SUPPRESSED
                            : !rs.getBoolean(2) ? SkipReason.NO_CONSENT : null;
                }
            }
            if (skip == null && Suppressions.reason(c, key) != null) {
                skip = SkipReason.SUPPRESSED; // the customer's address changed to one that is suppressed
            }
            if (skip != null) {
                update(c, recipientId, RecipientStatus.SKIPPED, skip, null, null, false);
                return null;
            }
            return new Ready(key, render(c, k, customerId, settings, null));
        });
        if (ready == null) {
            return Outcome.SKIPPED;
        }
        String email = ready.emailKey();
        Preview message = ready.message();
        for (int attempt = 1;; attempt++) {
            throttle.await(messages, started);
            Outcome o;
            String error = null;
            String messageId = null;
            try {
                messageId = mailer.send(email, message.subject(), message.body());
                o = Outcome.SENT;
            } catch (Mailer.Rejected e) {
                o = Outcome.BOUNCED;
                error = e.getMessage();
            } catch (MessagingException e) {
                o = attempt < MAX_ATTEMPTS ? Outcome.RETRY : Outcome.FAILED;
                error = e.getMessage();
            }
            Outcome outcome = o;
            String err = error, id = messageId;
            db.jdbc(c -> {
                switch (outcome) {
                    case SENT -> update(c, recipientId, RecipientStatus.SENT, null, id, null, true);
                    case RETRY -> update(c, recipientId, RecipientStatus.PENDING, null, null, err, true);
                    case FAILED -> update(c, recipientId, RecipientStatus.FAILED, null, null, err, true);
                    case BOUNCED -> {
                        update(c, recipientId, RecipientStatus.BOUNCED, null, null, err, true);
                        Suppressions.add(c, email, SuppressionReason.BOUNCED, k.getId(), err, security.currentUser());
                        response(c, k.getId(), customerId, ResponseKind.BOUNCED, err, null, null);
                    }
                    default -> throw new IllegalStateException(outcome.name());
                }
                return null;
            });
            if (outcome != Outcome.RETRY) {
                return outcome;
            }
            Thread.sleep(1000L * attempt); // the relay may be restarting; back off a little before the next try
        }
    }

    private static void update(Connection c, long recipientId, RecipientStatus status, SkipReason reason,
            String messageId, String error, boolean attempted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CAMPAIGN_RECIPIENT SET STATUS = ?, REASON = ?, "
                + "MESSAGE_ID = ?, ERROR = ?, ATTEMPTS = ATTEMPTS + ?, SENT_AT = ? WHERE ID = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, reason == null ? null : reason.name());
            ps.setString(3, messageId);
            ps.setString(4, Suppressions.clip(error));
            ps.setInt(5, attempted ? 1 : 0);
            ps.setTimestamp(6, status == RecipientStatus.SENT ? Timestamp.from(AppClock.now()) : null);
            ps.setLong(7, recipientId);
            ps.executeUpdate();
        }
    }

    private int count(long campaignId, RecipientStatus status) {
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM CAMPAIGN_RECIPIENT WHERE CAMPAIGN_ID = ?"
                    + (status == null ? "" : " AND STATUS = ?"))) {
                ps.setLong(1, campaignId);
                if (status != null) {
                    ps.setString(2, status.name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private void setStatus(long campaignId, CampaignStatus status) {
        changeStatus(campaignId, current -> true, status);
    }

    /**
     * Moves the campaign to {@code status} if its status (read under a row lock, so that a cancel and the end of a run
     * cannot both win) passes {@code allowed}; returns whether it did.
     */
    private boolean changeStatus(long campaignId, Predicate<CampaignStatus> allowed, CampaignStatus status) {
        boolean changed = db.inTransaction(em -> {
            Campaign c = Entities.require(em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE), ENTITY,
                    campaignId);
            if (!allowed.test(c.getStatus())) {
                return false;
            }
            Map<String, Object> before = snapshot(c);
            c.setStatus(status);
            em.flush();
            audit.record(em, ENTITY, c.getId(), before, snapshot(c));
            return true;
        });
        if (changed) {
            Events.post(events, Topics.CAMPAIGN_CHANGED, campaignId);
        }
        return changed;
    }

    /** Ends a run: paused or completed, unless the campaign was cancelled while it ran, which stands. */
    private void leaveSending(long campaignId, CampaignStatus status) {
        changeStatus(campaignId, current -> current == CampaignStatus.SENDING, status);
    }

    private CampaignStatus status(long campaignId) {
        return db.read(em -> Entities.require(em.find(Campaign.class, campaignId), ENTITY, campaignId).getStatus());
    }

    @Override
    public void cancel(long campaignId) {
        security.check(Permission.MARKETING_WRITE);
        if (!changeStatus(campaignId, current -> !current.finished(), CampaignStatus.CANCELLED)) {
            Campaign k = get(campaignId);
            throw new GuanxiException("error.campaignStatus", k.getCode(), Labels.of(k.getStatus()));
        }
    }

    @Override
    public List<RecipientRow> recipients(long campaignId, int limit) {
        security.check(Permission.CUSTOMER_READ);
        boolean full = security.hasPermission(Permission.PERSONAL_DATA);
        return db.jdbc(c -> {
            List<RecipientRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.ID, r.CUSTOMER_ID, c.NAME, r.EMAIL, r.LANG, "
                    + "r.STATUS, r.REASON, r.ATTEMPTS, r.SENT_AT, r.ERROR FROM CAMPAIGN_RECIPIENT r "
                    + "JOIN CUSTOMER c ON c.ID = r.CUSTOMER_ID WHERE r.CAMPAIGN_ID = ? ORDER BY r.ID "
                    + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp at = rs.getTimestamp(9);
                        String email = rs.getString(4);
                        String error = rs.getString(10);
                        if (!full && email != null && !email.isBlank()) {
                            // a mail server's refusal usually quotes the address
                            String masked = Masking.mask(Masking.Kind.EMAIL, email);
                            error = error == null ? null : Pattern.compile(Pattern.quote(email.strip()), Pattern.CASE_INSENSITIVE)
                                    .matcher(error).replaceAll(Matcher.quoteReplacement(masked));
                            email = masked;
                        }
                        rows.add(new RecipientRow(rs.getLong(1), rs.getLong(2), rs.getString(3), email,
                                rs.getString(5), RecipientStatus.valueOf(rs.getString(6)),
                                rs.getString(7) == null ? null : SkipReason.valueOf(rs.getString(7)), rs.getInt(8),
                                at == null ? null : at.toInstant(), error));
                    }
                }
            }
            return rows;
        });
    }

    // what comes back

    @Override
    public void unsubscribe(String email, Long campaignId) {
        boolean keeper = security.hasPermission(Permission.CUSTOMER_WRITE);
        if (!keeper) {
            security.check(Permission.MARKETING_WRITE);
        }
        String key = Suppressions.requireEmail(email);
        db.inTransactionDo(em -> {
            List<Customer> customers = em.createQuery("SELECT c FROM Customer c WHERE c.emailKey = :k", Customer.class)
                    .setParameter("k", key).getResultList();
            Database.jdbc(em, c -> {
                Suppressions.add(c, key, SuppressionReason.UNSUBSCRIBED, campaignId, null, security.currentUser());
                for (Customer cu : customers) {
                    if (keeper && cu.isConsentEmail()) {
                        cu.setConsentEmail(false);
                        em.flush();
                        audit.record(em, "Customer", cu.getId(), Map.of("consentEmail", true), Map.of("consentEmail", false));
                        ConsentLedger.record(c, cu.getId(), Map.of(Consent.EMAIL, true), Map.of(Consent.EMAIL, false),
                                ConsentSource.UNSUBSCRIBE, security.currentUser(), campaignId == null ? null : "campaign " + campaignId);
                    }
                    if (campaignId != null) {
                        response(c, campaignId, cu.getId(), ResponseKind.UNSUBSCRIBED, null, null, null);
                    }
                }
                return null;
            });
        });
        if (campaignId != null) {
            Events.post(events, Topics.CAMPAIGN_CHANGED, campaignId);
        }
    }

    @Override
    public void recordBounce(String email, String diagnostic) {
        security.check(Permission.MARKETING_WRITE);
        String key = Suppressions.requireEmail(email);
        db.jdbcTransaction(c -> {
            // the bounce belongs to the latest message sent to that address
            long recipient = 0, campaign = 0, customer = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, CAMPAIGN_ID, CUSTOMER_ID FROM CAMPAIGN_RECIPIENT "
                    + "WHERE EMAIL = ? AND STATUS = 'SENT' ORDER BY SENT_AT DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        recipient = rs.getLong(1);
                        campaign = rs.getLong(2);
                        customer = rs.getLong(3);
                    }
                }
            }
            Suppressions.add(c, key, SuppressionReason.BOUNCED, campaign == 0 ? null : campaign, diagnostic,
                    security.currentUser());
            if (recipient != 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE CAMPAIGN_RECIPIENT SET STATUS = 'BOUNCED', ERROR = ? WHERE ID = ?")) {
                    ps.setString(1, Suppressions.clip(diagnostic));
                    ps.setLong(2, recipient);
                    ps.executeUpdate();
                }
                response(c, campaign, customer, ResponseKind.BOUNCED, diagnostic, null, null);
            }
            return null;
        });
    }

    @Override
    public SuppressionReason suppressed(String email) {
        String key = SearchKeys.emailKey(email);
        return key == null ? null : db.jdbc(c -> Suppressions.reason(c, key));
    }

    private void response(Connection c, long campaignId, long customerId, ResponseKind kind, String notes, Long leadId,
            Long opportunityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAMPAIGN_RESPONSE (CAMPAIGN_ID, CUSTOMER_ID, KIND, "
                + "LEAD_ID, OPPORTUNITY_ID, NOTES, RESPONDED_AT, USER_LOGIN) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, campaignId);
            ps.setObject(2, customerId == 0 ? null : customerId);
            ps.setString(3, kind.name());
            ps.setObject(4, leadId);
            ps.setObject(5, opportunityId);
            ps.setString(6, Suppressions.clip(notes));
            ps.setTimestamp(7, Timestamp.from(AppClock.now()));
            ps.setString(8, security.currentUser());
            ps.executeUpdate();
        }
    }

    @Override
    public void respond(long campaignId, long customerId, ResponseKind kind, String notes, Long leadId,
            Long opportunityId) {
        security.check(Permission.MARKETING_WRITE);
        if (leadId != null || opportunityId != null) {
            // linking it to the pipeline changes a lead or a deal
            security.check(Permission.SALES_WRITE);
        }
        List<FieldError> errors = new ArrayList<>();
        Checks.maxLength(errors, "notes", notes, 1000);
        Checks.throwIfAny(errors);
        if (kind == ResponseKind.UNSUBSCRIBED || kind == ResponseKind.BOUNCED) {
            throw new IllegalArgumentException(kind + " is recorded by unsubscribe or recordBounce");
        }
        db.inTransactionDo(em -> {
            Entities.require(em.find(Campaign.class, campaignId), ENTITY, campaignId);
            Entities.require(em.find(Customer.class, customerId), "Customer", customerId);
            if (leadId != null) {
                Lead l = Entities.require(em.find(Lead.class, leadId), "Lead", leadId);
                link(em, "Lead", l.getId(), l.getCampaignId(), campaignId, l::setCampaignId);
            }
            if (opportunityId != null) {
                Opportunity o = Entities.require(em.find(Opportunity.class, opportunityId), "Opportunity", opportunityId);
                link(em, "Opportunity", o.getId(), o.getCampaignId(), campaignId, o::setCampaignId);
            }
            Database.jdbc(em, c -> {
                response(c, campaignId, customerId, kind, notes, leadId, opportunityId);
                return null;
            });
        });
        Events.post(events, Topics.CAMPAIGN_CHANGED, campaignId);
    }

    private void link(EntityManager em, String entity, long id, Long current, long campaignId,
            java.util.function.Consumer<Long> setter) {
        if (current == null || current != campaignId) {
            setter.accept(campaignId);
            em.flush();
            audit.record(em, entity, id, java.util.Collections.singletonMap("campaignId", current),
                    Map.of("campaignId", campaignId));
        }
    }

    @Override
    public Results results(long campaignId) {
        Campaign k = get(campaignId);
        return db.jdbc(c -> {
            Map<RecipientStatus, Integer> byStatus = new EnumMap<>(RecipientStatus.class);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT STATUS, COUNT(*) FROM CAMPAIGN_RECIPIENT WHERE CAMPAIGN_ID = ? GROUP BY STATUS")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byStatus.put(RecipientStatus.valueOf(rs.getString(1)), rs.getInt(2));
                    }
                }
            }
            Map<ResponseKind, Integer> responses = new EnumMap<>(ResponseKind.class);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT KIND, COUNT(*) FROM CAMPAIGN_RESPONSE WHERE CAMPAIGN_ID = ? GROUP BY KIND")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        responses.put(ResponseKind.valueOf(rs.getString(1)), rs.getInt(2));
                    }
                }
            }
            int leads;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM SALES_LEAD WHERE CAMPAIGN_ID = ?")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    leads = rs.getInt(1);
                }
            }
            int opportunities;
            BigDecimal pipeline, won;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), "
                    + "COALESCE(SUM(CASE WHEN STAGE NOT IN ('WON', 'LOST') THEN AMOUNT END), 0), "
                    + "COALESCE(SUM(CASE WHEN STAGE = 'WON' THEN AMOUNT END), 0) FROM OPPORTUNITY WHERE CAMPAIGN_ID = ?")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    opportunities = rs.getInt(1);
                    pipeline = rs.getBigDecimal(2);
                    won = rs.getBigDecimal(3);
                }
            }
            int recipients = byStatus.values().stream().mapToInt(Integer::intValue).sum();
            return new Results(recipients, byStatus.getOrDefault(RecipientStatus.SENT, 0),
                    byStatus.getOrDefault(RecipientStatus.SKIPPED, 0), byStatus.getOrDefault(RecipientStatus.FAILED, 0),
                    byStatus.getOrDefault(RecipientStatus.BOUNCED, 0), byStatus.getOrDefault(RecipientStatus.PENDING, 0),
                    responses, leads, opportunities, pipeline, won, k.getCost(), roi(won, k.getCost()));
        });
    }

    /** Return on cost: (revenue won − cost) / cost, to four places; null while the campaign cost nothing. */
    static BigDecimal roi(BigDecimal won, BigDecimal cost) {
        if (cost == null || cost.signum() == 0) {
            return null;
        }
        return won.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP);
    }

    // settings

    @Override
    public MailSettings mailSettings() {
        return db.jdbc(MailSettingsStore::read);
    }

    @Override
    public void saveMailSettings(MailSettings m) {
        security.check(Permission.USER_ADMIN);
        db.jdbcTransaction(c -> {
            MailSettingsStore.write(c, m, audit, security.currentUser());
            return null;
        });
    }
}
