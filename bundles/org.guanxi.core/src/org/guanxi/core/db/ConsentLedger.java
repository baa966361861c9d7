package org.guanxi.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Consent;
import org.guanxi.core.model.ConsentEvent;
import org.guanxi.core.model.ConsentSource;

/**
 * The consent ledger (CONSENT_EVENT), written in the caller's transaction by every module that changes a customer's
 * consent flags (editor, import, unsubscribe, demo), so that the flags and their history cannot disagree. Rows are
 * only added: a later answer supersedes an earlier one, none is changed.
 */
public final class ConsentLedger {

    private ConsentLedger() {
    }

    /**
     * One row for each consent whose answer differs between {@code before} and {@code after}; a new customer's
     * {@code before} is empty, and only what they agreed to is written (no row is the absence of consent).
     *
     * @return how many rows were written
     */
    public static int record(Connection c, long customerId, Map<Consent, Boolean> before, Map<Consent, Boolean> after,
            ConsentSource source, String user, String note) throws SQLException {
        int rows = 0;
        Timestamp at = Timestamp.from(AppClock.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CONSENT_EVENT (CUSTOMER_ID, CHANNEL, PURPOSE, GRANTED, "
                + "RECORDED_AT, SOURCE, USER_LOGIN, NOTE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Consent, Boolean> e : after.entrySet()) {
                Boolean was = before.get(e.getKey());
                // a consent starts out refused, personalisation allowed: only a departure from that is news
                boolean unchanged = was == null ? e.getValue() == (e.getKey() == Consent.PERSONALISED) : Objects.equals(was, e.getValue());
                if (unchanged) {
                    continue;
                }
                ps.setLong(1, customerId);
                ps.setString(2, e.getKey().channel());
                ps.setString(3, e.getKey().purpose());
                ps.setBoolean(4, e.getValue());
                ps.setTimestamp(5, at);
                ps.setString(6, source.name());
                ps.setString(7, user);
                ps.setString(8, note == null || note.length() <= 200 ? note : note.substring(0, 200));
                ps.addBatch();
                rows++;
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
        return rows;
    }

    /**
     * A row, as of the record's creation, for each consent a customer holds that the ledger does not show yet: for
     * loaders that write customers set-wise (the demo).
     */
    public static void recordHeld(Connection c, ConsentSource source) throws SQLException {
        for (Consent consent : List.of(Consent.EMAIL, Consent.SMS, Consent.PHONE)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CONSENT_EVENT (CUSTOMER_ID, CHANNEL, PURPOSE, GRANTED, "
                    + "RECORDED_AT, SOURCE) SELECT c.ID, ?, ?, TRUE, c.CREATED_AT, ? FROM CUSTOMER c WHERE c.CONSENT_"
                    + consent.channel() + " = TRUE AND NOT EXISTS (SELECT 1 FROM CONSENT_EVENT e WHERE e.CUSTOMER_ID = c.ID "
                    + "AND e.CHANNEL = ? AND e.PURPOSE = ?)")) {
                ps.setString(1, consent.channel());
                ps.setString(2, consent.purpose());
                ps.setString(3, source.name());
                ps.setString(4, consent.channel());
                ps.setString(5, consent.purpose());
                ps.executeUpdate();
            }
        }
    }

    /** The person's ledger, newest first. */
    public static List<ConsentEvent> history(Connection c, long customerId) throws SQLException {
        List<ConsentEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT RECORDED_AT, CHANNEL, PURPOSE, GRANTED, SOURCE, USER_LOGIN, "
                + "NOTE FROM CONSENT_EVENT WHERE CUSTOMER_ID = ? ORDER BY RECORDED_AT DESC, ID DESC")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConsentEvent(rs.getTimestamp(1).toInstant(), Consent.of(rs.getString(2), rs.getString(3)),
                            rs.getBoolean(4), ConsentSource.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }
}
