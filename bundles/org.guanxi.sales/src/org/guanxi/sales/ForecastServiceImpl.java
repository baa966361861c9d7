package org.guanxi.sales;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.FieldError;
import org.guanxi.sales.api.ForecastService;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The forecast from the opportunities and the targets; one pass over the deals of the period, summed in Java. */
@Component(service = ForecastService.class)
public class ForecastServiceImpl implements ForecastService {

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    /** {@code null}: the product's clock, read at each call. */
    private final Clock clock;

    @Activate
    public ForecastServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this(db, security, audit, null);
    }

    /** For tests: "today" (which decides what has slipped) comes from {@code clock}. */
    public ForecastServiceImpl(Database db, SecurityService security, AuditLog audit, Clock clock) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Row> forecast(LocalDate from, LocalDate to, Grain grain, Scope scope) {
        LocalDate first = Forecasts.start(grain, from);
        LocalDate last = Forecasts.start(grain, to).plusMonths(grain == Grain.MONTH ? 1 : 3).minusDays(1);
        Forecasts f = new Forecasts(grain, first, last, LocalDate.now(clock == null ? AppClock.get() : clock));
        Map<String, String> teams = security.teams();
        return db.jdbc(c -> {
            Map<SalesStage, Integer> probabilities = OpportunityServiceImpl.stageProbabilities(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT OWNER_LOGIN, EXPECTED_CLOSE, STAGE, PROBABILITY, AMOUNT "
                    + "FROM OPPORTUNITY WHERE STAGE NOT IN ('WON', 'LOST') AND EXPECTED_CLOSE <= ?")) {
                ps.setDate(1, Date.valueOf(last));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int p = rs.getObject(4) != null ? rs.getInt(4) : probabilities.get(SalesStage.valueOf(rs.getString(3)));
                        f.open(group(scope, rs.getString(1), teams), rs.getDate(2).toLocalDate(), rs.getBigDecimal(5), p);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT OWNER_LOGIN, CLOSED_ON, AMOUNT FROM OPPORTUNITY "
                    + "WHERE STAGE = 'WON' AND CLOSED_ON BETWEEN ? AND ?")) {
                ps.setDate(1, Date.valueOf(first));
                ps.setDate(2, Date.valueOf(last));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        f.won(group(scope, rs.getString(1), teams), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT SCOPE_KEY, MONTH_START, AMOUNT FROM SALES_TARGET "
                    + "WHERE SCOPE = ? AND MONTH_START BETWEEN ? AND ?")) {
                ps.setString(1, scope.name());
                ps.setDate(2, Date.valueOf(first));
                ps.setDate(3, Date.valueOf(last));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        f.target(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
                    }
                }
            }
            return f.rows();
        });
    }

    private static String group(Scope scope, String owner, Map<String, String> teams) {
        return switch (scope) {
            case COMPANY -> "";
            case TEAM -> teams.getOrDefault(owner, NO_TEAM);
            case REP -> owner;
        };
    }

    @Override
    public void saveTarget(Scope scope, String key, YearMonth month, BigDecimal amount) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.notNegative(errors, "target", amount);
        if (scope != Scope.COMPANY) {
            Checks.required(errors, scope == Scope.REP ? "owner" : "team", key, 64);
        }
        Checks.throwIfAny(errors);
        String k = scope == Scope.COMPANY ? "" : key.strip();
        db.jdbcTransaction(c -> {
            BigDecimal before = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT AMOUNT FROM SALES_TARGET WHERE SCOPE = ? AND SCOPE_KEY = ? AND MONTH_START = ?")) {
                ps.setString(1, scope.name());
                ps.setString(2, k);
                ps.setDate(3, Date.valueOf(month.atDay(1)));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    before = rs.next() ? rs.getBigDecimal(1) : null;
                }
            }
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM SALES_TARGET WHERE SCOPE = ? AND SCOPE_KEY = ? AND MONTH_START = ?")) {
                del.setString(1, scope.name());
                del.setString(2, k);
                del.setDate(3, Date.valueOf(month.atDay(1)));
                del.executeUpdate();
            }
            if (amount != null) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO SALES_TARGET (SCOPE, SCOPE_KEY, MONTH_START, "
                        + "AMOUNT, UPDATED_AT, USER_LOGIN) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ins.setString(1, scope.name());
                    ins.setString(2, k);
                    ins.setDate(3, Date.valueOf(month.atDay(1)));
                    ins.setBigDecimal(4, amount);
                    ins.setTimestamp(5, Timestamp.from(AppClock.now()));
                    ins.setString(6, security.currentUser());
                    ins.executeUpdate();
                }
            }
            // a target is keyed by scope, key and month: its entries are under the month (yyyymm), the field names the rest
            String field = (scope + " " + k).strip();
            audit.record(c, "SalesTarget", month.getYear() * 100L + month.getMonthValue(), AuditLog.field(field, before),
                    AuditLog.field(field, amount));
            return null;
        });
    }

    @Override
    public Map<YearMonth, BigDecimal> targets(Scope scope, String key, int year) {
        return db.jdbc(c -> {
            Map<YearMonth, BigDecimal> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT MONTH_START, AMOUNT FROM SALES_TARGET "
                    + "WHERE SCOPE = ? AND SCOPE_KEY = ? AND MONTH_START BETWEEN ? AND ?")) {
                ps.setString(1, scope.name());
                ps.setString(2, scope == Scope.COMPANY ? "" : key);
                ps.setDate(3, Date.valueOf(LocalDate.of(year, 1, 1)));
                ps.setDate(4, Date.valueOf(LocalDate.of(year, 12, 1)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getBigDecimal(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void assignTeam(String login, String team) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "owner", login, 64);
        Checks.maxLength(errors, "team", team, 60);
        Checks.throwIfAny(errors);
        // teams decide who sees whose customers: the administration's, not the pipeline's
        security.assignTeam(login.strip(), team);
    }

    @Override
    public Map<String, String> teams() {
        return security.teams();
    }
}
