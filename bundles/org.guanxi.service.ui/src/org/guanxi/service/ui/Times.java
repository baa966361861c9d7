package org.guanxi.service.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.guanxi.core.AppClock;

/** Due times as agents read them: the moment, and how long is left or how long it is overdue. */
final class Times {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    static String moment(Instant t) {
        return t == null ? "" : MOMENT.format(t.atZone(AppClock.zone()));
    }

    static String full(Instant t) {
        return t == null ? "" : FULL.format(t.atZone(AppClock.zone()));
    }

    /** "11-25 18:00 (3 h 20 min left)" or "(overdue 1 d 2 h)". */
    static String due(Instant due, Instant now) {
        Duration d = Duration.between(now, due);
        String key = d.isNegative() ? "time.overdue" : "time.left";
        return Messages.get("time.due", moment(due), Messages.get(key, span(d.abs())));
    }

    /** A duration in its two largest units. */
    static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return Messages.get("time.daysHours", days, hours);
        }
        if (hours > 0) {
            return Messages.get("time.hoursMinutes", hours, minutes);
        }
        return Messages.get("time.minutes", Math.max(minutes, d.isZero() ? 0 : 1));
    }
}
