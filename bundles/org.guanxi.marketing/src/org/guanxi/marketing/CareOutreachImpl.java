package org.guanxi.marketing;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.CareOccasion;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SkipReason;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.marketing.api.CampaignService.MailSettings;
import org.guanxi.marketing.api.CareOutreach;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.TaskService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.mail.MessagingException;

/**
 * Care greetings through the EDM channel: e-mail with the campaigns' mail server, consent and suppression list; SMS
 * queued in the outbox for the gateway, in the same transaction that completes the task, so that a greeting is
 * queued exactly when its task is done.
 */
@Component(service = CareOutreach.class)
public class CareOutreachImpl implements CareOutreach {

    /** One SMS segment holds 70 Chinese characters; a greeting may take up to four. */
    static final int SMS_MAX = 280;

    private static final String SELECT = "SELECT t.ID, t.CUSTOMER_ID, c.NAME, t.ORIGIN, t.DUE_DATE, t.ASSIGNEE, c.EMAIL, "
            + "c.PHONE, c.CONSENT_EMAIL, c.CONSENT_SMS, x.REASON, c.KIND, "
            + "(SELECT ct.NAME FROM CONTACT ct WHERE ct.ID = (SELECT MIN(y.ID) FROM CONTACT y WHERE y.CUSTOMER_ID = c.ID)) "
            + "FROM TASK t JOIN CUSTOMER c ON c.ID = t.CUSTOMER_ID "
            + "LEFT JOIN EMAIL_SUPPRESSION x ON x.EMAIL_KEY = c.EMAIL_KEY "
            + "WHERE t.STATUS = 'OPEN' AND t.ORIGIN LIKE 'care:%' ";

    private final Database db;
    private final SecurityService security;
    private final CampaignService campaigns;
    private final Outbox outbox;
    private final TaskService tasks;
    private final InteractionService interactions;

    @Activate
    public CareOutreachImpl(@Reference Database db, @Reference SecurityService security, @Reference CampaignService campaigns,
            @Reference Outbox outbox, @Reference TaskService tasks, @Reference InteractionService interactions) {
        this.db = db;
        this.security = security;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.tasks = tasks;
        this.interactions = interactions;
    }

    @Override
    public List<Outreach> due(LocalDate until, String assignee, int limit) {
        security.check(Permission.CUSTOMER_READ);
        MailSettings settings = campaigns.mailSettings();
        String sql = SELECT + "AND t.DUE_DATE <= ?" + (assignee == null ? "" : " AND (t.ASSIGNEE = ? OR t.ASSIGNEE IS NULL)")
                + " ORDER BY t.DUE_DATE, t.ID";
        return db.jdbc(c -> {
            List<Outreach> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDate(1, Date.valueOf(until));
                if (assignee != null) {
                    ps.setString(2, assignee);
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(outreach(c, rs, settings));
                    }
                }
            }
            return shown(out);
        });
    }

    /** Addresses and numbers masked for those without {@code PERSONAL_DATA}; sending reads them in full. */
    private List<Outreach> shown(List<Outreach> out) {
        return security.hasPermission(Permission.PERSONAL_DATA) ? out : out.stream().map(Outreach::masked).toList();
    }

    @Override
    public Outreach prepare(long taskId) {
        security.check(Permission.CUSTOMER_READ);
        return shown(List.of(read(taskId))).get(0);
    }

    private Outreach read(long taskId) {
        MailSettings settings = campaigns.mailSettings();
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "AND t.ID = ?")) {
                ps.setLong(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("Task", taskId);
                    }
                    return outreach(c, rs, settings);
                }
            }
        });
    }

    private static Outreach outreach(Connection c, ResultSet rs, MailSettings settings) throws SQLException {
        String origin = rs.getString(4);
        String[] parts = origin.split(":", 3);
        CareOccasion occasion = CareOccasion.valueOf(parts[1]);
        String name = rs.getString(3);
        String language = Audiences.language(name);
        ResourceBundle texts = texts(language);
        Map<String, String> values = new HashMap<>();
        // a person is greeted by name; an organisation through its first contact, if it has one
        boolean person = PartyKind.PERSON.name().equals(rs.getString(12));
        values.put("name", person || rs.getString(13) == null ? name : rs.getString(13));
        values.put("sender", settings.fromName());
        values.put("detail", parts.length < 3 ? "" : detail(c, occasion, parts[2], texts));
        String email = rs.getString(7);
        String phone = rs.getString(8);
        SkipReason emailBlocked = email == null || email.isBlank() ? SkipReason.NO_EMAIL
                : rs.getString(11) != null ? SkipReason.SUPPRESSED : !rs.getBoolean(9) ? SkipReason.NO_CONSENT : null;
        SkipReason smsBlocked = phone == null || phone.isBlank() ? SkipReason.NO_PHONE : !rs.getBoolean(10) ? SkipReason.NO_CONSENT : null;
        String key = occasion.name() + ".";
        String sms = "【" + settings.fromName() + "】" + MergeTemplate.render(texts.getString(key + "sms"), values);
        return new Outreach(rs.getLong(1), rs.getLong(2), name, occasion, rs.getDate(5).toLocalDate(), rs.getString(6), language,
                email, phone, MergeTemplate.render(texts.getString(key + "subject"), values),
                MergeTemplate.render(texts.getString(key + "email"), values), sms, emailBlocked, smsBlocked);
    }

    /** The key date's own name (or its kind's), or the delivered order's number, for the greeting. */
    private static String detail(Connection c, CareOccasion occasion, String ref, ResourceBundle texts) throws SQLException {
        if (occasion != CareOccasion.KEY_DATE) {
            return ref;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT KIND, LABEL FROM KEY_DATE WHERE ID = ?")) {
            ps.setLong(1, Long.parseLong(ref));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return texts.getString("kind.OTHER");
                }
                String label = rs.getString(2);
                return label != null && !label.isBlank() ? label.strip()
                        : texts.containsKey("kind." + rs.getString(1)) ? texts.getString("kind." + rs.getString(1)) : texts.getString("kind.OTHER");
            }
        }
    }

    /** Greetings in the customer's language (care_zh.properties), not the user's. */
    private static ResourceBundle texts(String language) {
        return org.guanxi.core.i18n.Texts.inLanguage(CareOutreachImpl.class, "care", language);
    }

    @Override
    public void send(long taskId, Channel channel, String subject, String text) {
        security.check(Permission.CUSTOMER_WRITE);
        Outreach o = read(taskId);
        List<FieldError> errors = new ArrayList<>();
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            errors.add(new FieldError("careText", "error.required"));
        }
        if (channel == Channel.EMAIL) {
            if (o.emailBlocked() != null) {
                errors.add(new FieldError("careChannel", "error.channelClosed", org.guanxi.core.i18n.Labels.of(o.emailBlocked())));
            }
            if (subject == null || subject.isBlank()) {
                errors.add(new FieldError("careSubject", "error.required"));
            }
        } else if (channel == Channel.SMS) {
            if (o.smsBlocked() != null) {
                errors.add(new FieldError("careChannel", "error.channelClosed", org.guanxi.core.i18n.Labels.of(o.smsBlocked())));
            }
            if (body.length() > SMS_MAX) {
                errors.add(new FieldError("careText", "error.tooLong", SMS_MAX));
            }
        } else {
            errors.add(new FieldError("careChannel", "error.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (channel == Channel.EMAIL) {
            // the mail goes out first: a server that refuses it leaves the task open for another try
            MailSettings settings = campaigns.mailSettings();
            try (Mailer mailer = new Mailer(settings)) {
                mailer.send(o.email().strip(), subject.strip(), body);
            } catch (MessagingException e) {
                throw new GuanxiException(e, "error.smtp", settings.host(), settings.port(), e.getMessage());
            }
        }
        String note = channel == Channel.EMAIL ? subject.strip() + "\n\n" + body : body;
        db.inTransactionDo(em -> {
            if (channel == Channel.SMS) {
                outbox.append(em, SMS_TOPIC, "Task", taskId, "TASK:sms:" + taskId, smsDocument(o, body));
            }
            Database.jdbc(em, c -> {
                complete(c, taskId);
                timeline(c, o, channel, note);
                return null;
            });
        });
    }

    private void complete(Connection c, long taskId) throws SQLException {
        if (!tasks.complete(c, taskId)) {
            throw new NotFoundException("Task", taskId);
        }
    }

    private void timeline(Connection c, Outreach o, Channel channel, String note) throws SQLException {
        String subject = org.guanxi.core.i18n.Texts.of(CareOutreachImpl.class).get("care.sent",
                org.guanxi.core.i18n.Labels.of(o.occasion()));
        interactions.record(c, o.customerId(), channel, AppClock.now(), subject, note);
    }

    /** The SMS for the gateway: {@code <sms xmlns="urn:guanxi:sms:1">} with number, text and the customer's task. */
    static String smsDocument(Outreach o, String text) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("sms");
            w.writeDefaultNamespace("urn:guanxi:sms:1");
            element(w, "to", o.phone().strip());
            element(w, "text", text);
            element(w, "customerId", String.valueOf(o.customerId()));
            element(w, "taskId", String.valueOf(o.taskId()));
            element(w, "language", o.language());
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
