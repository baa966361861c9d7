package org.guanxi.service;

import static org.guanxi.service.CallRows.getLong;
import static org.guanxi.service.CallRows.setLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SegmentQuery;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.core.model.CallEntryStatus;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Segment;
import org.guanxi.core.service.AuditLog;
import org.guanxi.service.api.CallCentre.CallList;
import org.guanxi.service.api.CallCentre.Created;
import org.guanxi.service.api.CallCentre.Ending;
import org.guanxi.service.api.CallCentre.Entry;
import org.guanxi.service.api.CallCentre.NewList;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;

/**
 * Outbound call lists: a segment's reachable members with their attempts, callbacks and the agent holding each entry.
 * The call log asks here for the next entry to call and reports each attempt's outcome back.
 */
final class CallLists {

    /** When an unanswered or busy number is tried again. */
    static final Duration RETRY_NO_ANSWER = Duration.ofHours(2);
    static final Duration RETRY_BUSY = Duration.ofMinutes(15);
    /** An entry held longer than this (the agent's desktop died mid-call) may be taken by another agent. */
    static final Duration HOLD = Duration.ofHours(1);

    private static final String LIST = "SELECT l.ID, l.NAME, l.SEGMENT_ID, s.NAME, l.SURVEY_ID, l.SCRIPT, l.MAX_ATTEMPTS, "
            + "l.CREATED_BY, l.CREATED_AT, (SELECT COUNT(*) FROM CALL_LIST_ENTRY e WHERE e.LIST_ID = l.ID), "
            + "(SELECT COUNT(*) FROM CALL_LIST_ENTRY e WHERE e.LIST_ID = l.ID AND e.STATUS IN ('PENDING', 'CALLBACK')), "
            + "(SELECT COUNT(*) FROM CALL_LIST_ENTRY e WHERE e.LIST_ID = l.ID AND e.STATUS = 'DONE'), "
            + "(SELECT COUNT(*) FROM CALL_LIST_ENTRY e WHERE e.LIST_ID = l.ID AND e.STATUS = 'FAILED') "
            + "FROM CALL_LIST l LEFT JOIN SEGMENT s ON s.ID = l.SEGMENT_ID ";

    /** An entry an agent now holds: whom to call. */
    record Held(long entryId, long customerId, String phone) {
    }

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    CallLists(Database db, SecurityService security, AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    Created create(NewList in) {
        security.check(Permission.SERVICE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        String script = in.script() == null ? "" : in.script().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("callList.name", "error.required"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("callList.name", "error.tooLong", 100));
        }
        if (script.isEmpty()) {
            errors.add(new FieldError("callList.script", "error.required"));
        } else if (script.length() > 4000) {
            errors.add(new FieldError("callList.script", "error.tooLong", 4000));
        }
        if (in.maxAttempts() < 1 || in.maxAttempts() > 10) {
            errors.add(new FieldError("callList.maxAttempts", "error.param.range", 1, 10));
        }
        Segment segment = db.read(em -> em.find(Segment.class, in.segmentId()));
        if (segment == null) {
            errors.add(new FieldError("callList.segment", "error.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int[] skipped = new int[2];
        long id = db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM CALL_LIST WHERE LOWER(NAME) = LOWER(?)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new ValidationException(List.of(new FieldError("callList.name", "error.callListNameTaken", name)));
                    }
                }
            }
            long listId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CALL_LIST (NAME, SEGMENT_ID, SURVEY_ID, SCRIPT, "
                    + "MAX_ATTEMPTS, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setLong(2, in.segmentId());
                setLong(ps, 3, in.surveyId());
                ps.setString(4, script);
                ps.setInt(5, in.maxAttempts());
                ps.setString(6, security.currentUser());
                ps.setTimestamp(7, Timestamp.from(AppClock.now()));
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    listId = rs.getLong(1);
                }
            }
            addMembers(c, listId, segment, skipped);
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("name", name);
            list.put("segmentId", in.segmentId());
            list.put("surveyId", in.surveyId());
            list.put("maxAttempts", in.maxAttempts());
            list.put("script", script);
            audit.record(c, "CallList", listId, Map.of(), list);
            return listId;
        });
        return new Created(list(id), skipped[0], skipped[1]);
    }

    /** The segment's members with a phone and consent to calls; {@code skipped} counts those without either. */
    private static void addMembers(Connection c, long listId, Segment segment, int[] skipped) throws SQLException {
        Timestamp now = Timestamp.from(AppClock.now());
        try (PreparedStatement members = SegmentQuery.prepare(c, segment, "c.ID, c.PHONE, c.CONSENT_PHONE", "");
                ResultSet rs = members.executeQuery();
                PreparedStatement add = c.prepareStatement("INSERT INTO CALL_LIST_ENTRY (LIST_ID, CUSTOMER_ID, PHONE, "
                        + "STATUS, NEXT_AT) VALUES (?, ?, ?, 'PENDING', ?)")) {
            int batched = 0;
            while (rs.next()) {
                String phone = rs.getString(2);
                if (phone == null || phone.isBlank()) {
                    skipped[0]++;
                } else if (!rs.getBoolean(3)) {
                    skipped[1]++;
                } else {
                    add.setLong(1, listId);
                    add.setLong(2, rs.getLong(1));
                    add.setString(3, phone.strip());
                    add.setTimestamp(4, now);
                    add.addBatch();
                    if (++batched % 500 == 0) {
                        add.executeBatch();
                    }
                }
            }
            add.executeBatch();
        }
    }

    List<CallList> lists() {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> lists(c, LIST + "ORDER BY l.CREATED_AT DESC, l.ID DESC"));
    }

    CallList list(long listId) {
        security.check(Permission.CUSTOMER_READ);
        List<CallList> found = db.jdbc(c -> lists(c, LIST + "WHERE l.ID = ?", listId));
        if (found.isEmpty()) {
            throw new NotFoundException("callList", listId);
        }
        return found.get(0);
    }

    private static List<CallList> lists(Connection c, String sql, Object... args) throws SQLException {
        List<CallList> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CallList(rs.getLong(1), rs.getString(2), getLong(rs, 3), rs.getString(4), getLong(rs, 5),
                            rs.getString(6), rs.getInt(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getInt(10),
                            rs.getInt(11), rs.getInt(12), rs.getInt(13)));
                }
            }
        }
        return out;
    }

    List<Entry> entries(long listId) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.ID, e.LIST_ID, e.CUSTOMER_ID, c.NAME, e.PHONE, e.STATUS, "
                    + "e.NEXT_AT, e.ATTEMPTS, e.HELD_BY, e.LAST_DISPOSITION, e.RESPONSE_ID FROM CALL_LIST_ENTRY e "
                    + "JOIN CUSTOMER c ON c.ID = e.CUSTOMER_ID WHERE e.LIST_ID = ? "
                    + "ORDER BY CASE WHEN e.STATUS IN ('CALLBACK', 'PENDING') THEN 0 ELSE 1 END, e.NEXT_AT, e.ID")) {
                ps.setLong(1, listId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String last = rs.getString(10);
                        out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                CallEntryStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getInt(8),
                                rs.getString(9), last == null ? null : CallDisposition.valueOf(last), getLong(rs, 11)));
                    }
                }
            }
            return security.hasPermission(Permission.PERSONAL_DATA) ? out : out.stream().map(Entry::masked).toList();
        });
    }

    /**
     * Holds the list's next due entry for {@code agent}, callbacks first, in the caller's transaction; null when none
     * is due. An entry is taken only if still free, so two agents pressing "next call" at once get different customers.
     */
    static Held holdNext(Connection c, long listId, String agent, Instant now) throws SQLException {
        List<Held> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, CUSTOMER_ID, PHONE FROM CALL_LIST_ENTRY "
                + "WHERE LIST_ID = ? AND STATUS IN ('PENDING', 'CALLBACK') AND NEXT_AT <= ? "
                + "AND (HELD_BY IS NULL OR HELD_AT < ?) "
                + "ORDER BY CASE STATUS WHEN 'CALLBACK' THEN 0 ELSE 1 END, NEXT_AT, ID FETCH FIRST 20 ROWS ONLY")) {
            ps.setLong(1, listId);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now.minus(HOLD)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new Held(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        for (Held h : candidates) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE CALL_LIST_ENTRY SET HELD_BY = ?, HELD_AT = ? WHERE ID = ? "
                    + "AND (HELD_BY IS NULL OR HELD_AT < ?)")) {
                ps.setString(1, agent);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setLong(3, h.entryId());
                ps.setTimestamp(4, Timestamp.from(now.minus(HOLD)));
                if (ps.executeUpdate() == 1) {
                    return h;
                }
            }
        }
        return null;
    }

    /** Moves an entry on after an attempt, in the caller's transaction: done, failed, a callback, or another try later. */
    static void advance(Connection c, long entryId, Ending ending, Instant now) throws SQLException {
        int attempts;
        int max;
        try (PreparedStatement ps = c.prepareStatement("SELECT e.ATTEMPTS, l.MAX_ATTEMPTS FROM CALL_LIST_ENTRY e "
                + "JOIN CALL_LIST l ON l.ID = e.LIST_ID WHERE e.ID = ?")) {
            ps.setLong(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return; // the list was deleted meanwhile
                }
                attempts = rs.getInt(1) + 1;
                max = rs.getInt(2);
            }
        }
        CallDisposition d = ending.disposition();
        CallEntryStatus status;
        Instant next = now;
        switch (d) {
            case COMPLETED, REFUSED -> status = CallEntryStatus.DONE;
            case WRONG_NUMBER -> status = CallEntryStatus.FAILED;
            case CALLBACK -> {
                status = CallEntryStatus.CALLBACK;
                next = ending.callbackAt();
            }
            default -> {
                status = attempts >= max ? CallEntryStatus.FAILED : CallEntryStatus.PENDING;
                next = now.plus(d == CallDisposition.BUSY ? RETRY_BUSY : RETRY_NO_ANSWER);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE CALL_LIST_ENTRY SET STATUS = ?, NEXT_AT = ?, ATTEMPTS = ?, "
                + "HELD_BY = NULL, HELD_AT = NULL, LAST_DISPOSITION = ? WHERE ID = ?")) {
            ps.setString(1, status.name());
            ps.setTimestamp(2, Timestamp.from(next));
            ps.setInt(3, attempts);
            ps.setString(4, d.name());
            ps.setLong(5, entryId);
            ps.executeUpdate();
        }
    }

    /** Links the survey response taken during the entry's call, in the caller's transaction. */
    static void recordResponse(Connection c, long entryId, long responseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CALL_LIST_ENTRY SET RESPONSE_ID = ? WHERE ID = ?")) {
            ps.setLong(1, responseId);
            ps.setLong(2, entryId);
            ps.executeUpdate();
        }
    }
}
