package org.guanxi.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SegmentQuery;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.CallDirection;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.core.model.CallEntryStatus;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.model.Segment;
import org.guanxi.core.service.CallCentre;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.IvrMenu;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The call log, call lists and IVR menu on JDBC: calls are short rows written at the rate agents talk. */
@Component(service = CallCentre.class)
public class CallCentreImpl implements CallCentre {

    private static final Texts TEXTS = Texts.of(CallCentreImpl.class);
    /** When an unanswered or busy number is tried again. */
    static final Duration RETRY_NO_ANSWER = Duration.ofHours(2);
    static final Duration RETRY_BUSY = Duration.ofMinutes(15);
    /** An entry held longer than this (the agent's desktop died mid-call) may be taken by another agent. */
    static final Duration HOLD = Duration.ofHours(1);

    private static final String CALL = "SELECT l.ID, l.DIRECTION, l.PHONE, l.CUSTOMER_ID, c.NAME, l.AGENT, l.QUEUE_CODE, "
            + "l.IVR_KEYS, l.ENTRY_ID, l.STARTED_AT, l.ENDED_AT, l.DISPOSITION, l.RESOLVED, l.CASE_ID, l.NOTE "
            + "FROM CALL_LOG l LEFT JOIN CUSTOMER c ON c.ID = l.CUSTOMER_ID ";
    private static final String LIST = "SELECT l.ID, l.NAME, l.SEGMENT_ID, s.NAME, l.SURVEY_ID, l.SCRIPT, l.MAX_ATTEMPTS, "
            + "l.CREATED_BY, l.CREATED_AT, (SELECT COUNT(*) FROM CALL_LIST_ENTRY e WHERE e.LIST_ID = l.ID), "
            + "(SELECT COUNT(*) FROM CALL_LIST_ENTRY e WHERE e.LIST_ID = l.ID AND e.STATUS IN ('PENDING', 'CALLBACK')), "
            + "(SELECT COUNT(*) FROM CALL_LIST_ENTRY e WHERE e.LIST_ID = l.ID AND e.STATUS = 'DONE'), "
            + "(SELECT COUNT(*) FROM CALL_LIST_ENTRY e WHERE e.LIST_ID = l.ID AND e.STATUS = 'FAILED') "
            + "FROM CALL_LIST l LEFT JOIN SEGMENT s ON s.ID = l.SEGMENT_ID ";

    private static final String CALL_ENTITY = "Call";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private final InteractionService interactions;

    private volatile Cached ivr;

    @Activate
    public CallCentreImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit,
            @Reference InteractionService interactions) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.interactions = interactions;
    }

    // ---- the call log

    @Override
    public Call answer(String phone, String ivrKeys) {
        security.check(Permission.SERVICE_WRITE);
        String number = phone == null ? "" : phone.strip();
        if (number.isEmpty() || number.length() > 40) {
            throw new ValidationException(List.of(new FieldError("phone", number.isEmpty() ? "error.required" : "error.tooLong", 40)));
        }
        String keys = ivrKeys == null || ivrKeys.isBlank() ? null : ivrKeys.strip();
        if (keys != null && keys.length() > 20) {
            keys = keys.substring(0, 20);
        }
        String queue = keys == null ? null : ivr().route(keys);
        String pressed = keys;
        long id = db.jdbcTransaction(c -> insertCall(c, CallDirection.IN, number, customerByPhone(c, number), queue, pressed, null));
        return call(id);
    }

    private long insertCall(Connection c, CallDirection direction, String phone, Long customerId, String queue, String keys,
            Long entryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CALL_LOG (DIRECTION, PHONE, CUSTOMER_ID, AGENT, QUEUE_CODE, "
                + "IVR_KEYS, ENTRY_ID, STARTED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, direction.name());
            ps.setString(2, phone);
            setLong(ps, 3, customerId);
            ps.setString(4, security.currentUser());
            ps.setString(5, queue);
            ps.setString(6, keys);
            setLong(ps, 7, entryId);
            ps.setTimestamp(8, Timestamp.from(AppClock.now()));
            ps.executeUpdate();
            long id;
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("direction", direction);
            call.put("phone", phone);
            call.put("customerId", customerId);
            call.put("queue", queue);
            call.put("entryId", entryId);
            audit.record(c, CALL_ENTITY, id, Map.of(), call);
            return id;
        }
    }

    /**
     * The customer whose own number, contact's number or other phone is exactly this one. Unlike the 360° search no
     * prefix match: a call is attributed only to a number that is really theirs.
     */
    static Long customerByPhone(Connection c, String phone) throws SQLException {
        String key = SearchKeys.phoneKey(phone);
        if (key == null || key.isEmpty()) {
            return null;
        }
        for (String sql : new String[] { "SELECT ID FROM CUSTOMER WHERE PHONE_KEY = ? ORDER BY ID",
            "SELECT CUSTOMER_ID FROM CONTACT WHERE PHONE_KEY = ? ORDER BY ID",
            "SELECT CUSTOMER_ID FROM CONTACT_POINT WHERE LOOKUP_KEY = ? ORDER BY ID" }) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        return null;
    }

    @Override
    public Call end(long callId, Ending ending) {
        security.check(Permission.SERVICE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (ending.disposition() == null) {
            errors.add(new FieldError("disposition", "error.required"));
        } else if (ending.disposition() == CallDisposition.CALLBACK) {
            if (ending.callbackAt() == null) {
                errors.add(new FieldError("callbackAt", "error.required"));
            } else if (!ending.callbackAt().isAfter(AppClock.now())) {
                errors.add(new FieldError("callbackAt", "error.callbackPast"));
            }
        }
        if (ending.note() != null && ending.note().length() > 1000) {
            errors.add(new FieldError("notes", "error.tooLong", 1000));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Call call = call(callId);
        Instant now = AppClock.now();
        db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE CALL_LOG SET ENDED_AT = ?, DISPOSITION = ?, RESOLVED = ?, "
                    + "CASE_ID = COALESCE(?, CASE_ID), NOTE = ? WHERE ID = ? AND ENDED_AT IS NULL")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, ending.disposition().name());
                ps.setBoolean(3, ending.resolved() && ending.disposition() == CallDisposition.COMPLETED);
                setLong(ps, 4, ending.caseId());
                ps.setString(5, CaseServiceImpl.blankToNull(ending.note()));
                ps.setLong(6, callId);
                if (ps.executeUpdate() == 0) {
                    throw new GuanxiException("error.callEnded");
                }
            }
            audit.record(c, CALL_ENTITY, callId, outcome(call.disposition(), call.resolved(), call.caseId(), call.note()),
                    outcome(ending.disposition(), ending.resolved() && ending.disposition() == CallDisposition.COMPLETED,
                            ending.caseId() != null ? ending.caseId() : call.caseId(), CaseServiceImpl.blankToNull(ending.note())));
            if (call.customerId() != null) {
                timeline(c, call, ending, Duration.between(call.startedAt(), now));
            }
            if (call.entryId() != null) {
                advance(c, call.entryId(), ending, now);
            }
            return null;
        });
        return call(callId);
    }

    /** A call's outcome as the audit trail shows it. */
    private static Map<String, Object> outcome(CallDisposition disposition, boolean resolved, Long caseId, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("disposition", disposition);
        m.put("resolved", resolved);
        m.put("caseId", caseId);
        m.put("note", note);
        return m;
    }

    /** The call in the customer's interaction timeline, in the agent's language, as an agent would have noted it. */
    private void timeline(Connection c, Call call, Ending ending, Duration length) throws SQLException {
        String subject = TEXTS.get("call.interaction", Labels.of(call.direction()), Labels.of(ending.disposition()),
                length.toMinutes(), length.toSecondsPart());
        interactions.record(c, call.customerId(), Channel.PHONE, call.startedAt(), subject, CaseServiceImpl.blankToNull(ending.note()));
    }

    /** Moves a call-list entry on after an attempt: done, failed, a callback, or another try later. */
    private static void advance(Connection c, long entryId, Ending ending, Instant now) throws SQLException {
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

    @Override
    public Call call(long callId) {
        security.check(Permission.CUSTOMER_READ);
        List<Call> found = shown(db.jdbc(c -> calls(c, CALL + "WHERE l.ID = ?", callId)));
        if (found.isEmpty()) {
            throw new NotFoundException("call", callId);
        }
        return found.get(0);
    }

    @Override
    public List<Call> calls(long customerId, int limit) {
        security.check(Permission.CUSTOMER_READ);
        return shown(db.jdbc(c -> calls(c, CALL + "WHERE l.CUSTOMER_ID = ? ORDER BY l.STARTED_AT DESC, l.ID DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", customerId)));
    }

    @Override
    public List<Call> calls(LocalDate from, LocalDate to, String agent, int limit) {
        security.check(Permission.CUSTOMER_READ);
        String sql = CALL + "WHERE l.STARTED_AT >= ? AND l.STARTED_AT < ?" + (agent == null ? "" : " AND l.AGENT = ?")
                + " ORDER BY l.STARTED_AT DESC, l.ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        Timestamp start = Timestamp.valueOf(from.atStartOfDay());
        Timestamp end = Timestamp.valueOf(to.plusDays(1).atStartOfDay());
        return shown(db.jdbc(c -> agent == null ? calls(c, sql, start, end) : calls(c, sql, start, end, agent)));
    }

    /** Numbers masked for those without {@code PERSONAL_DATA} (PIPL); the agent who takes or places a call has it. */
    private List<Call> shown(List<Call> calls) {
        return security.hasPermission(Permission.PERSONAL_DATA) ? calls : calls.stream().map(Call::masked).toList();
    }

    private static List<Call> calls(Connection c, String sql, Object... args) throws SQLException {
        List<Call> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp ended = rs.getTimestamp(11);
                    String disposition = rs.getString(12);
                    out.add(new Call(rs.getLong(1), CallDirection.valueOf(rs.getString(2)), rs.getString(3), getLong(rs, 4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), getLong(rs, 9),
                            rs.getTimestamp(10).toInstant(), ended == null ? null : ended.toInstant(),
                            disposition == null ? null : CallDisposition.valueOf(disposition), rs.getBoolean(13),
                            getLong(rs, 14), rs.getString(15)));
                }
            }
        }
        return out;
    }

    // ---- call lists

    @Override
    public Created createList(NewList in) {
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

    @Override
    public List<CallList> lists() {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> lists(c, LIST + "ORDER BY l.CREATED_AT DESC, l.ID DESC"));
    }

    @Override
    public CallList list(long listId) {
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

    @Override
    public List<Entry> entries(long listId) {
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

    @Override
    public Optional<Call> callNext(long listId) {
        security.check(Permission.SERVICE_WRITE);
        String agent = security.currentUser();
        Instant now = AppClock.now();
        Long callId = db.jdbcTransaction(c -> {
            List<long[]> candidates = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, CUSTOMER_ID, PHONE FROM CALL_LIST_ENTRY "
                    + "WHERE LIST_ID = ? AND STATUS IN ('PENDING', 'CALLBACK') AND NEXT_AT <= ? "
                    + "AND (HELD_BY IS NULL OR HELD_AT < ?) "
                    + "ORDER BY CASE STATUS WHEN 'CALLBACK' THEN 0 ELSE 1 END, NEXT_AT, ID FETCH FIRST 20 ROWS ONLY")) {
                ps.setLong(1, listId);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setTimestamp(3, Timestamp.from(now.minus(HOLD)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new long[] { rs.getLong(1), rs.getLong(2) });
                        phones.add(rs.getString(3));
                    }
                }
            }
            for (int i = 0; i < candidates.size(); i++) {
                long entryId = candidates.get(i)[0];
                // taken only if still free: two agents pressing "next call" at once get different customers
                try (PreparedStatement ps = c.prepareStatement("UPDATE CALL_LIST_ENTRY SET HELD_BY = ?, HELD_AT = ? WHERE ID = ? "
                        + "AND (HELD_BY IS NULL OR HELD_AT < ?)")) {
                    ps.setString(1, agent);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setLong(3, entryId);
                    ps.setTimestamp(4, Timestamp.from(now.minus(HOLD)));
                    if (ps.executeUpdate() == 1) {
                        return insertCall(c, CallDirection.OUT, phones.get(i), candidates.get(i)[1], null, null, entryId);
                    }
                }
            }
            return null;
        });
        return callId == null ? Optional.empty() : Optional.of(call(callId));
    }

    @Override
    public void recordResponse(long callId, long responseId) {
        security.check(Permission.SERVICE_WRITE);
        Call call = call(callId);
        if (call.entryId() == null) {
            return;
        }
        db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE CALL_LIST_ENTRY SET RESPONSE_ID = ? WHERE ID = ?")) {
                ps.setLong(1, responseId);
                ps.setLong(2, call.entryId());
                ps.executeUpdate();
            }
            audit.record(c, CALL_ENTITY, callId, AuditLog.field("surveyResponseId", null), Map.of("surveyResponseId", responseId));
            return null;
        });
    }

    // ---- IVR

    /** The parsed menu with the version it was read at: each desktop re-reads it when another one saved a new one. */
    private record Cached(long version, IvrMenu menu) {
    }

    @Override
    public IvrMenu ivr() {
        Cached cached = ivr;
        long version = db.jdbc(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION FROM IVR_MENU WHERE ID = 1")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        if (cached == null || cached.version() != version) {
            String text = db.jdbc(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT BODY FROM IVR_MENU WHERE ID = 1")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            });
            // the queues were checked when the menu was saved
            cached = new Cached(version, IvrMenu.parse(text, q -> true));
            ivr = cached;
        }
        return cached.menu();
    }

    @Override
    public IvrMenu saveIvr(String text) {
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

    // ---- figures

    @Override
    public List<AgentFigures> agentFigures(LocalDate from, LocalDate to) {
        security.check(Permission.CUSTOMER_READ);
        Timestamp start = Timestamp.valueOf(from.atStartOfDay());
        Timestamp end = Timestamp.valueOf(to.plusDays(1).atStartOfDay());
        return db.jdbc(c -> {
            // a settled inbound call is a first-call resolution unless the same customer called again within the days
            String sql = "SELECT l.AGENT, l.DIRECTION, l.DISPOSITION, l.STARTED_AT, l.ENDED_AT, "
                    + "CASE WHEN l.DIRECTION = 'IN' AND l.DISPOSITION = 'COMPLETED' AND l.RESOLVED AND NOT EXISTS ("
                    + "SELECT 1 FROM CALL_LOG r WHERE r.CUSTOMER_ID = l.CUSTOMER_ID AND r.DIRECTION = 'IN' "
                    + "AND r.STARTED_AT > l.STARTED_AT AND r.STARTED_AT <= {fn TIMESTAMPADD(SQL_TSI_DAY, " + REPEAT_DAYS
                    + ", l.STARTED_AT)}) THEN 1 ELSE 0 END "
                    + "FROM CALL_LOG l WHERE l.STARTED_AT >= ? AND l.STARTED_AT < ? AND l.ENDED_AT IS NOT NULL";
            java.util.Map<String, long[]> byAgent = new java.util.TreeMap<>();
            long[] all = new long[7];
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, start);
                ps.setTimestamp(2, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] a = byAgent.computeIfAbsent(rs.getString(1), k -> new long[7]);
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
        });
    }

    private static AgentFigures figures(String agent, long[] a) {
        Duration aht = a[2] == 0 ? Duration.ZERO : Duration.ofMillis(a[3] / a[2]);
        return new AgentFigures(agent, (int) a[0], (int) a[1], (int) a[2], aht, (int) a[4], (int) a[5]);
    }

    // ---- helpers

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
