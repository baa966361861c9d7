package org.guanxi.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.guanxi.core.model.Channel;

/**
 * A contact written into a customer's interaction timeline on the caller's connection, so that it commits with the
 * work it records (a call ended, a greeting sent).
 */
public final class InteractionRows {

    private InteractionRows() {
    }

    /** Subject cut to 200 and notes to 4,000 characters, the columns' sizes. */
    public static void insert(Connection c, long customerId, Channel channel, Instant at, String subject, String notes,
            String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO INTERACTION (ID, VERSION, CUSTOMER_ID, CHANNEL, OCCURRED_AT, "
                + "SUBJECT, NOTES, USER_LOGIN) VALUES (?, 1, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, new IdBlock(c).next());
            ps.setLong(2, customerId);
            ps.setString(3, channel.name());
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, subject.length() > 200 ? subject.substring(0, 200) : subject);
            ps.setString(6, notes == null || notes.length() <= 4000 ? notes : notes.substring(0, 4000));
            ps.setString(7, user);
            ps.executeUpdate();
        }
    }
}
