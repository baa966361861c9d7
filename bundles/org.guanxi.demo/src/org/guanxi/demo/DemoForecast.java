package org.guanxi.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;

/**
 * Demo sales teams and monthly targets (this year and next) for the company, each team and each rep, so that the
 * forecast view shows attainment from the first start.
 */
final class DemoForecast {

    private static final BigDecimal REP_TARGET = new BigDecimal("400000");
    private static final BigDecimal COMPANY_TARGET = new BigDecimal("2000000");

    private DemoForecast() {
    }

    static void insert(Connection c) throws SQLException {
        Map<String, String> teams = new LinkedHashMap<>();
        String[] names = { "华东一组", "华东一组", "华南组", "华南组", "大客户组" };
        for (int i = 0; i < Names.OWNERS.length; i++) {
            teams.put(Names.OWNERS[i], names[i % names.length]);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SALES_TEAM_MEMBER (LOGIN, TEAM) VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : teams.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SALES_TARGET (SCOPE, SCOPE_KEY, MONTH_START, AMOUNT, "
                + "UPDATED_AT, USER_LOGIN) VALUES (?, ?, ?, ?, " + SqlClock.now() + ", 'demo')")) {
            LocalDate first = AppClock.today().withDayOfYear(1);
            for (int m = 0; m < 24; m++) {
                Date month = Date.valueOf(first.plusMonths(m));
                target(ps, "COMPANY", "", month, COMPANY_TARGET);
                Map<String, BigDecimal> teamTargets = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : teams.entrySet()) {
                    target(ps, "REP", e.getKey(), month, REP_TARGET);
                    teamTargets.merge(e.getValue(), REP_TARGET, BigDecimal::add);
                }
                for (Map.Entry<String, BigDecimal> e : teamTargets.entrySet()) {
                    target(ps, "TEAM", e.getKey(), month, e.getValue());
                }
            }
            ps.executeBatch();
        }
    }

    private static void target(PreparedStatement ps, String scope, String key, Date month, BigDecimal amount) throws SQLException {
        ps.setString(1, scope);
        ps.setString(2, key);
        ps.setDate(3, month);
        ps.setBigDecimal(4, amount);
        ps.addBatch();
    }
}
