package org.guanxi.service;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.WorkingCalendar;
import org.guanxi.core.service.WorkingCalendarService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The working calendar from the table WORK_CALENDAR_DAY over office hours (Monday to Friday, 09:00–18:00 Beijing
 * time). Read once and kept until a day is changed: every due time of every open case is computed from it.
 */
@Component(service = WorkingCalendarService.class)
public class WorkingCalendarServiceImpl implements WorkingCalendarService {

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    private static final String ENTITY = "CalendarDay";

    private volatile WorkingCalendar cached;

    @Activate
    public WorkingCalendarServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public WorkingCalendar calendar() {
        WorkingCalendar c = cached;
        if (c == null) {
            Map<LocalDate, Boolean> days = new HashMap<>();
            db.jdbc(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("SELECT DAY_DATE, WORKING FROM WORK_CALENDAR_DAY");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.put(rs.getDate(1).toLocalDate(), rs.getBoolean(2));
                    }
                }
                return null;
            });
            c = WorkingCalendar.OFFICE_HOURS.withExceptions(days);
            cached = c;
        }
        return c;
    }

    @Override
    public List<CalendarDay> days(int year) {
        return db.jdbc(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT DAY_DATE, WORKING, NAME FROM WORK_CALENDAR_DAY WHERE DAY_DATE BETWEEN ? AND ? ORDER BY DAY_DATE")) {
                ps.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
                ps.setDate(2, Date.valueOf(LocalDate.of(year, 12, 31)));
                List<CalendarDay> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CalendarDay(rs.getDate(1).toLocalDate(), rs.getBoolean(2), rs.getString(3)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void setDay(CalendarDay day) {
        security.check(Permission.SERVICE_ADMIN);
        if (day.name() == null || day.name().isBlank() || day.name().length() > 60) {
            throw new IllegalArgumentException("A calendar day needs a name of at most 60 characters: " + day);
        }
        db.jdbcTransaction(conn -> {
            Map<String, Object> before = stored(conn, day.day());
            try (PreparedStatement delete = conn.prepareStatement("DELETE FROM WORK_CALENDAR_DAY WHERE DAY_DATE = ?");
                    PreparedStatement insert = conn.prepareStatement("INSERT INTO WORK_CALENDAR_DAY (DAY_DATE, WORKING, NAME) VALUES (?, ?, ?)")) {
                delete.setDate(1, Date.valueOf(day.day()));
                delete.executeUpdate();
                insert.setDate(1, Date.valueOf(day.day()));
                insert.setBoolean(2, day.working());
                insert.setString(3, day.name().strip());
                insert.executeUpdate();
            }
            audit.record(conn, ENTITY, key(day.day()), before, stored(conn, day.day()));
            return null;
        });
        cached = null;
    }

    @Override
    public void removeDay(LocalDate day) {
        security.check(Permission.SERVICE_ADMIN);
        db.jdbcTransaction(conn -> {
            Map<String, Object> before = stored(conn, day);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM WORK_CALENDAR_DAY WHERE DAY_DATE = ?")) {
                ps.setDate(1, Date.valueOf(day));
                ps.executeUpdate();
            }
            if (!before.isEmpty()) {
                audit.record(conn, ENTITY, key(day), before, Map.of());
            }
            return null;
        });
        cached = null;
    }

    /** A day's audit id: the date as a number, 20270101. */
    private static long key(LocalDate day) {
        return day.getYear() * 10_000L + day.getMonthValue() * 100L + day.getDayOfMonth();
    }

    /** The stored day as the audit trail shows it; empty when it is an ordinary day. */
    private static Map<String, Object> stored(java.sql.Connection conn, LocalDate day) throws java.sql.SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT WORKING, NAME FROM WORK_CALENDAR_DAY WHERE DAY_DATE = ?")) {
            ps.setDate(1, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Map.of("day", day, "working", rs.getBoolean(1), "name", rs.getString(2)) : Map.of();
            }
        }
    }
}
