package org.guanxi.marketing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.guanxi.core.db.AppSettings;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.service.AuditLog;
import org.guanxi.marketing.api.CampaignService.MailSettings;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.FieldError;

/**
 * The mail server every e-mail of the marketing module goes through (campaigns, care greetings, survey invitations),
 * kept in APP_SETTING under {@code mail.}, and the texts each mail adds in the recipient's language.
 */
final class MailSettingsStore {

    static final String PREFIX = "mail.";
    private static final MailSettings DEFAULTS = new MailSettings("127.0.0.1", 25, false, "", "crm@localhost",
            "Guanxi CRM", 60);

    private MailSettingsStore() {
    }

    static MailSettings read(Connection c) throws SQLException {
        Map<String, String> s = AppSettings.read(c, PREFIX);
        return new MailSettings(s.getOrDefault("host", DEFAULTS.host()),
                Integer.parseInt(s.getOrDefault("port", String.valueOf(DEFAULTS.port()))),
                Boolean.parseBoolean(s.getOrDefault("startTls", "false")), s.getOrDefault("username", ""),
                s.getOrDefault("fromAddress", DEFAULTS.fromAddress()), s.getOrDefault("fromName", DEFAULTS.fromName()),
                Integer.parseInt(s.getOrDefault("perMinute", String.valueOf(DEFAULTS.perMinute()))));
    }

    /** Checks the settings and writes them, with their changes in the audit trail. */
    static void write(Connection c, MailSettings m, AuditLog audit, String user) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "smtpHost", m.host(), 200);
        Checks.range(errors, "smtpPort", m.port(), 1, 65535);
        Checks.required(errors, "fromAddress", m.fromAddress(), 200);
        Checks.email(errors, "fromAddress", m.fromAddress());
        Checks.maxLength(errors, "fromName", m.fromName(), 100);
        Checks.maxLength(errors, "smtpUser", m.username(), 200);
        Checks.range(errors, "perMinute", m.perMinute(), 1, 100_000);
        Checks.throwIfAny(errors);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("host", m.host().strip());
        values.put("port", m.port());
        values.put("startTls", m.startTls());
        values.put("username", m.username() == null ? "" : m.username().strip());
        values.put("fromAddress", m.fromAddress().strip());
        values.put("fromName", m.fromName() == null ? "" : m.fromName().strip());
        values.put("perMinute", m.perMinute());
        AppSettings.write(c, audit, "MailSettings", PREFIX, values, user);
    }

    /** Texts added to the mail in the recipient's language (mail_zh.properties), not the user's. */
    static ResourceBundle texts(String lang) {
        return Texts.inLanguage(MailSettingsStore.class, "mail", lang);
    }
}
