package org.guanxi.customer.privacy;

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
 * audit trail's entries about it (on a team database through {@code gx_expire_trail}, the trail's owner's function).
 */
final class RecordRetention {

    static final String ERASED = "[erased]";

    private RecordRetention() {
    }

    /** How many records of the kind are past the period and not yet anonymised. */
    static int due(Connection c, Kind kind, LocalDate cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + (kind == Kind.LEADS ? LEADS : CALLS))) {
            ps.setTimestamp(1, Timestamp.valueOf(cutoff.atStartOfDay()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Anonymises them in the caller's transaction; returns how many. */
    static int apply(Connection c, Kind kind, LocalDate cutoff, boolean postgres) throws SQLException {
        int n = kind == Kind.LEADS ? leads(c, cutoff) : calls(c, cutoff);
        if (n > 0) {
            trail(c, kind, postgres);
        }
        return n;
    }

    /** Leads not converted and untouched since before the cutoff (their last change is the last contact with them). */
    private static final String LEADS = "SALES_LEAD WHERE STATUS <> 'CONVERTED' AND CUSTOMER_ID IS NULL AND UPDATED_AT < ? "
            + "AND (PERSON_NAME IS NULL OR PERSON_NAME <> '" + ERASED + "')";

    /** Calls started before the cutoff whose number is still held. */
    private static final String CALLS = "CALL_LOG WHERE STARTED_AT < ? AND PHONE <> '" + ERASED + "'";

    private static int leads(Connection c, LocalDate cutoff) throws SQLException {
        record Lead(long id, String company) {
        }
        List<Lead> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, COMPANY FROM " + LEADS)) {
            ps.setTimestamp(1, Timestamp.valueOf(cutoff.atStartOfDay()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Lead(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        // the search keys are made again from the company alone, so the lead is still found by it
        try (PreparedStatement ps = c.prepareStatement("UPDATE SALES_LEAD SET PERSON_NAME = '" + ERASED + "', NAME_KEY = ?, "
                + "PINYIN_KEY = ?, PHONE = NULL, PHONE_KEY = NULL, EMAIL = NULL, EMAIL_KEY = NULL, NOTES = NULL, "
                + "SOURCE_DETAIL = NULL, VERSION = VERSION + 1 WHERE ID = ?")) {
            for (Lead l : due) {
                String company = l.company() == null ? "" : l.company();
                ps.setString(1, SearchKeys.nameKey(company));
                ps.setString(2, SearchKeys.pinyinKey(company));
                ps.setLong(3, l.id());
                ps.addBatch();
            }
            if (!due.isEmpty()) {
                ps.executeBatch();
            }
        }
        return due.size();
    }

    private static int calls(Connection c, LocalDate cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + CALLS.replace("CALL_LOG WHERE",
                "CALL_LOG SET PHONE = '" + ERASED + "', NOTE = NULL WHERE"))) {
            ps.setTimestamp(1, Timestamp.valueOf(cutoff.atStartOfDay()));
            return ps.executeUpdate();
        }
    }

    /** The trail's old and new values of the anonymised fields of every anonymised record of the kind. */
    private static void trail(Connection c, Kind kind, boolean postgres) throws SQLException {
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement("SELECT gx_expire_trail(?)")) {
                ps.setString(1, kind.name());
                ps.execute();
            }
            return;
        }
        String sql = kind == Kind.LEADS
                ? "ENTITY = 'Lead' AND FIELD IN ('personName', 'phone', 'email', 'notes', 'sourceDetail') "
                        + "AND ENTITY_ID IN (SELECT ID FROM SALES_LEAD WHERE PERSON_NAME = '" + ERASED + "')"
                : "ENTITY = 'Call' AND FIELD IN ('phone', 'note') AND ENTITY_ID IN (SELECT ID FROM CALL_LOG WHERE PHONE = '"
                        + ERASED + "')";
        try (PreparedStatement ps = c.prepareStatement("UPDATE AUDIT_LOG SET OLD_VALUE = CASE WHEN OLD_VALUE IS NULL THEN NULL "
                + "ELSE '" + ERASED + "' END, NEW_VALUE = CASE WHEN NEW_VALUE IS NULL THEN NULL ELSE '" + ERASED + "' END WHERE "
                + sql)) {
            ps.executeUpdate();
        }
    }
}
