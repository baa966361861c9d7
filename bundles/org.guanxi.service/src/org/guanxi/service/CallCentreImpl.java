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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.CallDirection;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.service.api.CallCentre;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.service.api.IvrMenu;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The call log on JDBC (calls are short rows written at the rate agents talk), with the call lists ({@link CallLists}),
 * the IVR menu ({@link IvrMenus}) and the figures ({@link CallFigures}) it answers for.
 */
@Component(service = CallCentre.class)
public class CallCentreImpl implements CallCentre {

    private static final Texts TEXTS = Texts.of(CallCentreImpl.class);
    private static final String CALL = "SELECT l.ID, l.DIRECTION, l.PHONE, l.CUSTOMER_ID, c.NAME, l.AGENT, l.QUEUE_CODE, "
            + "l.IVR_KEYS, l.ENTRY_ID, l.STARTED_AT, l.ENDED_AT, l.DISPOSITION, l.RESOLVED, l.CASE_ID, l.NOTE "
            + "FROM CALL_LOG l LEFT JOIN CUSTOMER c ON c.ID = l.CUSTOMER_ID ";
    private static final String CALL_ENTITY = "Call";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private final InteractionService interactions;
    private final CallLists lists;
    private final IvrMenus ivr;

    @Activate
    public CallCentreImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit,
            @Reference InteractionService interactions) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.interactions = interactions;
        this.lists = new CallLists(db, security, audit);
        this.ivr = new IvrMenus(db, security, audit);
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
        String queue = keys == null ? null : ivr.current().route(keys);
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
                CallLists.advance(c, call.entryId(), ending, now);
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
        return lists.create(in);
    }

    @Override
    public List<CallList> lists() {
        return lists.lists();
    }

    @Override
    public CallList list(long listId) {
        return lists.list(listId);
    }

    @Override
    public List<Entry> entries(long listId) {
        return lists.entries(listId);
    }

    @Override
    public Optional<Call> callNext(long listId) {
        security.check(Permission.SERVICE_WRITE);
        String agent = security.currentUser();
        Instant now = AppClock.now();
        Long callId = db.jdbcTransaction(c -> {
            CallLists.Held next = CallLists.holdNext(c, listId, agent, now);
            return next == null ? null
                    : insertCall(c, CallDirection.OUT, next.phone(), next.customerId(), null, null, next.entryId());
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
            CallLists.recordResponse(c, call.entryId(), responseId);
            audit.record(c, CALL_ENTITY, callId, AuditLog.field("surveyResponseId", null), Map.of("surveyResponseId", responseId));
            return null;
        });
    }

    // ---- IVR

    @Override
    public IvrMenu ivr() {
        return ivr.current();
    }

    @Override
    public IvrMenu saveIvr(String text) {
        return ivr.save(text);
    }

    // ---- figures

    @Override
    public List<AgentFigures> agentFigures(LocalDate from, LocalDate to) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> CallFigures.of(c, from, to));
    }
}
