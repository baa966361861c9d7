package org.guanxi.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.AppSettings;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.PointsKind;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.LoyaltyService.Request;
import org.guanxi.core.service.LoyaltyService.RequestStatus;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;

/**
 * Points granted outside an order, with the four-eyes rule: up to the granting person's limit they are booked at once,
 * above it they wait in POINTS_REQUEST for a service manager other than the person who asked. Shared by goodwill
 * grants and complaint compensation, so neither path escapes the limit.
 */
final class PointsGrants {

    /** The audit trail's entities of points. */
    static final String LEDGER = "PointsLedger";
    static final String REQUEST = "PointsRequest";

    /** Limits are settings of the roles: loyalty.grantLimit.SERVICE = 300. */
    static final String LIMITS = "loyalty.grantLimit.";

    static final String SELECT = "SELECT r.ID, r.CUSTOMER_ID, c.NAME, r.POINTS, r.CASE_ID, r.NOTE, r.STATUS, "
            + "r.REQUESTED_BY, r.REQUESTED_AT, r.DECIDED_BY, r.DECIDED_AT, r.DECISION_NOTE FROM POINTS_REQUEST r "
            + "JOIN CUSTOMER c ON c.ID = r.CUSTOMER_ID";

    /** A grant's outcome: the ledger row booked, or the request made. */
    record Outcome(Long ledgerId, Long requestId) {
    }

    private PointsGrants() {
    }

    static int limit(Connection c, SecurityService security) throws SQLException {
        if (security.hasPermission(Permission.SERVICE_ADMIN)) {
            return Integer.MAX_VALUE;
        }
        Map<String, String> set = AppSettings.read(c, LIMITS);
        return security.currentRoles().stream()
                .mapToInt(role -> set.containsKey(role) ? Integer.parseInt(set.get(role)) : LoyaltyService.DEFAULT_GRANT_LIMIT)
                .max().orElse(0);
    }

    static Map<String, Integer> limits(Connection c) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        AppSettings.read(c, LIMITS).forEach((role, points) -> out.put(role, Integer.parseInt(points)));
        return out;
    }

    /** Books {@code points} or asks for their approval, in the caller's transaction. */
    static Outcome grant(Connection c, SecurityService security, AuditLog audit, long customerId, int points, Long caseId,
            String note) throws SQLException {
        String user = security.currentUser();
        if (points <= limit(c, security)) {
            return new Outcome(lot(c, audit, customerId, points, caseId, note, user), null);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO POINTS_REQUEST (CUSTOMER_ID, POINTS, CASE_ID, NOTE, STATUS, "
                + "REQUESTED_BY, REQUESTED_AT) VALUES (?, ?, ?, ?, 'PENDING', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, customerId);
            ps.setInt(2, points);
            ps.setObject(3, caseId, Types.BIGINT);
            ps.setString(4, note);
            ps.setString(5, user);
            ps.setTimestamp(6, Timestamp.from(AppClock.now()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long request = keys.getLong(1);
                audit.record(c, REQUEST, request, Map.of(), booking(customerId, PointsKind.GRANT, points, caseId, note));
                return new Outcome(null, request);
            }
        }
    }

    /** Books granted points as a lot of the ledger in {@code user}'s name, with its audit row. */
    private static long lot(Connection c, AuditLog audit, long customerId, int points, Long caseId, String note, String user)
            throws SQLException {
        long lot = Ledger.lot(c, customerId, PointsKind.GRANT, points, AppClock.today(), null, caseId, note, user);
        audit.record(c, LEDGER, lot, Map.of(), booking(customerId, PointsKind.GRANT, points, caseId, note));
        return lot;
    }

    /** A ledger row or request as the audit trail shows it. */
    static Map<String, Object> booking(long customerId, PointsKind kind, int points, Long caseId, String note) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("customerId", customerId);
        m.put("kind", kind);
        m.put("points", points);
        m.put("caseId", caseId);
        m.put("note", note);
        return m;
    }

    /**
     * Decides a pending request as {@code decider}: approved, its points become a lot booked today in the decider's
     * name. Returns the ledger row's id (approved) or null (refused).
     */
    static Long decide(Connection c, AuditLog audit, long requestId, boolean approve, String note, String decider)
            throws SQLException {
        Request r = one(c, requestId);
        if (r.status() != RequestStatus.PENDING) {
            throw new ConflictException(null);
        }
        if (r.requestedBy().equals(decider)) {
            throw new GuanxiException("error.ownRequest");
        }
        String reason = note == null || note.isBlank() ? null : note.strip();
        if (!approve && reason == null) {
            throw new ValidationException(List.of(new FieldError("decisionNote", "error.required")));
        }
        Long ledger = approve ? lot(c, audit, r.customerId(), r.points(), r.caseId(), r.note(), decider) : null;
        try (PreparedStatement ps = c.prepareStatement("UPDATE POINTS_REQUEST SET STATUS = ?, DECIDED_BY = ?, DECIDED_AT = ?, "
                + "DECISION_NOTE = ?, LEDGER_ID = ? WHERE ID = ? AND STATUS = 'PENDING'")) {
            ps.setString(1, (approve ? RequestStatus.APPROVED : RequestStatus.REFUSED).name());
            ps.setString(2, decider);
            ps.setTimestamp(3, Timestamp.from(AppClock.now()));
            ps.setString(4, reason);
            ps.setObject(5, ledger, Types.BIGINT);
            ps.setLong(6, requestId);
            if (ps.executeUpdate() != 1) { // decided meanwhile on another desktop: the booking rolls back with this
                throw new ConflictException(null);
            }
        }
        Map<String, Object> decided = new java.util.LinkedHashMap<>();
        decided.put("status", approve ? RequestStatus.APPROVED : RequestStatus.REFUSED);
        decided.put("decisionNote", reason);
        decided.put("ledgerId", ledger);
        audit.record(c, REQUEST, requestId, Map.of("status", RequestStatus.PENDING), decided);
        return ledger;
    }

    static Request one(Connection c, long requestId) throws SQLException {
        List<Request> found = query(c, SELECT + " WHERE r.ID = ?", requestId);
        if (found.isEmpty()) {
            throw new GuanxiException("error.notFound", "PointsRequest", requestId);
        }
        return found.get(0);
    }

    static List<Request> query(Connection c, String sql, Object... args) throws SQLException {
        List<Request> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), (Long) rs.getObject(5),
                            rs.getString(6), RequestStatus.valueOf(rs.getString(7)), rs.getString(8), instant(rs.getTimestamp(9)),
                            rs.getString(10), instant(rs.getTimestamp(11)), rs.getString(12)));
                }
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
