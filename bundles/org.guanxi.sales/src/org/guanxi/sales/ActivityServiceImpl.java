package org.guanxi.sales;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Activity;
import org.guanxi.core.model.ActivityKind;
import org.guanxi.core.model.ActivityStatus;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Interaction;
import org.guanxi.core.model.Permission;
import org.guanxi.sales.api.ActivityService;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;

/** Activities: checked and audited writes through JPA; the calendar as one SQL read with the care tasks beside it. */
@Component(service = ActivityService.class)
public class ActivityServiceImpl implements ActivityService {

    static final String ENTITY = "Activity";

    /** The calendar's columns; the about text is the customer, then the deal, else the lead. */
    private static final String SELECT = "SELECT a.ID, a.VERSION, a.KIND, a.SUBJECT, a.STARTS_AT, a.ENDS_AT, a.ALL_DAY, "
            + "c.NAME, o.NAME, COALESCE(l.COMPANY, l.PERSON_NAME), a.OWNER_LOGIN, a.STATUS FROM ACTIVITY a "
            + "LEFT JOIN CUSTOMER c ON c.ID = a.CUSTOMER_ID LEFT JOIN OPPORTUNITY o ON o.ID = a.OPPORTUNITY_ID "
            + "LEFT JOIN SALES_LEAD l ON l.ID = a.LEAD_ID ";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ActivityServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public List<Entry> calendar(LocalDate from, LocalDate to, Filter filter) {
        security.check(Permission.CUSTOMER_READ);
        LocalDateTime now = AppClock.localNow();
        String owner = filter == null ? null : filter.owner();
        return db.jdbc(c -> {
            List<Entry> entries = new ArrayList<>();
            // an entry overlaps the days when it starts before their end and ends (or, without an end, starts) in or after them
            String sql = SELECT + "WHERE a.STARTS_AT < ? AND COALESCE(a.ENDS_AT, a.STARTS_AT) >= ? AND a.STATUS <> 'CANCELLED'"
                    + (owner == null ? "" : " AND (a.OWNER_LOGIN = ? OR ',' || a.PARTICIPANTS || ',' LIKE ?)")
                    + " ORDER BY a.STARTS_AT, a.ID";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
                ps.setTimestamp(2, Timestamp.valueOf(from.atStartOfDay()));
                if (owner != null) {
                    ps.setString(3, owner);
                    ps.setString(4, "%," + owner + ",%");
                }
                read(ps, now, entries);
            }
            careTasks(c, from, to, owner, now, entries);
            entries.sort(Comparator.comparing(Entry::start).thenComparing(e -> !e.allDay()).thenComparing(Entry::id));
            return entries;
        });
    }

    /** Open customer-care tasks due in the period, as all-day tasks of their assignee (else the customer's owner). */
    private static void careTasks(Connection c, LocalDate from, LocalDate to, String owner, LocalDateTime now,
            List<Entry> entries) throws SQLException {
        String sql = "SELECT t.ID, t.VERSION, t.TITLE, t.DUE_DATE, c.NAME, COALESCE(t.ASSIGNEE, c.OWNER_LOGIN) "
                + "FROM TASK t JOIN CUSTOMER c ON c.ID = t.CUSTOMER_ID WHERE t.DUE_DATE BETWEEN ? AND ? AND t.STATUS = 'OPEN'"
                + (owner == null ? "" : " AND COALESCE(t.ASSIGNEE, c.OWNER_LOGIN) = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, java.sql.Date.valueOf(from));
            ps.setDate(2, java.sql.Date.valueOf(to));
            if (owner != null) {
                ps.setString(3, owner);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate due = rs.getDate(4).toLocalDate();
                    entries.add(new Entry(Source.CARE_TASK, rs.getLong(1), rs.getLong(2), ActivityKind.TASK, rs.getString(3),
                            due.atStartOfDay(), null, true, rs.getString(5), rs.getString(6), ActivityStatus.PLANNED,
                            due.isBefore(now.toLocalDate())));
                }
            }
        }
    }

    private static void read(PreparedStatement ps, LocalDateTime now, List<Entry> entries) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                LocalDateTime start = rs.getTimestamp(5).toLocalDateTime();
                Timestamp endTs = rs.getTimestamp(6);
                LocalDateTime end = endTs == null ? null : endTs.toLocalDateTime();
                boolean allDay = rs.getBoolean(7);
                ActivityStatus status = ActivityStatus.valueOf(rs.getString(12));
                LocalDateTime due = allDay ? (end == null ? start : end).toLocalDate().plusDays(1).atStartOfDay()
                        : end == null ? start : end;
                entries.add(new Entry(Source.ACTIVITY, rs.getLong(1), rs.getLong(2), ActivityKind.valueOf(rs.getString(3)),
                        rs.getString(4), start, end, allDay, about(rs.getString(8), rs.getString(9), rs.getString(10)),
                        rs.getString(11), status, status == ActivityStatus.PLANNED && due.isBefore(now)));
            }
        }
    }

    private static String about(String customer, String opportunity, String lead) {
        if (customer != null) {
            return opportunity == null ? customer : customer + " · " + opportunity;
        }
        return opportunity != null ? opportunity : lead == null ? "" : lead;
    }

    @Override
    public Activity save(Activity input) {
        security.check(Permission.SALES_WRITE);
        Checks.throwIfAny(validate(input));
        Activity saved = db.inTransaction(em -> {
            Activity a;
            Map<String, Object> before;
            if (input.isNew()) {
                a = input;
                before = Map.of();
                if (a.getOwner() == null || a.getOwner().isBlank()) {
                    a.setOwner(security.currentUser());
                }
                em.persist(a);
            } else {
                a = current(em, input.getId(), input.getVersion());
                before = snapshot(a);
                if (!java.util.Objects.equals(a.getRemindAt(), input.getRemindAt())) {
                    a.setRemindedAt(null);
                }
                copy(input, a);
            }
            em.flush();
            audit.record(em, ENTITY, a.getId(), before, snapshot(a));
            return a;
        });
        Events.post(events, Topics.ACTIVITY_CHANGED, saved.getId());
        return saved;
    }

    private static void copy(Activity from, Activity to) {
        to.setKind(from.getKind());
        to.setSubject(from.getSubject());
        to.setStartsAt(from.getStartsAt());
        to.setEndsAt(from.getEndsAt());
        to.setAllDay(from.isAllDay());
        to.setLocation(from.getLocation());
        to.setCustomerId(from.getCustomerId());
        to.setContactId(from.getContactId());
        to.setOpportunityId(from.getOpportunityId());
        to.setLeadId(from.getLeadId());
        if (from.getOwner() != null && !from.getOwner().isBlank()) {
            to.setOwner(from.getOwner());
        }
        to.setParticipants(from.getParticipants());
        to.setNotes(from.getNotes());
        to.setRemindAt(from.getRemindAt());
    }

    static List<FieldError> validate(Activity a) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "kind", a.getKind());
        Checks.required(errors, "subject", a.getSubject(), 200);
        Checks.required(errors, "startsAt", a.getStartsAt());
        if (a.getStartsAt() != null && a.getEndsAt() != null && a.getEndsAt().isBefore(a.getStartsAt())) {
            errors.add(new FieldError("endsAt", "error.endBeforeStart"));
        }
        Checks.maxLength(errors, "location", a.getLocation(), 200);
        Checks.maxLength(errors, "participants", a.getParticipants(), 400);
        Checks.maxLength(errors, "notes", a.getNotes(), 2000);
        return errors;
    }

    @Override
    public Activity get(long id) {
        security.check(Permission.CUSTOMER_READ);
        return Entities.require(db.read(em -> em.find(Activity.class, id)), ENTITY, id);
    }

    @Override
    public Activity complete(long id, long version, String outcome) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.maxLength(errors, "outcome", outcome, 2000);
        Checks.throwIfAny(errors);
        String user = security.currentUser();
        Activity done = change(id, version, a -> {
            a.setStatus(ActivityStatus.DONE);
            a.setOutcome(outcome == null || outcome.isBlank() ? null : outcome.strip());
        }, (em, a) -> {
            ActivityKind kind = a.getKind();
            if (a.getCustomerId() != null && kind.channel() != null) {
                Interaction i = new Interaction();
                i.setCustomer(em.find(Customer.class, a.getCustomerId()));
                i.setChannel(kind.channel());
                i.setSubject(a.getSubject());
                i.setNotes(a.getOutcome());
                // when it took place: its start, unless it is marked done ahead of time
                Instant start = a.getStartsAt().atZone(AppClock.zone()).toInstant();
                i.setOccurredAt(start.isAfter(AppClock.now()) ? AppClock.now() : start);
                i.setUser(user);
                em.persist(i);
                em.flush();
                a.setInteractionId(i.getId());
            }
        });
        if (done.getInteractionId() != null) {
            Events.post(events, Topics.INTERACTION_LOGGED, done.getCustomerId());
        }
        return done;
    }

    @Override
    public Activity cancel(long id, long version, String reason) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.maxLength(errors, "reason", reason, 2000);
        Checks.throwIfAny(errors);
        return change(id, version, a -> {
            a.setStatus(ActivityStatus.CANCELLED);
            a.setOutcome(reason == null || reason.isBlank() ? null : reason.strip());
        }, null);
    }

    @Override
    public Activity move(long id, long version, LocalDateTime start) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "startsAt", start);
        Checks.throwIfAny(errors);
        return change(id, version, a -> {
            Duration shift = Duration.between(a.getStartsAt(), start);
            a.setStartsAt(start);
            if (a.getEndsAt() != null) {
                a.setEndsAt(a.getEndsAt().plus(shift));
            }
            // the reminder keeps its distance from the start and comes again
            if (a.getRemindAt() != null) {
                a.setRemindAt(a.getRemindAt().plus(shift));
                a.setRemindedAt(null);
            }
        }, null);
    }

    /** A change of a planned activity, checked against its version, audited and announced. */
    private Activity change(long id, long version, java.util.function.Consumer<Activity> edit,
            java.util.function.BiConsumer<EntityManager, Activity> after) {
        Activity changed = db.inTransaction(em -> {
            Activity a = current(em, id, version);
            if (a.getStatus() != ActivityStatus.PLANNED) {
                throw new ValidationException(List.of(new FieldError("status", "error.activityClosed", a.getSubject())));
            }
            Map<String, Object> before = snapshot(a);
            edit.accept(a);
            if (after != null) {
                after.accept(em, a);
            }
            em.flush();
            audit.record(em, ENTITY, a.getId(), before, snapshot(a));
            return a;
        });
        Events.post(events, Topics.ACTIVITY_CHANGED, id);
        return changed;
    }

    @Override
    public List<Entry> ofOpportunity(long opportunityId) {
        security.check(Permission.CUSTOMER_READ);
        LocalDateTime now = AppClock.localNow();
        return db.jdbc(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE a.OPPORTUNITY_ID = ? ORDER BY a.STARTS_AT DESC, a.ID DESC")) {
                ps.setLong(1, opportunityId);
                read(ps, now, entries);
            }
            return entries;
        });
    }

    @Override
    public List<Entry> dueReminders(LocalDateTime now) {
        security.check(Permission.CUSTOMER_READ);
        String user = security.currentUser();
        return db.jdbc(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE a.OWNER_LOGIN = ? AND a.STATUS = 'PLANNED' "
                    + "AND a.REMIND_AT <= ? AND a.REMINDED_AT IS NULL ORDER BY a.STARTS_AT, a.ID")) {
                ps.setString(1, user);
                ps.setTimestamp(2, Timestamp.valueOf(now));
                read(ps, now, entries);
            }
            return entries;
        });
    }

    @Override
    public void dismissReminder(long id) {
        security.check(Permission.CUSTOMER_READ);
        db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ACTIVITY SET REMINDED_AT = ? WHERE ID = ?")) {
                ps.setTimestamp(1, Timestamp.from(AppClock.now()));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Activity current(EntityManager em, long id, long version) {
        return Entities.current(em, Activity.class, ENTITY, id, version);
    }

    private static Map<String, Object> snapshot(Activity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.getKind());
        m.put("subject", a.getSubject());
        m.put("startsAt", a.getStartsAt());
        m.put("endsAt", a.getEndsAt());
        m.put("allDay", a.isAllDay());
        m.put("location", a.getLocation());
        m.put("customerId", a.getCustomerId());
        m.put("opportunityId", a.getOpportunityId());
        m.put("leadId", a.getLeadId());
        m.put("owner", a.getOwner());
        m.put("participants", a.getParticipants());
        m.put("status", a.getStatus());
        m.put("outcome", a.getOutcome());
        m.put("remindAt", a.getRemindAt());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }
}
