package org.guanxi.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.WorkingCalendar;
import org.guanxi.core.service.WorkingCalendarService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The agreement from the table SERVICE_LEVEL, kept in memory until a row changes; deadlines on the working calendar. */
@Component(service = ServiceLevelService.class)
public class ServiceLevelServiceImpl implements ServiceLevelService {

    private final Database db;
    private final SecurityService security;
    private final WorkingCalendarService calendar;
    private final AuditLog audit;

    private volatile List<ServiceLevel> cached;

    @Activate
    public ServiceLevelServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference WorkingCalendarService calendar, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Override
    public List<ServiceLevel> levels() {
        List<ServiceLevel> levels = cached;
        if (levels == null) {
            levels = db.jdbc(c -> {
                List<ServiceLevel> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT TIER, PRIORITY, FIRST_RESPONSE_MINUTES, RESOLUTION_MINUTES FROM SERVICE_LEVEL");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ServiceLevel(Tier.valueOf(rs.getString(1)), CasePriority.valueOf(rs.getString(2)),
                                Duration.ofMinutes(rs.getInt(3)), Duration.ofMinutes(rs.getInt(4))));
                    }
                }
                out.sort(Comparator.comparing(ServiceLevel::tier).thenComparing(ServiceLevel::priority));
                return List.copyOf(out);
            });
            cached = levels;
        }
        return levels;
    }

    @Override
    public ServiceLevel level(Tier tier, CasePriority priority) {
        Tier t = tier == null ? Tier.ORDINARY : tier;
        return levels().stream().filter(l -> l.tier() == t && l.priority() == priority).findFirst()
                .orElseThrow(() -> new IllegalStateException("No service level for " + t + " / " + priority));
    }

    @Override
    public Deadlines deadlines(Tier tier, CasePriority priority, Instant opened) {
        ServiceLevel level = level(tier, priority);
        WorkingCalendar working = calendar.calendar();
        return new Deadlines(working.plus(opened, level.firstResponse()), working.plus(opened, level.resolution()));
    }

    @Override
    public void setLevel(ServiceLevel level) {
        security.check(Permission.SERVICE_ADMIN);
        if (level.firstResponse().toMinutes() <= 0 || level.resolution().compareTo(level.firstResponse()) < 0) {
            throw new IllegalArgumentException("The first response must come after at least a minute and no later than "
                    + "the resolution: " + level);
        }
        ServiceLevel before = level(level.tier(), level.priority());
        db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE SERVICE_LEVEL SET FIRST_RESPONSE_MINUTES = ?, "
                    + "RESOLUTION_MINUTES = ? WHERE TIER = ? AND PRIORITY = ?")) {
                ps.setLong(1, level.firstResponse().toMinutes());
                ps.setLong(2, level.resolution().toMinutes());
                ps.setString(3, level.tier().name());
                ps.setString(4, level.priority().name());
                ps.executeUpdate();
            }
            // a level is keyed by tier and priority: its audit id is their position (tier × 10 + priority)
            audit.record(c, "ServiceLevel", level.tier().ordinal() * 10L + level.priority().ordinal(), snapshot(before),
                    snapshot(level));
            return null;
        });
        cached = null;
    }

    private static Map<String, Object> snapshot(ServiceLevel l) {
        return Map.of("tier", l.tier(), "priority", l.priority(), "firstResponseMinutes", l.firstResponse().toMinutes(),
                "resolutionMinutes", l.resolution().toMinutes());
    }
}
