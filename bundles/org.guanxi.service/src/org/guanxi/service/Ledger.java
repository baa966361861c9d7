package org.guanxi.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.PointsKind;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.ValidationException;

/**
 * The rows of the points ledger, written on the caller's connection so that they commit with the change that causes
 * them (an order earning, a complaint's compensation). Earned and granted points are lots that keep what is left of
 * them; redemptions and expiries take from the lots, oldest expiry first, so the ledger balances by construction.
 */
final class Ledger {

    private Ledger() {
    }

    /** Points earned or granted on {@code day} expire at the end of the following year (the programme's rule). */
    static LocalDate expiry(LocalDate day) {
        return LocalDate.of(day.getYear() + 1, 12, 31);
    }

    /** Adds a lot of {@code points} (> 0); returns its id. */
    static long lot(Connection c, long customerId, PointsKind kind, int points, LocalDate day, Long orderId, Long caseId,
            String note, String user) throws SQLException {
        return insert(c, customerId, kind, points, points, day, expiry(day), orderId, caseId, note, user);
    }

    /**
     * Takes {@code points} from the customer's lots, those expiring first first, and books them as one row of
     * {@code kind}; fewer points than asked for in the lots is refused and nothing changes.
     */
    static long take(Connection c, long customerId, PointsKind kind, int points, LocalDate day, String note, String user)
            throws SQLException {
        List<long[]> lots = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, REMAINING FROM POINTS_LEDGER WHERE CUSTOMER_ID = ? "
                + "AND REMAINING > 0 ORDER BY EXPIRES_ON, ID")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lots.add(new long[] { rs.getLong(1), rs.getInt(2) });
                }
            }
        }
        long available = lots.stream().mapToLong(l -> l[1]).sum();
        if (available < points) {
            throw new ValidationException(List.of(new FieldError("points", "error.notEnoughPoints", points, available)));
        }
        int left = points;
        try (PreparedStatement ps = c.prepareStatement("UPDATE POINTS_LEDGER SET REMAINING = REMAINING - ? WHERE ID = ? AND REMAINING >= ?")) {
            for (long[] lot : lots) {
                if (left == 0) {
                    break;
                }
                int part = (int) Math.min(left, lot[1]);
                ps.setInt(1, part);
                ps.setLong(2, lot[0]);
                ps.setInt(3, part);
                if (ps.executeUpdate() != 1) {
                    // another redemption took from this lot since it was read: the caller's transaction rolls back
                    throw new org.guanxi.core.service.ConflictException(new SQLException("points lot " + lot[0] + " changed"));
                }
                left -= part;
            }
        }
        return insert(c, customerId, kind, -points, 0, day, null, null, null, note, user);
    }

    private static long insert(Connection c, long customerId, PointsKind kind, int points, int remaining, LocalDate day,
            LocalDate expires, Long orderId, Long caseId, String note, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO POINTS_LEDGER (CUSTOMER_ID, KIND, POINTS, REMAINING, "
                + "BOOKED_ON, EXPIRES_ON, ORDER_ID, CASE_ID, NOTE, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, customerId);
            ps.setString(2, kind.name());
            ps.setInt(3, points);
            ps.setInt(4, remaining);
            ps.setDate(5, Date.valueOf(day));
            ps.setDate(6, expires == null ? null : Date.valueOf(expires));
            ps.setObject(7, orderId);
            ps.setObject(8, caseId);
            ps.setString(9, note == null || note.length() <= 400 ? note : note.substring(0, 400));
            ps.setString(10, user);
            ps.setTimestamp(11, Timestamp.from(AppClock.now()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
