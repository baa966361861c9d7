package org.guanxi.marketing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.guanxi.core.db.SegmentQuery;
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
        List<Member> out = new ArrayList<>();
        try (PreparedStatement ps = SegmentQuery.prepare(c, s, "c.ID, c.NAME, c.EMAIL_KEY, c.CONSENT_EMAIL, x.REASON",
                "LEFT JOIN EMAIL_SUPPRESSION x ON x.EMAIL_KEY = c.EMAIL_KEY")) {
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
}
