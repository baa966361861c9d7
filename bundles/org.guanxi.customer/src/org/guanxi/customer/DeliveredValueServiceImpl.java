package org.guanxi.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.DeliveredValueService;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.value.DeliveredValue;
import org.osgi.service.component.annotations.Reference;

/** Worksheets in VALUE_SHEET / VALUE_SHEET_LINE; the arithmetic is {@link DeliveredValue}. */
@org.osgi.service.component.annotations.Component(service = DeliveredValueService.class)
public class DeliveredValueServiceImpl implements DeliveredValueService {

    @Reference
    private Database db;

    @Reference
    private SecurityService security;

    @Reference
    private AuditLog audit;

    public DeliveredValueServiceImpl() {
    }

    public DeliveredValueServiceImpl(Database db, SecurityService security, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.security = security;
    }

    @Override
    public Sheet sheet(Scope scope, String key) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            Sheet s = load(c, scope, key);
            return s != null ? s : new Sheet(scope, key, null, null, DeliveredValue.blank(), 0);
        });
    }

    private static Sheet load(Connection c, Scope scope, String key) throws SQLException {
        long id;
        Sheet head;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, COMPETITOR, NOTES, VERSION FROM VALUE_SHEET WHERE SCOPE_KIND = ? AND SCOPE_KEY = ?")) {
            ps.setString(1, scope.name());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                id = rs.getLong(1);
                head = new Sheet(scope, key, rs.getString(2), rs.getString(3), new EnumMap<>(DeliveredValueService.Component.class),
                        rs.getLong(4));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COMPONENT, WEIGHT, OURS, THEIRS FROM VALUE_SHEET_LINE WHERE SHEET_ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DeliveredValueService.Component comp = DeliveredValueService.Component.valueOf(rs.getString(1));
                    java.math.BigDecimal theirs = rs.getBigDecimal(4);
                    head.lines().put(comp, new Line(comp, rs.getDouble(2), rs.getDouble(3), theirs == null ? null : theirs.doubleValue()));
                }
            }
        }
        return head;
    }

    @Override
    public List<FieldError> check(Sheet sheet) {
        return DeliveredValue.check(DeliveredValue.rounded(sheet.lines()));
    }

    @Override
    public Result compute(Sheet sheet) {
        return DeliveredValue.compute(DeliveredValue.rounded(sheet.lines()));
    }

    @Override
    public Sheet save(Sheet typed) {
        security.check(Permission.CUSTOMER_WRITE);
        Sheet sheet = new Sheet(typed.scope(), typed.key(), typed.competitor(), typed.notes(), DeliveredValue.rounded(typed.lines()),
                typed.version());
        List<FieldError> errors = check(sheet);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, Object> before = sheet.version() == 0 ? Map.of() : fields(sheet(sheet.scope(), sheet.key()));
        db.jdbcTransaction(c -> {
            long id;
            Timestamp now = Timestamp.from(AppClock.now());
            if (sheet.version() == 0) {
                id = new IdBlock(c).next();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO VALUE_SHEET (ID, VERSION, SCOPE_KIND, SCOPE_KEY, COMPETITOR, "
                        + "NOTES, UPDATED_AT, USER_LOGIN) VALUES (?, 1, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, sheet.scope().name());
                    ps.setString(3, sheet.key());
                    ps.setString(4, sheet.competitor());
                    ps.setString(5, sheet.notes());
                    ps.setTimestamp(6, now);
                    ps.setString(7, security.currentUser());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        throw new ConflictException(e);
                    }
                    throw e;
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM VALUE_SHEET WHERE SCOPE_KIND = ? AND SCOPE_KEY = ? AND VERSION = ?")) {
                    ps.setString(1, sheet.scope().name());
                    ps.setString(2, sheet.key());
                    ps.setLong(3, sheet.version());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new ConflictException(null);
                        }
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE VALUE_SHEET SET COMPETITOR = ?, NOTES = ?, UPDATED_AT = ?, "
                        + "USER_LOGIN = ?, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?")) {
                    ps.setString(1, sheet.competitor());
                    ps.setString(2, sheet.notes());
                    ps.setTimestamp(3, now);
                    ps.setString(4, security.currentUser());
                    ps.setLong(5, id);
                    ps.setLong(6, sheet.version());
                    if (ps.executeUpdate() == 0) {
                        throw new ConflictException(null);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM VALUE_SHEET_LINE WHERE SHEET_ID = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO VALUE_SHEET_LINE (SHEET_ID, COMPONENT, WEIGHT, OURS, THEIRS) VALUES (?, ?, ?, ?, ?)")) {
                for (Line l : sheet.lines().values()) {
                    ps.setLong(1, id);
                    ps.setString(2, l.component().name());
                    ps.setDouble(3, l.weight());
                    ps.setDouble(4, l.ours());
                    if (l.theirs() == null) {
                        ps.setNull(5, Types.DECIMAL);
                    } else {
                        ps.setDouble(5, l.theirs());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            audit.record(c, "ValueSheet", id, before, fields(sheet));
            return id;
        });
        return sheet(sheet.scope(), sheet.key());
    }

    /** A worksheet as the audit trail shows it: whose, the competitor, the notes and each line's figures. */
    private static Map<String, Object> fields(Sheet s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("scope", s.scope() + ":" + s.key());
        m.put("competitor", s.competitor());
        m.put("notes", s.notes());
        s.lines().forEach((component, l) -> m.put(component.name().toLowerCase(java.util.Locale.ROOT),
                l.weight() + " / " + l.ours() + " / " + (l.theirs() == null ? "-" : l.theirs())));
        return m;
    }

    @Override
    public Map<String, Result> results(Scope scope) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            List<String> keys = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SCOPE_KEY FROM VALUE_SHEET WHERE SCOPE_KIND = ?")) {
                ps.setString(1, scope.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            Map<String, Result> out = new TreeMap<>();
            for (String k : keys) {
                out.put(k, DeliveredValue.compute(load(c, scope, k).lines()));
            }
            return out;
        });
    }
}
