package org.guanxi.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guanxi.core.model.CallDisposition;
import org.guanxi.service.api.CallCentre;
import org.guanxi.service.api.CallCentre.AgentFigures;

/** The call centre's figures per agent and in all: calls, reached, average handling time, first-call resolution. */
final class CallFigures {

    private CallFigures() {
    }

    static List<AgentFigures> of(Connection c, LocalDate from, LocalDate to) throws SQLException {
        // a settled inbound call is a first-call resolution unless the same customer called again within the days
        String sql = "SELECT l.AGENT, l.DIRECTION, l.DISPOSITION, l.STARTED_AT, l.ENDED_AT, "
                + "CASE WHEN l.DIRECTION = 'IN' AND l.DISPOSITION = 'COMPLETED' AND l.RESOLVED AND NOT EXISTS ("
                + "SELECT 1 FROM CALL_LOG r WHERE r.CUSTOMER_ID = l.CUSTOMER_ID AND r.DIRECTION = 'IN' "
                + "AND r.STARTED_AT > l.STARTED_AT AND r.STARTED_AT <= {fn TIMESTAMPADD(SQL_TSI_DAY, " + CallCentre.REPEAT_DAYS
                + ", l.STARTED_AT)}) THEN 1 ELSE 0 END "
                + "FROM CALL_LOG l WHERE l.STARTED_AT >= ? AND l.STARTED_AT < ? AND l.ENDED_AT IS NOT NULL";
        // per agent: inbound, outbound, reached, talk millis, settled inbound, resolved at first call
        Map<String, long[]> byAgent = new TreeMap<>();
        long[] all = new long[6];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.valueOf(from.atStartOfDay()));
            ps.setTimestamp(2, Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] a = byAgent.computeIfAbsent(rs.getString(1), k -> new long[6]);
                    boolean in = "IN".equals(rs.getString(2));
                    CallDisposition d = CallDisposition.valueOf(rs.getString(3));
                    long millis = rs.getTimestamp(5).getTime() - rs.getTimestamp(4).getTime();
                    for (long[] t : new long[][] { a, all }) {
                        t[in ? 0 : 1]++;
                        if (d.reached()) {
                            t[2]++;
                            t[3] += millis;
                        }
                        if (in && d == CallDisposition.COMPLETED) {
                            t[4]++;
                            t[5] += rs.getInt(6);
                        }
                    }
                }
            }
        }
        List<AgentFigures> out = new ArrayList<>();
        byAgent.forEach((agent, a) -> out.add(figures(agent, a)));
        out.add(figures(null, all));
        return out;
    }

    private static AgentFigures figures(String agent, long[] a) {
        Duration aht = a[2] == 0 ? Duration.ZERO : Duration.ofMillis(a[3] / a[2]);
        return new AgentFigures(agent, (int) a[0], (int) a[1], (int) a[2], aht, (int) a[4], (int) a[5]);
    }
}
