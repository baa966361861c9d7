package org.guanxi.service;

import static org.guanxi.core.XmlDocuments.text;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.AppClock;
import org.guanxi.core.XmlDocuments;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CaseStatus;
import org.guanxi.core.model.Compensation;
import org.guanxi.core.model.Complaint;
import org.guanxi.core.model.ComplaintCategory;
import org.guanxi.core.model.ComplaintSeverity;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Department;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.model.Verdict;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.CaseService.NewCase;
import org.guanxi.core.service.Checks;
import org.guanxi.service.api.ComplaintService;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.States;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;

/**
 * Complaints on top of cases: the case carries queue, assignment, deadlines and timeline; the COMPLAINT row the
 * classification, recovery and confirmation. Both are audited in the same transaction.
 */
@Component(service = ComplaintService.class)
public class ComplaintServiceImpl implements ComplaintService {

    static final String ENTITY = "Complaint";
    /** Namespace of the refund document the ERP routes map. */
    static final String REFUND_NAMESPACE = "urn:guanxi:refund:1";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private final ServiceLevelService levels;
    private final Outbox outbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    /** The case rules complaints share with requests; it announces nothing itself, this service does. */
    private final CaseServiceImpl cases;

    @Activate
    public ComplaintServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit,
            @Reference ServiceLevelService levels, @Reference Outbox outbox) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.levels = levels;
        this.outbox = outbox;
        this.cases = new CaseServiceImpl(db, security, audit, levels);
    }

    @Override
    public ServiceCase file(NewComplaint n) {
        security.check(Permission.SERVICE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "subject", n.subject(), 200);
        Checks.maxLength(errors, "description", n.description(), 4000);
        Checks.required(errors, "channel", n.channel());
        Checks.required(errors, "complaintCategory", n.category());
        Checks.required(errors, "severity", n.severity());
        Checks.required(errors, "department", n.department());
        Checks.throwIfAny(errors);
        ServiceCase saved = db.inTransaction(em -> {
            CasePhase phase = n.orderId() == null ? CasePhase.AFTER_SALE : phaseOf(em.find(SalesOrder.class, n.orderId()));
            ServiceCase c = cases.create(em, new NewCase(n.customerId(), CaseKind.COMPLAINT, phase, n.severity().priority(),
                    n.channel(), null, n.subject(), n.description(), n.orderId()));
            Complaint k = new Complaint();
            k.setCaseId(c.getId());
            k.setCategory(n.category());
            k.setSeverity(n.severity());
            k.setDepartment(n.department());
            em.persist(k);
            em.flush();
            audit.record(em, ENTITY, c.getId(), Map.of(), snapshot(k));
            cases.assignInQueue(em, c);
            return c;
        });
        Events.post(events, Topics.CASE_CHANGED, saved.getId());
        return saved;
    }

    /** A complaint about an order not delivered yet is made during the sale (售中), else after it. */
    private static CasePhase phaseOf(SalesOrder order) {
        if (order == null) {
            return CasePhase.AFTER_SALE;
        }
        return switch (order.getStatus()) {
            case DELIVERED, INVOICED, RETURNED -> CasePhase.AFTER_SALE;
            default -> CasePhase.IN_SALE;
        };
    }

    @Override
    public Complaint complaint(long caseId) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> Entities.require(em.find(Complaint.class, caseId), ENTITY, caseId));
    }

    @Override
    public Complaint classify(long caseId, ComplaintCategory category, ComplaintSeverity severity, Department department) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "complaintCategory", category);
        Checks.required(errors, "severity", severity);
        Checks.required(errors, "department", department);
        Checks.throwIfAny(errors);
        return change(caseId, (em, c, k) -> {
            CaseServiceImpl.requireActive(c);
            k.setCategory(category);
            k.setDepartment(department);
            if (k.getSeverity() != severity) {
                k.setSeverity(severity);
                c.setPriority(severity.priority());
                cases.setDeadlines(c);
            }
        }).k();
    }

    @Override
    public ServiceCase resolve(long caseId, Resolution r) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "answer", r.answer(), 4000);
        Checks.required(errors, "rootCause", r.rootCause());
        Checks.required(errors, "compensation", r.compensation());
        Checks.maxLength(errors, "compensationNote", r.note(), 400);
        if (r.compensation() != null && r.compensation().hasAmount()
                && (r.amount() == null || r.amount().signum() <= 0)) {
            errors.add(new FieldError("compensationAmount", "error.positive"));
        } else if (r.compensation() == Compensation.POINTS && r.amount().stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError("compensationAmount", "error.wholePoints"));
        }
        Checks.throwIfAny(errors);
        return caseOf(change(caseId, (em, c, k) -> {
            CaseServiceImpl.requireActive(c);
            k.setRootCause(r.rootCause());
            k.setCompensation(r.compensation());
            k.setCompensationAmount(r.compensation().hasAmount() ? r.amount() : null);
            k.setCompensationNote(CaseServiceImpl.blankToNull(r.note()));
            k.setVerdict(null);
            k.setConfirmedAt(null);
            cases.resolved(em, c, r.answer().strip());
            if (r.compensation() == Compensation.REFUND) {
                queueRefund(em, c, k);
            } else if (r.compensation() == Compensation.POINTS) {
                // the points reach the customer's account (or, above the agent's limit, a manager's approval list)
                // with the resolution, or neither happens
                Database.jdbc(em, con -> PointsGrants.grant(con, security, audit, c.getCustomerId(), r.amount().intValueExact(),
                        c.getId(), c.getCaseNo()));
            }
        }));
    }

    /** The refund reaches the ERP through the outbox, once per resolution (a reopened complaint may refund again). */
    private void queueRefund(EntityManager em, ServiceCase c, Complaint k) {
        Customer customer = em.find(Customer.class, c.getCustomerId());
        SalesOrder order = c.getOrderId() == null ? null : em.find(SalesOrder.class, c.getOrderId());
        String key = c.getCaseNo() + ":refund:" + k.getReopened();
        String document = XmlDocuments.write("refund " + key, w -> {
            w.writeStartElement("Refund");
            w.writeDefaultNamespace(REFUND_NAMESPACE);
            text(w, "IdempotencyKey", key);
            text(w, "CaseNo", c.getCaseNo());
            text(w, "OrderNo", order == null ? null : order.getOrderNo());
            text(w, "Currency", order == null ? "CNY" : order.getCurrency());
            text(w, "Amount", k.getCompensationAmount());
            text(w, "Reason", k.getCategory().name());
            text(w, "Note", k.getCompensationNote());
            w.writeStartElement("Customer");
            text(w, "Code", customer.getCode());
            text(w, "Name", customer.getName());
            w.writeEndElement();
            w.writeEndElement();
        });
        outbox.append(em, REFUND_GRANTED, ENTITY, c.getId(), key, document);
    }

    @Override
    public ServiceCase confirm(long caseId, Verdict verdict, String comment) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "verdict", verdict);
        Checks.maxLength(errors, "verdictComment", comment, 1000);
        Checks.throwIfAny(errors);
        return caseOf(change(caseId, (em, c, k) -> {
            States.require(c.getStatus(), "error.caseState", c.getCaseNo(), CaseStatus.RESOLVED);
            k.setVerdict(verdict);
            k.setVerdictComment(CaseServiceImpl.blankToNull(comment));
            k.setConfirmedAt(AppClock.now());
            if (verdict == Verdict.DISSATISFIED) {
                // the recovery failed: back to work, one level up from the start
                k.setReopened(k.getReopened() + 1);
                cases.reopened(em, c, Objects.requireNonNullElse(CaseServiceImpl.blankToNull(comment), verdict.name()));
                c.setEscalationLevel(1);
                c.setEscalatedAt(AppClock.now());
            } else {
                cases.closed(em, c, k.getVerdictComment());
            }
        }));
    }

    @Override
    public ServiceCase closeWithoutAnswer(long caseId, String reason) {
        String why = CaseServiceImpl.requireText("closeReason", reason);
        return caseOf(change(caseId, (em, c, k) -> {
            States.require(c.getStatus(), "error.caseState", c.getCaseNo(), CaseStatus.RESOLVED);
            k.setCloseReason(why.length() > 400 ? why.substring(0, 400) : why);
            cases.closed(em, c, why);
        }));
    }

    @Override
    public void followUp(long caseId, int score) {
        if (score < 1 || score > 5) {
            throw new org.guanxi.core.service.ValidationException(List.of(new FieldError("followUpScore", "error.range", 1, 5)));
        }
        change(caseId, (em, c, k) -> {
            States.require(c.getStatus(), "error.caseState", c.getCaseNo(), CaseStatus.CLOSED);
            k.setFollowUpScore(score);
        });
    }

    private interface Change {
        void apply(EntityManager em, ServiceCase c, Complaint k);
    }

    private record Changed(ServiceCase c, Complaint k) {
    }

    private static ServiceCase caseOf(Changed changed) {
        return changed.c();
    }

    /** The case's change (audited by the case rules) and the complaint's, audited here, in one transaction. */
    private Changed change(long caseId, Change change) {
        Complaint[] complaint = new Complaint[1];
        ServiceCase c = cases.change(caseId, (em, sc) -> {
            Complaint k = Entities.require(em.find(Complaint.class, caseId), ENTITY, caseId);
            Map<String, Object> before = snapshot(k);
            change.apply(em, sc, k);
            em.flush();
            audit.record(em, ENTITY, caseId, before, snapshot(k));
            complaint[0] = k;
        });
        Events.post(events, Topics.CASE_CHANGED, caseId);
        return new Changed(c, complaint[0]);
    }

    static Map<String, Object> snapshot(Complaint k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", k.getCategory());
        m.put("severity", k.getSeverity());
        m.put("department", k.getDepartment());
        m.put("rootCause", k.getRootCause());
        m.put("compensation", k.getCompensation());
        m.put("compensationAmount", k.getCompensationAmount());
        m.put("compensationNote", k.getCompensationNote());
        m.put("verdict", k.getVerdict());
        m.put("verdictComment", k.getVerdictComment());
        m.put("closeReason", k.getCloseReason());
        m.put("followUpScore", k.getFollowUpScore());
        m.put("reopened", k.getReopened());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    @Override
    public Statistics statistics(LocalDate from, LocalDate to) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            int complaints = 0;
            int closed = 0;
            int reopened = 0;
            double follow = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN s.STATUS = 'CLOSED' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN k.REOPENED > 0 THEN 1 ELSE 0 END), AVG(CAST(k.FOLLOW_UP_SCORE AS DOUBLE PRECISION)) " + FROM)) {
                period(ps, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    complaints = rs.getInt(1);
                    closed = rs.getInt(2);
                    reopened = rs.getInt(3);
                    follow = rs.getDouble(4);
                }
            }
            return new Statistics(complaints, closed, reopened, follow, count(c, "k.CATEGORY", from, to),
                    count(c, "COALESCE(k.ROOT_CAUSE, '')", from, to), count(c, "k.DEPARTMENT", from, to),
                    count(c, "k.SEVERITY", from, to));
        });
    }

    private static final String FROM = "FROM COMPLAINT k JOIN SERVICE_CASE s ON s.ID = k.CASE_ID "
            + "WHERE s.CREATED_AT >= ? AND s.CREATED_AT < ?";

    /** Complaints per group, most frequent first; an empty group is a complaint without a root cause yet. */
    private static List<Count> count(Connection c, String group, LocalDate from, LocalDate to) throws SQLException {
        List<Count> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + group + ", COUNT(*), "
                + "SUM(CASE WHEN s.STATUS = 'CLOSED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN COALESCE(s.RESOLVED_AT, " + SqlClock.now() + ") > s.RESOLUTION_DUE THEN 1 ELSE 0 END) "
                + FROM + " GROUP BY " + group + " ORDER BY 2 DESC, 1")) {
            period(ps, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Count(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                }
            }
        }
        return out;
    }

    private static void period(PreparedStatement ps, LocalDate from, LocalDate to) throws SQLException {
        ps.setTimestamp(1, Timestamp.valueOf(from.atStartOfDay()));
        ps.setTimestamp(2, Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
    }
}
