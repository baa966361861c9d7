package org.guanxi.customer.care;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.CareOccasion;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Tier;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.CareService;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Care plans over the whole base with a few set-based queries: the candidates of each rule are read once, their
 * occasions computed in Java (lunar dates need the Chinese calendar), and the tasks not yet planned are written in
 * JDBC batches. A task is identified by customer, origin and due day, so planning an overlapping period again adds
 * nothing.
 */
@Component(service = CareService.class)
public class CareServiceImpl implements CareService {

    static final Texts TEXTS = Texts.of(CareServiceImpl.class);
    private static final int BATCH = 1_000;

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public CareServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public List<CareRule> rules() {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(CareServiceImpl::readRules);
    }

    private static List<CareRule> readRules(Connection c) throws SQLException {
        List<CareRule> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT OCCASION, ENABLED, LEAD_DAYS, TIERS, DAYS_AFTER FROM CARE_RULE ORDER BY ID")) {
            while (rs.next()) {
                Set<Tier> tiers = EnumSet.noneOf(Tier.class);
                Arrays.stream(rs.getString(4).split(",")).filter(t -> !t.isBlank()).map(Tier::valueOf).forEach(tiers::add);
                out.add(new CareRule(CareOccasion.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getInt(3), tiers, rs.getInt(5)));
            }
        }
        return out;
    }

    @Override
    public void saveRules(List<CareRule> rules) {
        security.check(Permission.CUSTOMER_WRITE);
        db.jdbcTransaction(c -> {
            java.util.Map<CareOccasion, CareRule> before = new java.util.EnumMap<>(CareOccasion.class);
            readRules(c).forEach(r -> before.put(r.occasion(), r));
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE CARE_RULE SET ENABLED = ?, LEAD_DAYS = ?, TIERS = ?, DAYS_AFTER = ? WHERE OCCASION = ?")) {
                for (CareRule r : rules) {
                    if (r.leadDays() < 0 || r.daysAfter() < 0) {
                        throw new IllegalArgumentException("Days must not be negative: " + r);
                    }
                    ps.setBoolean(1, r.enabled());
                    ps.setInt(2, r.leadDays());
                    ps.setString(3, r.tiers().stream().map(Enum::name).collect(Collectors.joining(",")));
                    ps.setInt(4, r.daysAfter());
                    ps.setString(5, r.occasion().name());
                    ps.executeUpdate();
                    // a rule is keyed by its occasion: its entries are under the occasion's position
                    audit.record(c, "CareRule", r.occasion().ordinal(), snapshot(before.get(r.occasion())), snapshot(r));
                }
            }
            return null;
        });
    }

    private static java.util.Map<String, Object> snapshot(CareRule r) {
        return r == null ? java.util.Map.of() : java.util.Map.of("occasion", r.occasion(), "enabled", r.enabled(),
                "leadDays", r.leadDays(), "tiers", r.tiers().stream().map(Enum::name).collect(Collectors.joining(",")),
                "daysAfter", r.daysAfter());
    }

    @Override
    public List<CareDate> upcoming(long customerId, LocalDate from, int days) {
        security.check(Permission.CUSTOMER_READ);
        LocalDate to = from.plusDays(days - 1L);
        List<CareDate> out = new ArrayList<>();
        db.jdbc(c -> {
            Map<CareOccasion, CareRule> rules = readRules(c).stream()
                    .collect(Collectors.toMap(CareRule::occasion, r -> r));
            for (CareOccasion kind : List.of(CareOccasion.BIRTHDAY, CareOccasion.KEY_DATE, CareOccasion.FOLLOW_UP)) {
                for (Occasion o : candidates(c, kind, customerId, from, to, rules.get(CareOccasion.FOLLOW_UP))) {
                    out.add(new CareDate(o.date(), o.occasion(), TEXTS.decode(o.title())));
                }
            }
            for (CareOccasion h : HOLIDAYS.keySet()) {
                for (LocalDate d : HOLIDAYS.get(h).between(from, to)) {
                    out.add(new CareDate(d, h, TEXTS.get("occasion." + h)));
                }
            }
            return null;
        });
        out.sort(Comparator.comparing(CareDate::date));
        return out;
    }

    private static final Map<CareOccasion, Holiday> HOLIDAYS = Map.of(CareOccasion.SPRING_FESTIVAL, Holiday.SPRING_FESTIVAL,
            CareOccasion.MID_AUTUMN, Holiday.MID_AUTUMN, CareOccasion.DRAGON_BOAT, Holiday.DRAGON_BOAT,
            CareOccasion.DOUBLE_NINTH, Holiday.DOUBLE_NINTH);

    /** An occasion of one customer: the day it falls on, and the task title (encoded message) it gives. */
    private record Occasion(long customerId, CareOccasion occasion, String origin, LocalDate date, String title) {
    }

    /**
     * Personal occasions from {@code from} to {@code to}: birthdays, key dates and follow-ups of deliveries, for one
     * customer or (customerId &lt; 0) for all.
     */
    private static List<Occasion> candidates(Connection c, CareOccasion kind, long customerId, LocalDate from, LocalDate to,
            CareRule followUp) throws SQLException {
        List<Occasion> out = new ArrayList<>();
        String one = customerId < 0 ? "" : " AND c.ID = " + customerId;
        switch (kind) {
            case BIRTHDAY -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT c.ID, c.NAME, c.BIRTHDAY FROM CUSTOMER c WHERE c.BIRTHDAY IS NOT NULL" + one)) {
                    while (rs.next()) {
                        LocalDate born = rs.getDate(3).toLocalDate();
                        for (LocalDate d : solarAnniversaries(born, from, to)) {
                            out.add(new Occasion(rs.getLong(1), kind, "care:BIRTHDAY", d,
                                    Texts.encode(200, "task.BIRTHDAY", rs.getString(2), d.getYear() - born.getYear())));
                        }
                    }
                }
            }
            case KEY_DATE -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.ID, c.NAME, k.ID, k.KIND, "
                        + "k.LABEL, k.EVENT_DATE, k.LUNAR FROM KEY_DATE k JOIN CUSTOMER c ON c.ID = k.CUSTOMER_ID WHERE 1 = 1" + one)) {
                    while (rs.next()) {
                        LocalDate first = rs.getDate(6).toLocalDate();
                        boolean lunar = rs.getBoolean(7);
                        List<LocalDate> days;
                        if (lunar) {
                            LunarCalendar.LunarDate l = LunarCalendar.of(first);
                            days = LunarCalendar.occurrences(l.month(), l.day(), from, to);
                        } else {
                            days = solarAnniversaries(first, from, to);
                        }
                        String label = rs.getString(5) == null || rs.getString(5).isBlank() ? "" : " · " + rs.getString(5).strip();
                        for (LocalDate d : days) {
                            out.add(new Occasion(rs.getLong(1), kind, "care:KEY_DATE:" + rs.getLong(3), d, Texts.encode(200,
                                    lunar ? "task.KEY_DATE.lunar" : "task.KEY_DATE", rs.getString(2), "@kind." + rs.getString(4),
                                    label, d.getYear() - first.getYear())));
                        }
                    }
                }
            }
            case FOLLOW_UP -> {
                int after = followUp == null ? 7 : followUp.daysAfter();
                try (PreparedStatement ps = c.prepareStatement("SELECT c.ID, c.NAME, o.ORDER_NO, o.DELIVERED_ON "
                        + "FROM SALES_ORDER o JOIN CUSTOMER c ON c.ID = o.CUSTOMER_ID "
                        + "WHERE o.DELIVERED_ON BETWEEN ? AND ?" + one)) {
                    ps.setDate(1, Date.valueOf(from.minusDays(after)));
                    ps.setDate(2, Date.valueOf(to.minusDays(after)));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            LocalDate delivered = rs.getDate(4).toLocalDate();
                            out.add(new Occasion(rs.getLong(1), kind, "care:FOLLOW_UP:" + rs.getString(3),
                                    delivered.plusDays(after), Texts.encode(200, "task.FOLLOW_UP", rs.getString(2),
                                            rs.getString(3), delivered)));
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return out;
    }

    /** The yearly returns of a Gregorian date in a period; 29 February is kept on 28 February in other years. */
    static List<LocalDate> solarAnniversaries(LocalDate first, LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        MonthDay md = MonthDay.from(first);
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            LocalDate d = md.isValidYear(y) ? md.atYear(y) : LocalDate.of(y, 2, 28);
            if (!d.isBefore(from) && !d.isAfter(to) && d.isAfter(first)) {
                out.add(d);
            }
        }
        return out;
    }

    @Override
    public int planTasks(LocalDate from, LocalDate to, IntConsumer progress) {
        security.check(Permission.CUSTOMER_WRITE);
        return db.jdbc(c -> {
            List<CareRule> rules = readRules(c).stream().filter(CareRule::enabled).toList();
            Map<Long, Tier> tiers = latestTiers(c);
            List<Occasion> due = new ArrayList<>();
            int step = 0;
            for (CareRule rule : rules) {
                // the occasion falls leadDays after the day its task is due
                LocalDate first = from.plusDays(rule.leadDays());
                LocalDate last = to.plusDays(rule.leadDays());
                List<Occasion> found = new ArrayList<>();
                if (HOLIDAYS.containsKey(rule.occasion())) {
                    for (LocalDate d : HOLIDAYS.get(rule.occasion()).between(first, last)) {
                        holidayOccasions(c, rule.occasion(), d, found);
                    }
                } else {
                    found.addAll(candidates(c, rule.occasion(), -1, first, last, rule));
                }
                for (Occasion o : found) {
                    if (rule.tiers().isEmpty() || rule.tiers().contains(tiers.get(o.customerId()))) {
                        due.add(new Occasion(o.customerId(), o.occasion(), o.origin(), o.date().minusDays(rule.leadDays()),
                                o.title()));
                    }
                }
                progress.accept(500 * ++step / Math.max(1, rules.size()));
            }
            return store(c, from, to, due, progress, audit);
        });
    }

    /** A holiday greets every customer (the rule's tiers narrow it down). */
    private static void holidayOccasions(Connection c, CareOccasion occasion, LocalDate day, List<Occasion> out)
            throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID, NAME FROM CUSTOMER")) {
            while (rs.next()) {
                out.add(new Occasion(rs.getLong(1), occasion, "care:" + occasion, day,
                        Texts.encode(200, "task." + occasion, rs.getString(2), day)));
            }
        }
    }

    /**
     * The latest analysis's tiers, for rules narrowed to tiers; without those who refused being chosen by computed
     * classes (PIPL Art. 24), whom only rules for every tier greet.
     */
    private static Map<Long, Tier> latestTiers(Connection c) throws SQLException {
        Map<Long, Tier> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v.CUSTOMER_ID, v.TIER FROM CUSTOMER_VALUE v "
                + "JOIN CUSTOMER c ON c.ID = v.CUSTOMER_ID AND c.PERSONALISED = TRUE "
                + "WHERE v.RUN_ID = (SELECT MAX(ID) FROM VALUE_RUN WHERE FINISHED_AT IS NOT NULL)")) {
            while (rs.next()) {
                out.put(rs.getLong(1), Tier.valueOf(rs.getString(2)));
            }
        }
        return out;
    }

    /** Writes the tasks not planned yet, with one audit row for the run (the job may plan tens of thousands). */
    private static int store(Connection c, LocalDate from, LocalDate to, List<Occasion> due, IntConsumer progress, AuditLog audit)
            throws SQLException {
        Set<String> planned = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT CUSTOMER_ID, ORIGIN, DUE_DATE FROM TASK WHERE DUE_DATE BETWEEN ? AND ?")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    planned.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getDate(3).toLocalDate());
                }
            }
        }
        c.setAutoCommit(false);
        int created = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO TASK (ID, VERSION, CUSTOMER_ID, ORIGIN, TITLE, DUE_DATE, "
                + "STATUS, ASSIGNEE, CREATED_AT) SELECT ?, 1, ID, ?, ?, ?, 'OPEN', OWNER_LOGIN, ? FROM CUSTOMER WHERE ID = ?")) {
            IdBlock ids = new IdBlock(c);
            Timestamp now = Timestamp.from(AppClock.now());
            long first = -1;
            long last = -1;
            for (Occasion o : due) {
                if (!planned.add(o.customerId() + "|" + o.origin() + "|" + o.date())) {
                    continue;
                }
                last = ids.next();
                first = first < 0 ? last : first;
                ps.setLong(1, last);
                ps.setString(2, o.origin());
                ps.setString(3, o.title());
                ps.setDate(4, Date.valueOf(o.date()));
                ps.setTimestamp(5, now);
                ps.setLong(6, o.customerId());
                ps.addBatch();
                if (++created % BATCH == 0) {
                    ps.executeBatch();
                    progress.accept(500 + (int) (500L * created / due.size()));
                }
            }
            ps.executeBatch();
            if (created > 0) {
                audit.record(c, "CarePlan", first, Map.of(), Map.of("period", from + "–" + to, "tasks", created,
                        "ids", first + "–" + last));
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        progress.accept(1000);
        return created;
    }
}
