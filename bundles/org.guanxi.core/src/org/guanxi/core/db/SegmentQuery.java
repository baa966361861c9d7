package org.guanxi.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.guanxi.core.model.Segment;

/**
 * The customers of a saved segment, for every module that reaches them (campaign mail, outbound call lists): one
 * query over CUSTOMER (alias {@code c}) with the latest finished value analysis (alias {@code v}) when the segment
 * asks for tier, stage or RFM segment; a customer that analysis has not seen, or who refused being chosen by computed
 * classes (PERSONALISED false), does not match then.
 */
public final class SegmentQuery {

    private SegmentQuery() {
    }

    /**
     * {@code SELECT columns FROM CUSTOMER c … joins WHERE <the segment> ORDER BY c.ID}, bound; the caller executes and
     * closes it.
     */
    public static PreparedStatement prepare(Connection c, Segment s, String columns, String joins) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM CUSTOMER c ");
        List<String> args = new ArrayList<>();
        boolean computed = !s.getTiers().isEmpty() || !s.getStages().isEmpty() || !s.getRfmSegments().isEmpty();
        if (computed) {
            sql.append("JOIN CUSTOMER_VALUE v ON v.CUSTOMER_ID = c.ID "
                    + "AND v.RUN_ID = (SELECT MAX(ID) FROM VALUE_RUN WHERE FINISHED_AT IS NOT NULL) ");
        }
        sql.append(joins).append(" WHERE 1 = 1");
        if (computed) {
            // chosen by what the product computed about them: not those who refused that (PIPL Art. 24)
            sql.append(" AND c.PERSONALISED = TRUE");
        }
        in(sql, args, "v.TIER", s.getTiers().stream().map(Enum::name).toList());
        in(sql, args, "v.STAGE", s.getStages().stream().map(Enum::name).toList());
        in(sql, args, "v.RFM_SEGMENT", s.getRfmSegments().stream().map(Enum::name).toList());
        in(sql, args, "c.CUSTOMER_TYPE", s.getCustomerTypes().stream().map(Enum::name).toList());
        in(sql, args, "c.CITY", s.getCities());
        sql.append(" ORDER BY c.ID");
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
        return ps;
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
