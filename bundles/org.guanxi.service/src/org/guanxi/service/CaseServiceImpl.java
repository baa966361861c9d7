package org.guanxi.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Codes;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CaseNote;
import org.guanxi.core.model.CaseNoteKind;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CaseStatus;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.KnowledgeArticle;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.CaseService;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.ServiceLevelService.Deadlines;
import org.guanxi.core.service.States;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Cases on JPA; lists, assignment counts, escalation scans and the deadline recalculation on JDBC. */
@Component(service = CaseService.class)
public class CaseServiceImpl implements CaseService {

    static final String ENTITY = "ServiceCase";
    static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(CaseServiceImpl.class.getName());

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private final ServiceLevelService levels;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public CaseServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit,
            @Reference ServiceLevelService levels) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.levels = levels;
    }

    @Override
    public ServiceCase open(NewCase draft) {
        security.check(Permission.SERVICE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "subject", draft.subject(), 200);
        Checks.maxLength(errors, "description", draft.description(), 4000);
        Checks.required(errors, "casePhase", draft.phase());
        Checks.required(errors, "priority", draft.priority());
        Checks.required(errors, "channel", draft.channel());
        if (draft.queue() != null && queues().stream().noneMatch(q -> q.code().equals(draft.queue()))) {
            errors.add(new FieldError("queue", "error.unknownQueue", draft.queue()));
        }
        Checks.throwIfAny(errors);
        ServiceCase saved = db.inTransaction(em -> {
            ServiceCase c = create(em, draft);
            assignInQueue(em, c);
            return c;
        });
        Events.post(events, Topics.CASE_CHANGED, saved.getId());
        return saved;
    }

    /** Writes a new case in {@code em}'s transaction, for complaints too; the caller assigns it. */
    ServiceCase create(EntityManager em, NewCase draft) {
        Entities.require(em.find(Customer.class, draft.customerId()), "Customer", draft.customerId());
        if (draft.orderId() != null) {
            Entities.require(em.find(SalesOrder.class, draft.orderId()), "SalesOrder", draft.orderId());
        }
        ServiceCase c = new ServiceCase();
        c.setCaseNo(Codes.next(em, "CASE_NO_SEQ", "CS"));
        c.setCustomerId(draft.customerId());
        c.setOrderId(draft.orderId());
        c.setKind(Objects.requireNonNullElse(draft.kind(), CaseKind.REQUEST));
        c.setPhase(draft.phase());
        c.setPriority(draft.priority());
        c.setChannel(draft.channel());
        c.setSubject(draft.subject().strip());
        c.setDescription(blankToNull(draft.description()));
        c.setTier(tierOf(em, draft.customerId()));
        c.setQueue(draft.queue() != null ? draft.queue() : defaultQueue(c));
        c.setOpenedAt(AppClock.now());
        c.setCreatedBy(security.currentUser());
        setDeadlines(c);
        em.persist(c);
        em.flush();
        audit.record(em, ENTITY, c.getId(), Map.of(), snapshot(c));
        return c;
    }

    /** The customer's tier in the latest value analysis; a customer it has not placed yet counts as ordinary. */
    static Tier tierOf(EntityManager em, long customerId) {
        return Database.jdbc(em, c -> {
            // an aggregate gives one row whether or not the customer was placed (SQL both databases run)
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(v.TIER), 'ORDINARY') FROM CUSTOMER_VALUE v "
                    + "WHERE v.CUSTOMER_ID = ? AND v.RUN_ID = (SELECT MAX(ID) FROM VALUE_RUN)")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Tier.valueOf(rs.getString(1));
                }
            }
        });
    }

    private static String defaultQueue(ServiceCase c) {
        if (c.getKind() == CaseKind.COMPLAINT) {
            return "COMPLAINTS";
        }
        if (c.getTier() == Tier.VIP) {
            return "VIP";
        }
        return c.getPhase() == CasePhase.PRE_SALE ? "PRESALES" : "GENERAL";
    }

    void setDeadlines(ServiceCase c) {
        Deadlines d = levels.deadlines(c.getTier(), c.getPriority(), c.getOpenedAt());
        c.setFirstResponseDue(d.firstResponseDue());
        c.setResolutionDue(d.resolutionDue());
    }

    /** Assigns to the queue's member with the fewest active cases (ties: by login), or leaves the case unassigned. */
    void assignInQueue(EntityManager em, ServiceCase c) {
        String login = Database.jdbc(em, con -> {
            try (PreparedStatement ps = con.prepareStatement("SELECT m.LOGIN, (SELECT COUNT(*) FROM SERVICE_CASE s "
                    + "WHERE s.ASSIGNEE = m.LOGIN AND s.ACTIVE = TRUE) AS LOAD FROM SERVICE_QUEUE_MEMBER m "
                    + "WHERE m.QUEUE_CODE = ? ORDER BY LOAD, m.LOGIN FETCH FIRST 1 ROW ONLY")) {
                ps.setString(1, c.getQueue());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (login != null) {
            setAssignee(em, c, login);
        }
    }

    private void setAssignee(EntityManager em, ServiceCase c, String login) {
        if (Objects.equals(c.getAssignee(), login)) {
            return;
        }
        Map<String, Object> before = snapshot(c);
        c.setAssignee(login);
        em.persist(new CaseNote(c.getId(), CaseNoteKind.ASSIGNED, security.currentUser(), login));
        audit.record(em, ENTITY, c.getId(), before, snapshot(c));
    }

    @Override
    public ServiceCase get(long caseId) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> Entities.require(em.find(ServiceCase.class, caseId), ENTITY, caseId));
    }

    @Override
    public List<CaseRow> find(CaseQuery q) {
        security.check(Permission.CUSTOMER_READ);
        boolean activeOnly = q.overdueOnly() || q.statuses() != null && !q.statuses().isEmpty()
                && CaseQuery.activeStatuses().containsAll(q.statuses());
        // every active case by deadline: walk the (ACTIVE, NEXT_DUE) index and stop after the page; Derby's optimizer
        // would otherwise sort all active cases (0.9 s at 100,000 against 2 ms)
        String hint = activeOnly && q.queue() == null && q.assignee() == null && q.customerId() == null
                ? " --DERBY-PROPERTIES index=IX_SERVICE_CASE_DUE\n" : " ";
        StringBuilder sql = new StringBuilder("SELECT s.ID, s.CASE_NO, s.CUSTOMER_ID, c.CODE, c.NAME, s.TIER, s.KIND, s.PHASE, "
                + "s.PRIORITY, s.QUEUE_CODE, s.ASSIGNEE, s.STATUS, s.SUBJECT, s.OPENED_AT, s.FIRST_RESPONSE_DUE, "
                + "s.RESOLUTION_DUE, s.FIRST_RESPONSE_AT, s.ESCALATION_LEVEL FROM SERVICE_CASE s" + hint
                + "JOIN CUSTOMER c ON c.ID = s.CUSTOMER_ID WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.queue() != null) {
            sql.append(" AND s.QUEUE_CODE = ?");
            args.add(q.queue());
        }
        if (q.assignee() != null) {
            sql.append(" AND s.ASSIGNEE = ?");
            args.add(q.assignee());
        }
        if (activeOnly) {
            sql.append(" AND s.ACTIVE = TRUE");
        }
        if (q.statuses() != null && !q.statuses().isEmpty() && !q.statuses().equals(CaseQuery.activeStatuses())) {
            sql.append(q.statuses().stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", " AND s.STATUS IN (", ")")));
        }
        if (q.customerId() != null) {
            sql.append(" AND s.CUSTOMER_ID = ?");
            args.add(q.customerId());
        }
        if (q.kind() != null) {
            sql.append(" AND s.KIND = ?");
            args.add(q.kind().name());
        }
        if (q.overdueOnly()) {
            sql.append(" AND s.NEXT_DUE < ?");
            args.add(Timestamp.from(AppClock.now()));
        }
        // active cases by the deadline they must meet next (an index scan), the others newest first
        sql.append(activeOnly ? " ORDER BY s.NEXT_DUE" : " ORDER BY s.ACTIVE DESC, s.OPENED_AT DESC, s.ID DESC");
        sql.append(" FETCH FIRST ? ROWS ONLY");
        args.add(q.limit() > 0 ? q.limit() : 500);
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<CaseRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp answered = rs.getTimestamp(17);
                        rows.add(new CaseRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                Tier.valueOf(rs.getString(6)), CaseKind.valueOf(rs.getString(7)), CasePhase.valueOf(rs.getString(8)),
                                org.guanxi.core.model.CasePriority.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
                                CaseStatus.valueOf(rs.getString(12)), rs.getString(13), rs.getTimestamp(14).toInstant(),
                                rs.getTimestamp(15).toInstant(), rs.getTimestamp(16).toInstant(),
                                answered == null ? null : answered.toInstant(), rs.getInt(18)));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public List<CaseNote> timeline(long caseId) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery("SELECT n FROM CaseNote n WHERE n.caseId = :id ORDER BY n.createdAt, n.id",
                CaseNote.class).setParameter("id", caseId).getResultList());
    }

    @Override
    public List<Queue> queues() {
        return db.jdbc(c -> {
            Map<String, List<String>> members = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT QUEUE_CODE, LOGIN FROM SERVICE_QUEUE_MEMBER ORDER BY LOGIN");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<Queue> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CODE, NAME_ZH, NAME_EN, SUPERVISOR FROM SERVICE_QUEUE ORDER BY SORT_ORDER");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Queue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            List.copyOf(members.getOrDefault(rs.getString(1), List.of()))));
                }
            }
            return out;
        });
    }

    @Override
    public void saveQueue(String code, String supervisor, List<String> members) {
        security.check(Permission.SERVICE_ADMIN);
        db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE SERVICE_QUEUE SET SUPERVISOR = ? WHERE CODE = ?")) {
                ps.setString(1, blankToNull(supervisor));
                ps.setString(2, code);
                if (ps.executeUpdate() == 0) {
                    throw new GuanxiException("error.unknownQueue", code);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM SERVICE_QUEUE_MEMBER WHERE QUEUE_CODE = ?")) {
                ps.setString(1, code);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SERVICE_QUEUE_MEMBER (QUEUE_CODE, LOGIN) VALUES (?, ?)")) {
                for (String login : members.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList()) {
                    ps.setString(1, code);
                    ps.setString(2, login);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public ServiceCase assign(long caseId, String login) {
        return change(caseId, (em, c) -> {
            requireActive(c);
            if (login == null || login.isBlank()) {
                assignInQueue(em, c);
            } else {
                setAssignee(em, c, login.strip());
            }
        });
    }

    @Override
    public ServiceCase take(long caseId) {
        String me = security.currentUser();
        return change(caseId, (em, c) -> {
            // re-read under a row lock: of two agents taking the same case at once, the second is told, not overruled
            em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
            requireActive(c);
            if (c.getAssignee() != null && !c.getAssignee().equals(me)) {
                throw new GuanxiException("error.caseTaken", c.getCaseNo(), c.getAssignee());
            }
            setAssignee(em, c, me);
        });
    }

    @Override
    public ServiceCase transfer(long caseId, String queue) {
        if (queues().stream().noneMatch(q -> q.code().equals(queue))) {
            throw new GuanxiException("error.unknownQueue", queue);
        }
        return change(caseId, (em, c) -> {
            requireActive(c);
            if (!queue.equals(c.getQueue())) {
                c.setQueue(queue);
                c.setAssignee(null);
                assignInQueue(em, c);
            }
        });
    }

    @Override
    public ServiceCase reply(long caseId, String text) {
        String body = requireText("reply", text);
        return change(caseId, (em, c) -> {
            requireActive(c);
            replied(em, c, body);
        });
    }

    /** A note or reply, in the audit trail as written by whom on which case (its text stays with the case). */
    private void addNote(EntityManager em, ServiceCase c, CaseNoteKind kind, String body) {
        CaseNote note = new CaseNote(c.getId(), kind, security.currentUser(), body);
        em.persist(note);
        em.flush();
        audit.record(em, "CaseNote", note.getId(), Map.of(), Map.of("caseId", c.getId(), "kind", kind.name()));
    }

    private void replied(EntityManager em, ServiceCase c, String body) {
        addNote(em, c, CaseNoteKind.REPLY, body);
        if (c.getFirstResponseAt() == null) {
            c.setFirstResponseAt(AppClock.now());
        }
        if (c.getStatus() == CaseStatus.OPEN) {
            c.setStatus(CaseStatus.IN_PROGRESS);
        }
        if (c.getAssignee() == null) {
            c.setAssignee(security.currentUser());
        }
    }

    @Override
    public void note(long caseId, String text) {
        String body = requireText("note", text);
        change(caseId, (em, c) -> addNote(em, c, CaseNoteKind.NOTE, body));
    }

    @Override
    public ServiceCase answerWith(long caseId, long articleId) {
        return change(caseId, (em, c) -> {
            requireActive(c);
            KnowledgeArticle a = Entities.require(em.find(KnowledgeArticle.class, articleId), KnowledgeBaseImpl.ENTITY, articleId);
            a.setUses(a.getUses() + 1);
            replied(em, c, a.getTitle() + "\n\n" + a.getBody());
            c.setArticleId(articleId);
            c.setAnswer(truncate(a.getBody(), 4000));
        });
    }

    @Override
    public ServiceCase waitForCustomer(long caseId, String reason) {
        return change(caseId, (em, c) -> {
            requireActive(c);
            status(em, c, CaseStatus.WAITING_CUSTOMER, blankToNull(reason));
        });
    }

    @Override
    public ServiceCase resolve(long caseId, String answer) {
        String text = requireText("answer", answer);
        return change(caseId, (em, c) -> {
            if (c.getKind() == CaseKind.COMPLAINT) {
                throw new GuanxiException("error.complaintResolve", c.getCaseNo());
            }
            resolved(em, c, text);
        });
    }

    /** Marks an active case resolved with its answer; a case resolved without a reply counts the answer as one. */
    void resolved(EntityManager em, ServiceCase c, String answer) {
        requireActive(c);
        c.setAnswer(truncate(answer, 4000));
        if (c.getFirstResponseAt() == null) {
            replied(em, c, answer);
        }
        c.setResolvedAt(AppClock.now());
        status(em, c, CaseStatus.RESOLVED, null);
    }

    @Override
    public ServiceCase close(long caseId) {
        return change(caseId, (em, c) -> {
            if (c.getKind() == CaseKind.COMPLAINT) {
                throw new GuanxiException("error.complaintNeedsAnswer", c.getCaseNo());
            }
            closed(em, c, null);
        });
    }

    void closed(EntityManager em, ServiceCase c, String reason) {
        States.require(c.getStatus(), "error.caseState", c.getCaseNo(), CaseStatus.RESOLVED);
        c.setClosedAt(AppClock.now());
        status(em, c, CaseStatus.CLOSED, reason);
    }

    @Override
    public ServiceCase reopen(long caseId, String reason) {
        String why = requireText("reason", reason);
        return change(caseId, (em, c) -> reopened(em, c, why));
    }

    /** Back to work: the deadlines start again from now and the escalation from zero. */
    void reopened(EntityManager em, ServiceCase c, String reason) {
        States.require(c.getStatus(), "error.caseState", c.getCaseNo(), CaseStatus.RESOLVED, CaseStatus.CLOSED);
        c.setOpenedAt(AppClock.now());
        c.setFirstResponseAt(null);
        c.setResolvedAt(null);
        c.setClosedAt(null);
        c.setEscalationLevel(0);
        setDeadlines(c);
        status(em, c, CaseStatus.IN_PROGRESS, reason);
    }

    private void status(EntityManager em, ServiceCase c, CaseStatus status, String reason) {
        c.setStatus(status);
        em.persist(new CaseNote(c.getId(), CaseNoteKind.STATUS, security.currentUser(),
                reason == null ? status.name() : status.name() + "\n" + truncate(reason, 3900)));
    }

    static void requireActive(ServiceCase c) {
        States.require(c.getStatus(), "error.caseState", c.getCaseNo(), CaseStatus.OPEN, CaseStatus.IN_PROGRESS,
                CaseStatus.WAITING_CUSTOMER);
    }

    interface Change {
        void apply(EntityManager em, ServiceCase c);
    }

    /** Loads the case, applies {@code change} and audits what it changed, in one transaction; then announces it. */
    ServiceCase change(long caseId, Change change) {
        security.check(Permission.SERVICE_WRITE);
        ServiceCase saved = db.inTransaction(em -> {
            ServiceCase c = Entities.require(em.find(ServiceCase.class, caseId), ENTITY, caseId);
            Map<String, Object> before = snapshot(c);
            change.apply(em, c);
            em.flush();
            audit.record(em, ENTITY, c.getId(), before, snapshot(c));
            return c;
        });
        Events.post(events, Topics.CASE_CHANGED, caseId);
        return saved;
    }

    @Override
    public int escalateOverdue(Instant now) {
        List<long[]> due = db.jdbc(c -> {
            // overdue cases are the active ones whose next deadline has passed: a range of the (ACTIVE, NEXT_DUE) index
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, CASE WHEN RESOLUTION_DUE < ? THEN 2 ELSE 1 END "
                    + "FROM SERVICE_CASE WHERE ACTIVE = TRUE AND NEXT_DUE < ? AND (ESCALATION_LEVEL < 2 AND RESOLUTION_DUE < ? "
                    + "OR ESCALATION_LEVEL < 1 AND FIRST_RESPONSE_AT IS NULL AND FIRST_RESPONSE_DUE < ?)")) {
                Timestamp t = Timestamp.from(now);
                ps.setTimestamp(1, t);
                ps.setTimestamp(2, t);
                ps.setTimestamp(3, t);
                ps.setTimestamp(4, t);
                List<long[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new long[] { rs.getLong(1), rs.getInt(2) });
                    }
                }
                return out;
            }
        });
        Map<String, String> supervisors = queues().stream().filter(q -> q.supervisor() != null)
                .collect(Collectors.toMap(Queue::code, Queue::supervisor));
        int escalated = 0;
        for (long[] d : due) {
            try {
                if (db.inTransaction(em -> escalate(em, d[0], (int) d[1], now, supervisors))) {
                    escalated++;
                    Events.post(events, Topics.CASE_CHANGED, d[0]);
                }
            } catch (ConflictException e) {
                // another desktop escalated or changed it meanwhile: the next scan sees the case as it is now
                LOG.fine(() -> "Case " + d[0] + " changed while being escalated: " + e.getMessage());
            }
        }
        return escalated;
    }

    /** Level 2 hands the case to the queue's supervisor, if it has one; both levels leave a timeline entry. */
    private boolean escalate(EntityManager em, long caseId, int level, Instant now, Map<String, String> supervisors) {
        ServiceCase c = em.find(ServiceCase.class, caseId);
        if (c == null || !c.getStatus().isActive() || c.getEscalationLevel() >= level) {
            return false;
        }
        Map<String, Object> before = snapshot(c);
        c.setEscalationLevel(level);
        c.setEscalatedAt(now);
        String supervisor = supervisors.get(c.getQueue());
        em.persist(new CaseNote(caseId, CaseNoteKind.ESCALATED, SYSTEM, supervisor == null ? String.valueOf(level) : level + "\n" + supervisor));
        if (level == 2 && supervisor != null && !supervisor.equals(c.getAssignee())) {
            c.setAssignee(supervisor);
            em.persist(new CaseNote(caseId, CaseNoteKind.ASSIGNED, SYSTEM, supervisor));
        }
        em.flush();
        audit.record(em, ENTITY, caseId, before, snapshot(c));
        return true;
    }

    @Override
    public int recalculateDeadlines() {
        security.check(Permission.SERVICE_ADMIN);
        return new DeadlineRecalculation(db, levels).run();
    }

    static Map<String, Object> snapshot(ServiceCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", c.getCaseNo());
        m.put("customerId", c.getCustomerId());
        m.put("orderId", c.getOrderId());
        m.put("kind", c.getKind());
        m.put("phase", c.getPhase());
        m.put("priority", c.getPriority());
        m.put("channel", c.getChannel());
        m.put("queue", c.getQueue());
        m.put("assignee", c.getAssignee());
        m.put("status", c.getStatus());
        m.put("subject", c.getSubject());
        m.put("answer", c.getAnswer());
        m.put("articleId", c.getArticleId());
        m.put("resolutionDue", c.getResolutionDue());
        m.put("escalationLevel", c.getEscalationLevel());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    static String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new org.guanxi.core.service.ValidationException(List.of(new FieldError(field, "error.required")));
        }
        if (text.strip().length() > 4000) {
            throw new org.guanxi.core.service.ValidationException(List.of(new FieldError(field, "error.tooLong", 4000)));
        }
        return text.strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
