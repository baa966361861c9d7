package org.guanxi.marketing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.SkipReason;

/** The customers of a segment, each with whether and why they may not be mailed. */
final class Audiences {

    /** A customer of the segment; {@code skip} is null when they may be mailed. */
    record Member(long customerId, String name, String emailKey, String lang, SkipReason skip) {
    }

    private Audiences() {
    }

    static List<Member> members(Connection c, Segment s) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT c.ID, c.NAME, c.EMAIL_KEY, c.CONSENT_EMAIL, x.REASON FROM CUSTOMER c ");
        List<String> args = new ArrayList<>();
        boolean byValue = !s.getTiers().isEmpty() || !s.getStages().isEmpty() || !s.getRfmSegments().isEmpty();
        if (byValue) {
            // value criteria read the latest finished analysis; a customer it has not seen does not match
            sql.append("JOIN CUSTOMER_VALUE v ON v.CUSTOMER_ID = c.ID "
                    + "AND v.RUN_ID = (SELECT MAX(ID) FROM VALUE_RUN WHERE FINISHED_AT IS NOT NULL) ");
        }
        sql.append("LEFT JOIN EMAIL_SUPPRESSION x ON x.EMAIL_KEY = c.EMAIL_KEY WHERE 1 = 1");
        in(sql, args, "v.TIER", s.getTiers().stream().map(Enum::name).toList());
        in(sql, args, "v.STAGE", s.getStages().stream().map(Enum::name).toList());
        in(sql, args, "v.RFM_SEGMENT", s.getRfmSegments().stream().map(Enum::name).toList());
        in(sql, args, "c.CUSTOMER_TYPE", s.getCustomerTypes().stream().map(Enum::name).toList());
        in(sql, args, "c.CITY", s.getCities());
        sql.append(" ORDER BY c.ID");
        List<Member> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    String key = rs.getString(3);
                    SkipReason skip = key == null ? SkipReason.NO_EMAIL
                            : rs.getString(5) != null ? SkipReason.SUPPRESSED
                            : !rs.getBoolean(4) ? SkipReason.NO_CONSENT : null;
                    out.add(new Member(rs.getLong(1), name, key, language(name), skip));
                }
            }
        }
        return out;
    }

    /** Chinese for a customer whose name is written in Chinese characters, English otherwise. */
    static String language(String name) {
        return name != null && SearchKeys.hasHan(name) ? "zh" : "en";
    }

    private static void in(StringBuilder sql, List<String> args, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append(String.join(", ", values.stream().map(v -> "?").toList()))
                .append(')');
        args.addAll(values);
    }
}
