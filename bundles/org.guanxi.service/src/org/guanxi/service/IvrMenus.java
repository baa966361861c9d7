package org.guanxi.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.service.api.IvrMenu;
import org.guanxi.core.service.SecurityService;

/**
 * The IVR menu (one row, as text an administrator edits), parsed once per version: each desktop re-reads it when
 * another one saved a new one.
 */
final class IvrMenus {

    private record Cached(long version, IvrMenu menu) {
    }

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private volatile Cached cached;

    IvrMenus(Database db, SecurityService security, AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    IvrMenu current() {
        Cached c = cached;
        long version = db.jdbc(conn -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION FROM IVR_MENU WHERE ID = 1")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        if (c == null || c.version() != version) {
            String text = db.jdbc(conn -> {
                try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT BODY FROM IVR_MENU WHERE ID = 1")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            });
            // the queues were checked when the menu was saved
            c = new Cached(version, IvrMenu.parse(text, q -> true));
            cached = c;
        }
        return c.menu();
    }

    /** Saves the menu if it parses and names only existing queues (else a validation error with the line). */
    IvrMenu save(String text) {
        security.check(Permission.SERVICE_ADMIN);
        Set<String> queues = queues();
        IvrMenu menu = IvrMenu.parse(text == null ? "" : text, queues::contains);
        db.jdbcTransaction(c -> {
            String before;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT BODY FROM IVR_MENU WHERE ID = 1")) {
                before = rs.next() ? rs.getString(1) : "";
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE IVR_MENU SET BODY = ?, VERSION = VERSION + 1, UPDATED_AT = ?, "
                    + "USER_LOGIN = ? WHERE ID = 1")) {
                ps.setString(1, text);
                ps.setTimestamp(2, Timestamp.from(AppClock.now()));
                ps.setString(3, security.currentUser());
                ps.executeUpdate();
            }
            audit.record(c, "IvrMenu", 1, Map.of("text", before), Map.of("text", text));
            return null;
        });
        return menu;
    }

    private Set<String> queues() {
        return db.jdbc(c -> {
            Set<String> out = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CODE FROM SERVICE_QUEUE")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
