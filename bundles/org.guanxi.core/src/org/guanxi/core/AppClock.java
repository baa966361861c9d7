package org.guanxi.core;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.TimeZone;
import java.util.logging.Logger;

/**
 * The product's one clock: every "now" and "today" of the product, its demo data, analyses, timers and tests comes
 * from here, never from the machine's clock read directly, so that the whole product can run as if it were another
 * moment.
 * <p>
 * {@code -Dguanxi.clock=2027-02-06T10:00+08:00} (or the environment variable {@code GUANXI_CLOCK}) starts the
 * clock at that moment and lets it run on from there. A zone or offset in the setting (a moment in Beijing, say) also
 * becomes the JVM's default time zone, so that the database's timestamps and the clock agree on what day it is. A date
 * alone means its midnight; a date and time without zone is read in the machine's zone. {@code …@1796000000} anchors
 * the moment to a real time (epoch seconds), so that several processes share one running clock: {@code releng/guanxi}
 * adds the anchor when it starts.
 */
public final class AppClock {

    public static final String PROPERTY = "guanxi.clock";
    public static final String ENVIRONMENT = "GUANXI_CLOCK";

    /**
     * The clock ticks in microseconds, the finest time both databases keep (PostgreSQL's timestamps hold no
     * nanoseconds): a moment written and read back is the same moment.
     */
    private static final Duration TICK = Duration.ofNanos(1_000);

    /** The clock as set, given back by {@link #set}. */
    private static volatile Clock source = start(setting());
    private static volatile Clock clock = Clock.tick(source, TICK);

    private AppClock() {
    }

    /** The clock itself, for APIs that take a {@link Clock}. */
    public static Clock get() {
        return clock;
    }

    public static Instant now() {
        return clock.instant();
    }

    public static LocalDate today() {
        return LocalDate.now(clock);
    }

    public static LocalDateTime localNow() {
        return LocalDateTime.now(clock);
    }

    public static ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Replaces the clock, for a test that depends on a date and states it (restore the previous one afterwards) or
     * for a tool that replays a day. Everything reading the clock sees the new time at once.
     */
    public static Clock set(Clock newClock) {
        if (newClock == null) {
            throw new IllegalArgumentException("clock");
        }
        Clock previous = source;
        source = newClock;
        clock = Clock.tick(newClock, TICK);
        return previous;
    }

    private static String setting() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The product's clock from its setting; a zone in the setting becomes the JVM's zone too. */
    private static Clock start(String value) {
        Clock c = of(value, Clock.systemDefaultZone());
        if (value != null && hasZone(value.split("@")[0])) {
            TimeZone.setDefault(TimeZone.getTimeZone(c.getZone()));
        }
        if (value != null) {
            Logger.getLogger(AppClock.class.getName()).info(() -> "Running as of " + c.instant().atZone(c.getZone())
                    + " (" + ENVIRONMENT + "=" + value + ")");
        }
        return c;
    }

    /**
     * The clock a setting stands for, running on from {@code machine}; {@code null} is the machine's clock. An
     * unreadable setting stops the start: a product that silently ran on today's date while told otherwise would
     * write wrong dates into real data.
     */
    public static Clock of(String value, Clock machine) {
        if (value == null) {
            return machine;
        }
        int at = value.indexOf('@');
        String when = at < 0 ? value : value.substring(0, at);
        ZonedDateTime moment = parse(when, machine.getZone());
        Clock real = machine.withZone(moment.getZone());
        // "@epoch seconds": that moment was at that real time, so every process started later (a server restarted,
        // the product started by a test script) runs on from the same clock instead of starting it again
        Instant anchor = at < 0 ? real.instant() : anchor(value.substring(at + 1));
        return Clock.offset(real, Duration.between(anchor, moment.toInstant()));
    }

    private static Instant anchor(String epochSeconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip()));
        } catch (NumberFormatException e) {
            throw new DateTimeException(ENVIRONMENT + ": after @ comes the real time in epoch seconds, not " + epochSeconds);
        }
    }

    static ZonedDateTime parse(String value, ZoneId machineZone) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.ISO_DATE_TIME);
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(value).atZone(machineZone);
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(machineZone);
                } catch (DateTimeParseException notADate) {
                    throw new DateTimeException(ENVIRONMENT + "/-D" + PROPERTY + " is not a moment such as "
                            + "2027-02-06T10:00+08:00, 2027-02-06T10:00 or 2027-02-06: " + value);
                }
            }
        }
    }

    private static boolean hasZone(String value) {
        int time = value.indexOf('T');
        return time > 0 && (value.indexOf('+', time) > 0 || value.indexOf('-', time) > 0 || value.endsWith("Z")
                || value.contains("["));
    }
}
