package org.guanxi.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.AppSettings;
import org.guanxi.core.db.Database;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.ChurnReason;
import org.guanxi.core.model.ChurnType;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Tier;
import org.guanxi.core.model.WinBackStatus;
import org.guanxi.core.service.ChurnService;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.TaskService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The churn rules over one aggregate of every customer's orders, on JDBC; win-backs with their tasks. */
@Component(service = ChurnService.class)
public class ChurnServiceImpl implements ChurnService {

    private static final String SETTINGS = "churn.";
    private static final String BOUGHT = "('CONFIRMED', 'DELIVERED', 'INVOICED')";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private final TaskService tasks;

    @Activate
    public ChurnServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit,
            @Reference TaskService tasks) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.tasks = tasks;
    }

    @Override
    public Rules rules() {
        Map<String, String> s = db.jdbc(c -> AppSettings.read(c, SETTINGS));
        Rules d = Rules.defaults();
        return new Rules(Double.parseDouble(s.getOrDefault("silenceFactor", String.valueOf(d.silenceFactor()))),
                Integer.parseInt(s.getOrDefault("minOrders", String.valueOf(d.minOrders()))),
                Double.parseDouble(s.getOrDefault("spendDrop", String.valueOf(d.spendDrop()))),
                Integer.parseInt(s.getOrDefault("complaintDays", String.valueOf(d.complaintDays()))));
    }

    @Override
    public void saveRules(Rules r) {
        security.check(Permission.SERVICE_ADMIN);
        List<FieldError> errors = new ArrayList<>();
        if (!(r.silenceFactor() >= 1 && r.silenceFactor() <= 10)) {
            errors.add(new FieldError("silenceFactor", "error.param.range", 1, 10));
        }
        if (r.minOrders() < 2 || r.minOrders() > 50) {
            errors.add(new FieldError("minOrders", "error.param.range", 2, 50));
        }
        if (!(r.spendDrop() > 0 && r.spendDrop() < 1)) {
            errors.add(new FieldError("spendDrop", "error.param.range", 0, 1));
        }
        if (r.complaintDays() < 1 || r.complaintDays() > 365) {
            errors.add(new FieldError("complaintDays", "error.param.range", 1, 365));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("silenceFactor", r.silenceFactor());
        values.put("minOrders", r.minOrders());
        values.put("spendDrop", r.spendDrop());
        values.put("complaintDays", r.complaintDays());
        db.jdbcTransaction(c -> {
            AppSettings.write(c, audit, "ChurnRules", SETTINGS, values, security.currentUser());
            return null;
        });
    }

    @Override
    public List<Risk> identify(LocalDate asOf) {
        security.check(Permission.CUSTOMER_READ);
        Rules rules = rules();
        return db.jdbc(c -> identify(c, rules, asOf));
    }

    private static List<Risk> identify(Connection c, Rules rules, LocalDate asOf) throws SQLException {
        Map<Long, Integer> complaints = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CUSTOMER_ID, COUNT(*) FROM SERVICE_CASE WHERE KIND = 'COMPLAINT' "
                + "AND STATUS IN ('OPEN', 'IN_PROGRESS', 'WAITING_CUSTOMER') AND OPENED_AT < ? GROUP BY CUSTOMER_ID")) {
            ps.setTimestamp(1, Timestamp.valueOf(asOf.minusDays(rules.complaintDays()).atStartOfDay()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    complaints.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        List<Risk> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.ID, c.CODE, c.NAME, " + tierOf("c.ID") + ", o.N, o.FIRST_DAY, "
                + "o.LAST_DAY, o.RECENT, o.BEFORE FROM CUSTOMER c JOIN (SELECT CUSTOMER_ID, COUNT(*) AS N, MIN(ORDER_DATE) AS FIRST_DAY, "
                + "MAX(ORDER_DATE) AS LAST_DAY, SUM(CASE WHEN ORDER_DATE > ? THEN TOTAL ELSE 0 END) AS RECENT, "
                + "SUM(CASE WHEN ORDER_DATE > ? AND ORDER_DATE <= ? THEN TOTAL ELSE 0 END) AS BEFORE FROM SALES_ORDER "
                + "WHERE STATUS IN " + BOUGHT + " AND ORDER_DATE <= ? GROUP BY CUSTOMER_ID) o ON o.CUSTOMER_ID = c.ID")) {
            Date sixMonths = Date.valueOf(asOf.minusMonths(6));
            ps.setDate(1, sixMonths);
            ps.setDate(2, Date.valueOf(asOf.minusMonths(12)));
            ps.setDate(3, sixMonths);
            ps.setDate(4, Date.valueOf(asOf));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    int orders = rs.getInt(5);
                    LocalDate first = rs.getDate(6).toLocalDate();
                    LocalDate last = rs.getDate(7).toLocalDate();
                    BigDecimal recent = rs.getBigDecimal(8);
                    BigDecimal before = rs.getBigDecimal(9);
                    int interval = orders < 2 ? 0 : (int) (ChronoUnit.DAYS.between(first, last) / (orders - 1));
                    int silent = (int) ChronoUnit.DAYS.between(last, asOf);
                    Set<ChurnReason> reasons = EnumSet.noneOf(ChurnReason.class);
                    // a usual interval of under a week (several orders on one day) is no rhythm to measure silence by
                    if (orders >= rules.minOrders() && silent > rules.silenceFactor() * Math.max(interval, 7)) {
                        reasons.add(ChurnReason.SILENT);
                    }
                    if (before.signum() > 0 && recent.compareTo(before.multiply(BigDecimal.valueOf(1 - rules.spendDrop()))) < 0) {
                        reasons.add(ChurnReason.FALLING_SPEND);
                    }
                    int open = complaints.getOrDefault(id, 0);
                    if (open > 0) {
                        reasons.add(ChurnReason.UNRESOLVED_COMPLAINT);
                    }
                    if (!reasons.isEmpty()) {
                        out.add(new Risk(id, rs.getString(2), rs.getString(3), Tier.valueOf(rs.getString(4)), reasons,
                                ChurnType.of(reasons), last, interval, silent, recent, before, open));
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt(Risk::daysSilent).reversed().thenComparing(Risk::code));
        return out;
    }

    @Override
    public int generateWinBacks(LocalDate asOf) {
        security.check(Permission.SERVICE_WRITE);
        Rules rules = rules();
        return db.jdbcTransaction(c -> {
            // the customer bought again since the win-back began: won back
            List<Long> won = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT w.ID FROM WIN_BACK w WHERE STATUS = 'OPEN' AND EXISTS (SELECT 1 "
                    + "FROM SALES_ORDER o WHERE o.CUSTOMER_ID = w.CUSTOMER_ID AND o.STATUS IN " + BOUGHT
                    + " AND o.ORDER_DATE >= w.IDENTIFIED_ON)"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    won.add(rs.getLong(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE WIN_BACK SET STATUS = 'WON_BACK', CLOSED_ON = ?, "
                    + "NOTE = 'ordered again' WHERE ID = ? AND STATUS = 'OPEN'")) {
                for (long id : won) {
                    ps.setDate(1, Date.valueOf(asOf));
                    ps.setLong(2, id);
                    ps.executeUpdate();
                    audit.record(c, "WinBack", id, Map.of("status", WinBackStatus.OPEN),
                            Map.of("status", WinBackStatus.WON_BACK, "note", "ordered again"));
                }
            }
            // no second win-back beside an open one; none for who refused being approached on a computed risk (PIPL Art. 24)
            Set<Long> open = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CUSTOMER_ID FROM WIN_BACK WHERE STATUS = 'OPEN' "
                    + "UNION SELECT ID FROM CUSTOMER WHERE PERSONALISED = FALSE");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getLong(1));
                }
            }
            int opened = 0;
            try (PreparedStatement win = c.prepareStatement("INSERT INTO WIN_BACK (CUSTOMER_ID, IDENTIFIED_ON, REASONS, "
                    + "CHURN_TYPE, TASK_ID, STATUS) VALUES (?, ?, ?, ?, ?, 'OPEN')", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                for (Risk r : identify(c, rules, asOf)) {
                    if (open.contains(r.customerId())) {
                        continue;
                    }
                    String reasons = r.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
                    // translated when shown (the task list decodes the key and its @-arguments)
                    long taskId = tasks.plan(c, r.customerId(), "winback:" + asOf, Texts.encode(200, "task.winback",
                            "@churnType." + r.type().name(), r.reasons().stream().map(x -> "@churnReason." + x.name()).findFirst()
                                    .orElse("")), asOf.plusDays(3));
                    win.setLong(1, r.customerId());
                    win.setDate(2, Date.valueOf(asOf));
                    win.setString(3, reasons);
                    win.setString(4, r.type().name());
                    win.setLong(5, taskId);
                    win.executeUpdate();
                    try (ResultSet key = win.getGeneratedKeys()) {
                        key.next();
                        audit.record(c, "WinBack", key.getLong(1), Map.of(), Map.of("customerId", r.customerId(), "reasons",
                                reasons, "churnType", r.type(), "taskId", taskId, "identifiedOn", asOf));
                    }
                    audit.record(c, "Task", taskId, Map.of(), Map.of("customerId", r.customerId(), "origin", "winback:" + asOf,
                            "due", asOf.plusDays(3)));
                    opened++;
                }
            }
            return opened;
        });
    }

    @Override
    public List<WinBack> winBacks(WinBackStatus status, int limit) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            List<WinBack> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT w.ID, w.CUSTOMER_ID, c.CODE, c.NAME, w.IDENTIFIED_ON, w.REASONS, "
                    + "w.CHURN_TYPE, w.TASK_ID, w.STATUS, w.CLOSED_ON, w.NOTE FROM WIN_BACK w JOIN CUSTOMER c ON c.ID = w.CUSTOMER_ID "
                    + (status == null ? "" : "WHERE w.STATUS = ? ") + "ORDER BY w.IDENTIFIED_ON DESC, w.ID DESC")) {
                if (status != null) {
                    ps.setString(1, status.name());
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Date closed = rs.getDate(10);
                        Set<ChurnReason> reasons = Arrays.stream(rs.getString(6).split(",")).map(ChurnReason::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChurnReason.class)));
                        out.add(new WinBack(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getDate(5).toLocalDate(), reasons, ChurnType.valueOf(rs.getString(7)), (Long) rs.getObject(8),
                                WinBackStatus.valueOf(rs.getString(9)), closed == null ? null : closed.toLocalDate(), rs.getString(11)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void close(long winBackId, WinBackStatus outcome, String note) {
        security.check(Permission.SERVICE_WRITE);
        if (outcome == null || outcome == WinBackStatus.OPEN) {
            throw new ValidationException(List.of(new FieldError("outcome", "error.required")));
        }
        db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE WIN_BACK SET STATUS = ?, CLOSED_ON = ?, NOTE = ? "
                    + "WHERE ID = ? AND STATUS = 'OPEN'")) {
                ps.setString(1, outcome.name());
                ps.setDate(2, Date.valueOf(AppClock.today()));
                ps.setString(3, CaseServiceImpl.blankToNull(note));
                ps.setLong(4, winBackId);
                if (ps.executeUpdate() == 0) {
                    throw new GuanxiException("error.winBackClosed", winBackId);
                }
            }
            Map<String, Object> closed = new LinkedHashMap<>();
            closed.put("status", outcome);
            closed.put("note", CaseServiceImpl.blankToNull(note));
            audit.record(c, "WinBack", winBackId, Map.of("status", WinBackStatus.OPEN), closed);
            try (PreparedStatement ps = c.prepareStatement("SELECT TASK_ID FROM WIN_BACK WHERE ID = ?")) {
                ps.setLong(1, winBackId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        tasks.complete(c, rs.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<Rates> rates(LocalDate asOf) {
        security.check(Permission.CUSTOMER_READ);
        Rules rules = rules();
        return db.jdbc(c -> {
            Map<Tier, int[]> byTier = new EnumMap<>(Tier.class);
            int[] all = new int[4];
            try (PreparedStatement ps = c.prepareStatement("SELECT TIER, COUNT(*) FROM (SELECT " + tierOf("c.ID") + " AS TIER "
                    + "FROM CUSTOMER c WHERE EXISTS (SELECT 1 FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID AND o.STATUS IN " + BOUGHT
                    + ")) t GROUP BY TIER")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byTier.computeIfAbsent(Tier.valueOf(rs.getString(1)), t -> new int[4])[0] += rs.getInt(2);
                        all[0] += rs.getInt(2);
                    }
                }
            }
            for (Risk r : identify(c, rules, asOf)) {
                byTier.computeIfAbsent(r.tier(), t -> new int[4])[1]++;
                all[1]++;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT TIER, COUNT(*), SUM(WON) FROM (SELECT " + tierOf("w.CUSTOMER_ID")
                    + " AS TIER, CASE WHEN w.STATUS = 'WON_BACK' THEN 1 ELSE 0 END AS WON FROM WIN_BACK w WHERE w.STATUS <> 'OPEN') t "
                    + "GROUP BY TIER");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[] t = byTier.computeIfAbsent(Tier.valueOf(rs.getString(1)), x -> new int[4]);
                    t[2] += rs.getInt(2);
                    t[3] += rs.getInt(3);
                    all[2] += rs.getInt(2);
                    all[3] += rs.getInt(3);
                }
            }
            List<Rates> out = new ArrayList<>();
            byTier.forEach((tier, t) -> out.add(rates(tier, t)));
            out.add(rates(null, all));
            return out;
        });
    }

    /** SQL for the tier of the customer {@code id} in the latest value analysis; not placed yet: ordinary. */
    static String tierOf(String id) {
        return "COALESCE((SELECT v.TIER FROM CUSTOMER_VALUE v WHERE v.CUSTOMER_ID = " + id
                + " AND v.RUN_ID = (SELECT MAX(ID) FROM VALUE_RUN)), 'ORDINARY')";
    }

    private static Rates rates(Tier tier, int[] t) {
        return new Rates(tier, t[0], t[1], t[0] == 0 ? 0 : (double) t[1] / t[0], t[2], t[3], t[2] == 0 ? 0 : (double) t[3] / t[2]);
    }
}
