package org.guanxi.customer.account;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.Permission;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.KeyAccountService;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.guanxi.core.event.Events;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/** Key-account plans, teams and reviews in plain JDBC; a review's follow-up is a task like the care tasks. */
@Component(service = KeyAccountService.class)
public class KeyAccountServiceImpl implements KeyAccountService {

    /** A new plan proposes a quarterly review. */
    static final int DEFAULT_REVIEW_DAYS = 90;
    static final String TASK_ORIGIN = "account:review";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public KeyAccountServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Account account(long customerId) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            requireCustomer(c, customerId);
            Plan plan = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT PLAN_YEAR, OBJECTIVES, STRATEGY, TARGET_REVENUE, REVIEW_EVERY_DAYS, "
                    + "NEXT_REVIEW, VERSION FROM ACCOUNT_PLAN WHERE CUSTOMER_ID = ?")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Date next = rs.getDate(6);
                        plan = new Plan(customerId, rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getInt(5),
                                next == null ? null : next.toLocalDate(), rs.getLong(7));
                    }
                }
            }
            boolean planned = plan != null;
            if (!planned) {
                plan = new Plan(customerId, AppClock.today().getYear(), null, null, null, DEFAULT_REVIEW_DAYS, null, 0);
            }
            return new Account(plan, planned, team(c, customerId), reviews(c, customerId), revenue(c, customerId, plan.year()));
        });
    }

    private static List<Member> team(Connection c, long customerId) throws SQLException {
        List<Member> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, USER_LOGIN, TEAM_ROLE FROM ACCOUNT_TEAM WHERE CUSTOMER_ID = ? ORDER BY TEAM_ROLE, USER_LOGIN")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Member(rs.getLong(1), rs.getString(2), TeamRole.valueOf(rs.getString(3))));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Member::role).thenComparing(Member::user));
        return out;
    }

    private static List<Review> reviews(Connection c, long customerId) throws SQLException {
        List<Review> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, REVIEWED_ON, REVIEWER, FINDINGS, NEXT_STEPS FROM ACCOUNT_REVIEW "
                + "WHERE CUSTOMER_ID = ? ORDER BY REVIEWED_ON DESC, ID DESC")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Review(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** Net revenue (returns subtracted, cancellations left out) of the plan year. */
    private static BigDecimal revenue(Connection c, long customerId, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(TOTAL), 0) FROM SALES_ORDER WHERE CUSTOMER_ID = ? "
                + "AND STATUS <> 'CANCELLED' AND ORDER_DATE >= ? AND ORDER_DATE < ?")) {
            ps.setLong(1, customerId);
            ps.setDate(2, Date.valueOf(LocalDate.of(year, 1, 1)));
            ps.setDate(3, Date.valueOf(LocalDate.of(year + 1, 1, 1)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    @Override
    public Plan savePlan(Plan plan) {
        security.check(Permission.CUSTOMER_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (plan.year() < 2000 || plan.year() > 2100) {
            errors.add(new FieldError("plan.year", "error.param.range", 2000, 2100));
        }
        if (plan.targetRevenue() != null && plan.targetRevenue().signum() < 0) {
            errors.add(new FieldError("plan.target", "error.param.range", 0, "∞"));
        }
        if (plan.reviewEveryDays() < 7 || plan.reviewEveryDays() > 366) {
            errors.add(new FieldError("plan.reviewEveryDays", "error.param.range", 7, 366));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Plan saved = db.jdbcTransaction(c -> {
            requireCustomer(c, plan.customerId());
            Map<String, Object> before = storedPlan(c, plan.customerId());
            LocalDate next = plan.nextReview() != null ? plan.nextReview() : AppClock.today().plusDays(plan.reviewEveryDays());
            String user = security.currentUser();
            Timestamp now = Timestamp.from(AppClock.now());
            if (plan.version() == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ACCOUNT_PLAN (ID, VERSION, CUSTOMER_ID, PLAN_YEAR, OBJECTIVES, "
                        + "STRATEGY, TARGET_REVENUE, REVIEW_EVERY_DAYS, NEXT_REVIEW, UPDATED_AT, USER_LOGIN) "
                        + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, new IdBlock(c).next());
                    ps.setLong(2, plan.customerId());
                    bindPlan(ps, 3, plan, next, now, user);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) { // planned by someone else meanwhile
                        throw new ConflictException(e);
                    }
                    throw e;
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE ACCOUNT_PLAN SET PLAN_YEAR = ?, OBJECTIVES = ?, STRATEGY = ?, "
                        + "TARGET_REVENUE = ?, REVIEW_EVERY_DAYS = ?, NEXT_REVIEW = ?, UPDATED_AT = ?, USER_LOGIN = ?, "
                        + "VERSION = VERSION + 1 WHERE CUSTOMER_ID = ? AND VERSION = ?")) {
                    bindPlan(ps, 1, plan, next, now, user);
                    ps.setLong(9, plan.customerId());
                    ps.setLong(10, plan.version());
                    if (ps.executeUpdate() == 0) {
                        throw new ConflictException(null);
                    }
                }
            }
            scheduleReview(c, plan.customerId(), next);
            // a plan is the customer's (one per key account): its entries are under the customer's id
            audit.record(c, "AccountPlan", plan.customerId(), before, storedPlan(c, plan.customerId()));
            return new Plan(plan.customerId(), plan.year(), plan.objectives(), plan.strategy(), plan.targetRevenue(),
                    plan.reviewEveryDays(), next, plan.version() + 1);
        });
        Events.post(events, Topics.CUSTOMER_CHANGED, plan.customerId());
        return saved;
    }

    /** The stored plan as the audit trail shows it; empty when there is none. */
    private static Map<String, Object> storedPlan(Connection c, long customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT PLAN_YEAR, OBJECTIVES, STRATEGY, TARGET_REVENUE, "
                + "REVIEW_EVERY_DAYS, NEXT_REVIEW FROM ACCOUNT_PLAN WHERE CUSTOMER_ID = ?")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Map.of();
                }
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("year", rs.getInt(1));
                m.put("objectives", rs.getString(2));
                m.put("strategy", rs.getString(3));
                m.put("targetRevenue", rs.getBigDecimal(4));
                m.put("reviewEveryDays", rs.getInt(5));
                m.put("nextReview", rs.getDate(6));
                return m;
            }
        }
    }

    private static void bindPlan(PreparedStatement ps, int from, Plan plan, LocalDate next, Timestamp now, String user) throws SQLException {
        ps.setInt(from, plan.year());
        ps.setString(from + 1, blankToNull(plan.objectives()));
        ps.setString(from + 2, blankToNull(plan.strategy()));
        if (plan.targetRevenue() == null) {
            ps.setNull(from + 3, Types.DECIMAL);
        } else {
            ps.setBigDecimal(from + 3, plan.targetRevenue());
        }
        ps.setInt(from + 4, plan.reviewEveryDays());
        ps.setDate(from + 5, Date.valueOf(next));
        ps.setTimestamp(from + 6, now);
        ps.setString(from + 7, user);
    }

    @Override
    public Member addMember(long customerId, String user, TeamRole role) {
        security.check(Permission.CUSTOMER_WRITE);
        if (user == null || user.isBlank()) {
            throw new ValidationException(List.of(new FieldError("team.user", "error.required")));
        }
        return db.jdbcTransaction(c -> {
            requireCustomer(c, customerId);
            long id = new IdBlock(c).next();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ACCOUNT_TEAM (ID, VERSION, CUSTOMER_ID, USER_LOGIN, TEAM_ROLE) VALUES (?, 1, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, customerId);
                ps.setString(3, user.strip());
                ps.setString(4, role.name());
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new ValidationException(List.of(new FieldError("team.user", "error.teamTwice", user.strip())));
                }
                throw e;
            }
            audit.record(c, "AccountTeam", id, Map.of(), Map.of("customerId", customerId, "user", user.strip(), "role", role));
            return new Member(id, user.strip(), role);
        });
    }

    @Override
    public void removeMember(long memberId) {
        security.check(Permission.CUSTOMER_WRITE);
        db.jdbcTransaction(c -> {
            Map<String, Object> before = Map.of();
            try (PreparedStatement ps = c.prepareStatement("SELECT CUSTOMER_ID, USER_LOGIN, TEAM_ROLE FROM ACCOUNT_TEAM WHERE ID = ?")) {
                ps.setLong(1, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        before = Map.of("customerId", rs.getLong(1), "user", rs.getString(2), "role", rs.getString(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ACCOUNT_TEAM WHERE ID = ?")) {
                ps.setLong(1, memberId);
                ps.executeUpdate();
            }
            if (!before.isEmpty()) {
                audit.record(c, "AccountTeam", memberId, before, Map.of());
            }
            return null;
        });
    }

    @Override
    public Review recordReview(long customerId, LocalDate on, String findings, String nextSteps) {
        security.check(Permission.CUSTOMER_WRITE);
        if (findings == null || findings.isBlank()) {
            throw new ValidationException(List.of(new FieldError("review.findings", "error.required")));
        }
        if (on.isAfter(AppClock.today())) {
            throw new ValidationException(List.of(new FieldError("review.date", "error.reviewFuture")));
        }
        Review review = db.jdbcTransaction(c -> {
            requireCustomer(c, customerId);
            long id = new IdBlock(c).next();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ACCOUNT_REVIEW (ID, VERSION, CUSTOMER_ID, REVIEWED_ON, REVIEWER, "
                    + "FINDINGS, NEXT_STEPS) VALUES (?, 1, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, customerId);
                ps.setDate(3, Date.valueOf(on));
                ps.setString(4, security.currentUser());
                ps.setString(5, findings.strip());
                ps.setString(6, blankToNull(nextSteps));
                ps.executeUpdate();
            }
            Map<String, Object> recorded = new java.util.LinkedHashMap<>();
            recorded.put("customerId", customerId);
            recorded.put("reviewedOn", on);
            recorded.put("findings", findings.strip());
            recorded.put("nextSteps", blankToNull(nextSteps));
            audit.record(c, "AccountReview", id, Map.of(), recorded);
            int every = DEFAULT_REVIEW_DAYS;
            try (PreparedStatement ps = c.prepareStatement("SELECT REVIEW_EVERY_DAYS FROM ACCOUNT_PLAN WHERE CUSTOMER_ID = ?")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        every = rs.getInt(1);
                    }
                }
            }
            LocalDate next = on.plusDays(every);
            try (PreparedStatement ps = c.prepareStatement("UPDATE ACCOUNT_PLAN SET NEXT_REVIEW = ?, VERSION = VERSION + 1 WHERE CUSTOMER_ID = ?")) {
                ps.setDate(1, Date.valueOf(next));
                ps.setLong(2, customerId);
                ps.executeUpdate();
            }
            // the review that was due is done
            try (PreparedStatement ps = c.prepareStatement("UPDATE TASK SET STATUS = 'DONE', DONE_AT = ? WHERE CUSTOMER_ID = ? "
                    + "AND ORIGIN = ? AND STATUS = 'OPEN' AND DUE_DATE <= ?")) {
                ps.setTimestamp(1, Timestamp.from(AppClock.now()));
                ps.setLong(2, customerId);
                ps.setString(3, TASK_ORIGIN);
                ps.setDate(4, Date.valueOf(next.minusDays(1)));
                ps.executeUpdate();
            }
            scheduleReview(c, customerId, next);
            return new Review(id, on, security.currentUser(), findings.strip(), blankToNull(nextSteps));
        });
        Events.post(events, Topics.CUSTOMER_CHANGED, customerId);
        return review;
    }

    /** The open review task on {@code next}; a task for another day that is still open moves there. */
    private static void scheduleReview(Connection c, long customerId, LocalDate next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM TASK WHERE CUSTOMER_ID = ? AND ORIGIN = ? AND STATUS = 'OPEN'")) {
            ps.setLong(1, customerId);
            ps.setString(2, TASK_ORIGIN);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO TASK (ID, VERSION, CUSTOMER_ID, ORIGIN, TITLE, DUE_DATE, STATUS, "
                + "ASSIGNEE, CREATED_AT) SELECT ?, 1, ID, ?, ?, ?, 'OPEN', OWNER_LOGIN, ? FROM CUSTOMER WHERE ID = ? "
                + "AND NOT EXISTS (SELECT 1 FROM TASK WHERE CUSTOMER_ID = ? AND ORIGIN = ? AND DUE_DATE = ?)")) {
            String name;
            try (PreparedStatement n = c.prepareStatement("SELECT NAME FROM CUSTOMER WHERE ID = ?")) {
                n.setLong(1, customerId);
                try (ResultSet rs = n.executeQuery()) {
                    rs.next();
                    name = rs.getString(1);
                }
            }
            ps.setLong(1, new IdBlock(c).next());
            ps.setString(2, TASK_ORIGIN);
            ps.setString(3, Texts.encode(200, "task.ACCOUNT_REVIEW", name));
            ps.setDate(4, Date.valueOf(next));
            ps.setTimestamp(5, Timestamp.from(AppClock.now()));
            ps.setLong(6, customerId);
            ps.setLong(7, customerId);
            ps.setString(8, TASK_ORIGIN);
            ps.setDate(9, Date.valueOf(next));
            ps.executeUpdate();
        }
    }

    @Override
    public List<DueReview> reviewsDue(LocalDate until) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            List<DueReview> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.ID, c.CODE, c.NAME, p.NEXT_REVIEW FROM ACCOUNT_PLAN p "
                    + "JOIN CUSTOMER c ON c.ID = p.CUSTOMER_ID WHERE p.NEXT_REVIEW <= ? ORDER BY p.NEXT_REVIEW, c.NAME_KEY")) {
                ps.setDate(1, Date.valueOf(until));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DueReview(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<String> knownUsers() {
        security.check(Permission.CUSTOMER_READ);
        // the users of the system; owners named only on customers would need a scan of every customer (no index)
        return db.jdbc(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT LOGIN FROM APP_USER WHERE ACTIVE = TRUE ORDER BY LOGIN")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static void requireCustomer(Connection c, long customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM CUSTOMER WHERE ID = ?")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("Customer", customerId);
                }
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
