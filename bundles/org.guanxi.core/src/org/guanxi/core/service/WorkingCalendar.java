package org.guanxi.core.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Working time for service levels (服务时效): opening hours on working days, where a working day is a weekday unless
 * the official calendar says otherwise. China moves days every year by State Council notice (放假调休): public
 * holidays are days off, and some Saturdays or Sundays become working days (调休上班) — no rule computes them, so they
 * come from a table an administrator keeps (seeded with the published notices). Immutable.
 */
public final class WorkingCalendar {

    /** Monday to Friday, 09:00–18:00 Beijing time: the default of a Chinese back office. */
    public static final WorkingCalendar OFFICE_HOURS = new WorkingCalendar(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
            LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Map.of());

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<DayOfWeek> weekdays;
    /** Days that differ from the weekday rule: true = working (调休上班), false = off (holiday). */
    private final Map<LocalDate, Boolean> exceptions;

    public WorkingCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> weekdays, Map<LocalDate, Boolean> exceptions) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Opening time " + opens + " must be before closing time " + closes);
        }
        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.weekdays = Set.copyOf(weekdays);
        this.exceptions = Map.copyOf(exceptions);
    }

    /** The same hours with other day exceptions. */
    public WorkingCalendar withExceptions(Map<LocalDate, Boolean> days) {
        return new WorkingCalendar(zone, opens, closes, weekdays, days);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        return exception != null ? exception : weekdays.contains(day.getDayOfWeek());
    }

    /** The moment {@code amount} of working time after {@code from} (a due time); from outside hours, counting starts at the next opening. */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Negative working time: " + amount);
        }
        ZonedDateTime t = from.atZone(zone);
        Duration left = amount;
        // a year without a working day would be a broken table, not a calendar
        for (int days = 0; days < 3_660; days++) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime start = later(t, day.atTime(opens).atZone(zone));
                ZonedDateTime end = day.atTime(closes).atZone(zone);
                if (start.isBefore(end)) {
                    Duration available = Duration.between(start, end);
                    if (left.compareTo(available) <= 0) {
                        return start.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            t = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("No working day within ten years of " + from);
    }

    /** Working time between two moments (zero when {@code to} is not after {@code from}): how long a case has been open in service time. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                ZonedDateTime start = later(from.atZone(zone), day.atTime(opens).atZone(zone));
                ZonedDateTime stop = earlier(end, day.atTime(closes).atZone(zone));
                if (start.isBefore(stop)) {
                    total = total.plus(Duration.between(start, stop));
                }
            }
        }
        return total;
    }

    private static ZonedDateTime later(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static ZonedDateTime earlier(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
