package org.guanxi.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.AppClock;
import org.guanxi.core.service.AuditLog;

/**
 * Settings every user shares (table APP_SETTING), grouped by a name prefix such as {@code value.} or {@code sales.}.
 * Written update-then-insert because Derby's network server rejects MERGE with parameters.
 */
public final class AppSettings {

    private AppSettings() {
    }

    /** The stored values under {@code prefix}, keyed by the rest of their name. */
    public static Map<String, String> read(Connection c, String prefix) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT NAME, VAL FROM APP_SETTING WHERE NAME LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1).substring(prefix.length()), rs.getString(2));
                }
            }
        }
        return stored;
    }

    /** Stores each value under {@code prefix + key}, noting who changed it when. */
    public static void write(Connection c, String prefix, Map<String, ?> values, String user) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE APP_SETTING SET VAL = ?, UPDATED_AT = ?, USER_LOGIN = ? WHERE NAME = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO APP_SETTING (VAL, UPDATED_AT, USER_LOGIN, NAME) VALUES (?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(AppClock.now());
            for (Map.Entry<String, ?> e : values.entrySet()) {
                for (PreparedStatement ps : List.of(update, insert)) {
                    ps.setString(1, String.valueOf(e.getValue()));
                    ps.setTimestamp(2, now);
                    ps.setString(3, user);
                    ps.setString(4, prefix + e.getKey());
                    if (ps.executeUpdate() > 0) {
                        break;
                    }
                }
            }
        }
    }

    /**
     * Stores the values that differ from those held and records them in the audit trail, in the caller's transaction:
     * under {@code entity} with id 0 (settings have no id of their own) and the settings' names as fields.
     */
    public static void write(Connection c, AuditLog audit, String entity, String prefix, Map<String, ?> values, String user)
            throws SQLException {
        Map<String, String> held = read(c, prefix);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!Objects.equals(held.get(key), String.valueOf(value))) {
                if (held.containsKey(key)) {
                    before.put(key, held.get(key));
                }
                after.put(key, value);
            }
        });
        if (after.isEmpty()) {
            return;
        }
        write(c, prefix, after, user);
        audit.record(c, entity, 0, before, after);
    }
}
