package org.guanxi.customer.privacy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guanxi.core.service.PrivacyService.Due;

/**
 * Whose personal data has been kept long enough (PIPL Art. 19 and 47): the customers whose last activity lies before
 * the cut-off and who have no business still open. Activity is any dated trace of the relationship; open business is
 * what the company still needs the person's details for, whatever the date.
 */
final class RetentionRule {

    /** Where the relationship leaves a date: table, its column naming the customer, the date. */
    private static final List<String[]> ACTIVITY = List.of(new String[] { "CUSTOMER", "ID", "CREATED_AT" },
            new String[] { "CUSTOMER", "ID", "UPDATED_AT" }, new String[] { "SALES_ORDER", "CUSTOMER_ID", "ORDER_DATE" },
            new String[] { "SALES_ORDER", "CUSTOMER_ID", "DELIVERED_ON" },
            new String[] { "INVOICE", "CUSTOMER_ID", "ISSUE_DATE" },
            new String[] { "SALES_CONTRACT", "CUSTOMER_ID", "END_DATE" },
            new String[] { "INTERACTION", "CUSTOMER_ID", "OCCURRED_AT" },
            new String[] { "SERVICE_CASE", "CUSTOMER_ID", "OPENED_AT" },
            new String[] { "SERVICE_CASE", "CUSTOMER_ID", "CLOSED_AT" },
            new String[] { "CALL_LOG", "CUSTOMER_ID", "STARTED_AT" },
            new String[] { "SURVEY_RESPONSE", "CUSTOMER_ID", "RESPONDED_AT" },
            new String[] { "POINTS_LEDGER", "CUSTOMER_ID", "BOOKED_ON" });

    /** Business still open: an order not yet delivered, an invoice not paid, a contract in force, a case not done. */
    private static final List<String> OPEN = List.of(
            "SELECT CUSTOMER_ID FROM SALES_ORDER WHERE STATUS IN ('DRAFT', 'CONFIRMED')",
            "SELECT CUSTOMER_ID FROM INVOICE WHERE STATUS IN ('OPEN', 'PARTLY_PAID')",
            "SELECT CUSTOMER_ID FROM SALES_CONTRACT WHERE STATUS IN ('DRAFT', 'ACTIVE')",
            "SELECT CUSTOMER_ID FROM SERVICE_CASE WHERE STATUS NOT IN ('RESOLVED', 'CLOSED')");

    private RetentionRule() {
    }

    /** The customers due, the longest inactive first; customers already erased are not listed. */
    static List<Due> due(Connection c, LocalDate cutoff) throws SQLException {
        Map<Long, LocalDate> last = new HashMap<>();
        for (String[] a : ACTIVITY) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + a[1] + ", MAX(" + a[2]
                    + ") FROM " + a[0] + " WHERE " + a[1] + " IS NOT NULL GROUP BY " + a[1])) {
                while (rs.next()) {
                    Date d = rs.getDate(2);
                    if (d != null) {
                        last.merge(rs.getLong(1), d.toLocalDate(), (x, y) -> x.isAfter(y) ? x : y);
                    }
                }
            }
        }
        Set<Long> open = new HashSet<>();
        for (String sql : OPEN) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    open.add(rs.getLong(1));
                }
            }
        }
        List<Due> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, CODE, NAME FROM CUSTOMER WHERE NAME <> ?")) {
            ps.setString(1, PersonalDataEraser.ERASED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate l = last.get(rs.getLong(1));
                    if (l != null && l.isBefore(cutoff) && !open.contains(rs.getLong(1))) {
                        due.add(new Due(rs.getString(2), rs.getString(3), l));
                    }
                }
            }
        }
        due.sort(Comparator.comparing(Due::lastActivity).thenComparing(Due::code));
        return due;
    }
}
