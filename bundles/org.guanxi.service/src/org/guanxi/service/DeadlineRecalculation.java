package org.guanxi.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.ServiceLevelService.Deadlines;

/**
 * Recomputes the deadlines of every active case after the service levels or the calendar changed: one read of the
 * active cases, the deadlines computed in memory, and batched updates of the rows whose deadlines moved, all in one
 * transaction so that agents never see half the cases on the old agreement.
 */
final class DeadlineRecalculation {

    private static final Logger LOG = Logger.getLogger(DeadlineRecalculation.class.getName());
    private static final int BATCH = 1_000;

    private final Database db;
    private final ServiceLevelService levels;

    DeadlineRecalculation(Database db, ServiceLevelService levels) {
        this.db = db;
        this.levels = levels;
    }

    /** Returns the number of cases whose deadlines moved. */
    int run() {
        long started = System.nanoTime();
        int[] counts = db.jdbcTransaction(c -> update(c));
        LOG.info(() -> String.format("Deadlines of %,d active cases recalculated in %,d ms; %,d moved", counts[0],
                (System.nanoTime() - started) / 1_000_000, counts[1]));
        return counts[1];
    }

    /** An active case as read; the cursor is closed before the first update. */
    private record Active(long id, Tier tier, CasePriority priority, Instant opened, Timestamp response, Timestamp resolution) {
    }

    private int[] update(Connection c) throws SQLException {
        List<Active> active = new ArrayList<>();
        try (PreparedStatement read = c.prepareStatement("SELECT ID, TIER, PRIORITY, OPENED_AT, FIRST_RESPONSE_DUE, "
                + "RESOLUTION_DUE FROM SERVICE_CASE WHERE STATUS IN ('OPEN', 'IN_PROGRESS', 'WAITING_CUSTOMER')");
                ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                active.add(new Active(rs.getLong(1), Tier.valueOf(rs.getString(2)), CasePriority.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5), rs.getTimestamp(6)));
            }
        }
        int moved = 0;
        try (PreparedStatement write = c.prepareStatement("UPDATE SERVICE_CASE SET FIRST_RESPONSE_DUE = ?, "
                + "RESOLUTION_DUE = ?, NEXT_DUE = CASE WHEN FIRST_RESPONSE_AT IS NULL THEN CAST(? AS TIMESTAMP) ELSE CAST(? AS TIMESTAMP) END, VERSION = VERSION + 1 "
                + "WHERE ID = ?")) {
            int pending = 0;
            for (Active a : active) {
                Deadlines d = levels.deadlines(a.tier(), a.priority(), a.opened());
                Timestamp response = Timestamp.from(d.firstResponseDue());
                Timestamp resolution = Timestamp.from(d.resolutionDue());
                if (response.equals(a.response()) && resolution.equals(a.resolution())) {
                    continue;
                }
                write.setTimestamp(1, response);
                write.setTimestamp(2, resolution);
                write.setTimestamp(3, response);
                write.setTimestamp(4, resolution);
                write.setLong(5, a.id());
                write.addBatch();
                moved++;
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        return new int[] { active.size(), moved };
    }
}
