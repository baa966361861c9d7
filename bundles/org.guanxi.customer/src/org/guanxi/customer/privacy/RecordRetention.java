package org.guanxi.customer.privacy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.service.PrivacyService.Kind;

/**
 * Retention rules for records that are not a customer's (PIPL Art. 19): leads that never became customers, and the
 * call log's numbers and notes. The record stays for the statistics (a lead's source, company, status and score; a
 * call's time, queue, agent and outcome); what names or reaches the person is anonymised, in the record and in the
 * audit trail's entries about exactly the records this run anonymised (on a team database through
 * {@code gx_expire_trail}, which accepts only records the same transaction has anonymised).
 */
final class RecordRetention {

    static final String ERASED = "[erased]";

    private RecordRetention() {
    }

    /**
     * Leads not converted, untouched since before the cutoff: their last change, their activities (none planned, none
     * since) and campaign responses are the last contact with them.
     */
    private static final String LEADS = "SALES_LEAD l WHERE l.STATUS <> 'CONVERTED' AND l.CUSTOMER_ID IS NULL "
            + "AND l.UPDATED_AT < ? AND (l.PERSON_NAME IS NULL OR l.PERSON_NAME <> '" + ERASED + "') "
            + "AND NOT EXISTS (SELECT 1 FROM ACTIVITY a WHERE a.LEAD_ID = l.ID AND (a.STATUS = 'PLANNED' OR a.STARTS_AT >= ?)) "
            + "AND NOT EXISTS (SELECT 1 FROM CAMPAIGN_RESPONSE r WHERE r.LEAD_ID = l.ID AND r.RESPONDED_AT >= ?)";

    /** Calls started before the cutoff whose number is still held. */
    private static final String CALLS = "CALL_LOG l WHERE l.STARTED_AT < ? AND l.PHONE <> '" + ERASED + "'";

    /** The trail's fields that name or reach the person, per kind. */
    private static final String LEAD_FIELDS = "('personName', 'phone', 'email', 'notes', 'sourceDetail')";
    private static final String CALL_FIELDS = "('phone', 'note')";

    /** How many records of the kind are past the period and not yet anonymised. */
    static int due(Connection c, Kind kind, LocalDate cutoff) throws SQLException {
        return ids(c, kind, cutoff).size();
    }

    /** Anonymises them in the caller's transaction; returns how many. */
    static int apply(Connection c, Kind kind, LocalDate cutoff, boolean postgres) throws SQLException {
        List<Long> ids = ids(c, kind, cutoff);
        if (ids.isEmpty()) {
            return 0;
        }
        if (kind == Kind.LEADS) {
            leads(c, ids);
        } else {
            calls(c, ids);
        }
        trail(c, kind, ids, postgres);
        return ids.size();
    }

    private static List<Long> ids(Connection c, Kind kind, LocalDate cutoff) throws SQLException {
        Timestamp at = Timestamp.valueOf(cutoff.atStartOfDay());
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.ID FROM " + (kind == Kind.LEADS ? LEADS : CALLS) + " ORDER BY l.ID")) {
            int n = kind == Kind.LEADS ? 3 : 1;
            for (int i = 1; i <= n; i++) {
                ps.setTimestamp(i, at);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static void leads(Connection c, List<Long> ids) throws SQLException {
        // the search keys are made again from the company alone, so the lead is still found by it
        try (PreparedStatement company = c.prepareStatement("SELECT COMPANY FROM SALES_LEAD WHERE ID = ?");
                PreparedStatement ps = c.prepareStatement("UPDATE SALES_LEAD SET PERSON_NAME = '" + ERASED + "', NAME_KEY = ?, "
                        + "PINYIN_KEY = ?, PHONE = NULL, PHONE_KEY = NULL, EMAIL = NULL, EMAIL_KEY = NULL, NOTES = NULL, "
                        + "SOURCE_DETAIL = NULL, VERSION = VERSION + 1 WHERE ID = ?")) {
            for (long id : ids) {
                company.setLong(1, id);
                String name;
                try (ResultSet rs = company.executeQuery()) {
                    name = rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
                }
                ps.setString(1, SearchKeys.nameKey(name));
                ps.setString(2, SearchKeys.pinyinKey(name));
                ps.setLong(3, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void calls(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CALL_LOG SET PHONE = '" + ERASED + "', NOTE = NULL WHERE ID = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The trail's old and new values of the anonymised fields of exactly these records. */
    private static void trail(Connection c, Kind kind, List<Long> ids, boolean postgres) throws SQLException {
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement("SELECT gx_expire_trail(?, ?)")) {
                Array array = c.createArrayOf("bigint", ids.toArray());
                ps.setString(1, kind.name());
                ps.setArray(2, array);
                ps.execute();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE AUDIT_LOG SET OLD_VALUE = CASE WHEN OLD_VALUE IS NULL THEN NULL "
                + "ELSE '" + ERASED + "' END, NEW_VALUE = CASE WHEN NEW_VALUE IS NULL THEN NULL ELSE '" + ERASED + "' END "
                + "WHERE ENTITY = ? AND ENTITY_ID = ? AND FIELD IN " + (kind == Kind.LEADS ? LEAD_FIELDS : CALL_FIELDS))) {
            for (long id : ids) {
                ps.setString(1, kind == Kind.LEADS ? "Lead" : "Call");
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
