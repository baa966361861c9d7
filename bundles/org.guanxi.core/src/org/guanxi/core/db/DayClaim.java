package org.guanxi.core.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;

import org.guanxi.core.AppClock;

/**
 * For jobs that run once a day of the clock (retention rules, contracts that end): the day is claimed before the run
 * by moving the job's row of APP_SETTING to it, which only one process can do, so that a restart, a second desktop on
 * the same data or a second team server does not run the job again that day.
 */
public final class DayClaim {

    private DayClaim() {
    }

    /** True for the one process that moves {@code name} to {@code day}. */
    public static boolean claim(Database db, String name, LocalDate day) {
        String today = day.toString();
        Timestamp now = Timestamp.from(AppClock.now());
        int moved = db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE APP_SETTING SET VAL = ?, UPDATED_AT = ?, USER_LOGIN = 'system' "
                    + "WHERE NAME = ? AND VAL <> ?")) {
                ps.setString(1, today);
                ps.setTimestamp(2, now);
                ps.setString(3, name);
                ps.setString(4, today);
                return ps.executeUpdate();
            }
        });
        if (moved == 1) {
            return true;
        }
        try {
            return db.jdbcTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM APP_SETTING WHERE NAME = ?")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return false;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO APP_SETTING (NAME, VAL, UPDATED_AT, USER_LOGIN) "
                        + "VALUES (?, ?, ?, 'system')")) {
                    ps.setString(1, name);
                    ps.setString(2, today);
                    ps.setTimestamp(3, now);
                    ps.executeUpdate();
                    return true;
                }
            });
        } catch (IllegalStateException e) {
            // another process wrote the first mark at the same moment (the name is the key): it runs the job today
            return false;
        }
    }
}
