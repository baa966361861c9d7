package org.guanxi.marketing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.model.SuppressionReason;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.FieldError;

/**
 * The addresses no campaign may mail again (unsubscribed, bounced), by their normalised key; read and written on the
 * caller's connection, so a suppression commits with what caused it.
 */
final class Suppressions {

    private Suppressions() {
    }

    /** The address's key, after checking it is one. */
    static String requireEmail(String email) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "email", email, 200);
        Checks.email(errors, "email", email);
        Checks.throwIfAny(errors);
        return SearchKeys.emailKey(email);
    }

    static SuppressionReason reason(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT REASON FROM EMAIL_SUPPRESSION WHERE EMAIL_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? SuppressionReason.valueOf(rs.getString(1)) : null;
            }
        }
    }

    /** Adds the address unless it is there already (the first reason stays). */
    static void add(Connection c, String key, SuppressionReason reason, Long campaignId, String detail, String user)
            throws SQLException {
        if (reason(c, key) != null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMAIL_SUPPRESSION "
                + "(EMAIL_KEY, REASON, CAMPAIGN_ID, DETAIL, SUPPRESSED_AT, USER_LOGIN) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, reason.name());
            ps.setObject(3, campaignId);
            ps.setString(4, clip(detail));
            ps.setTimestamp(5, Timestamp.from(AppClock.now()));
            ps.setString(6, user);
            ps.executeUpdate();
        }
    }

    /** Text for a 1,000-character column (server answers, notes, diagnostics can be longer). */
    static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
