package org.guanxi.core.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.guanxi.core.AppClock;
import org.junit.jupiter.api.Test;

/** GUANXI_CLOCK as users write it: a moment that then runs on, anchored or not, read in the right zone. */
class AppClockTest {

    private static final Clock MACHINE = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("UTC"));

    @Test
    void aMomentWithAnOffsetIsThatMomentInThatZone() {
        Clock c = AppClock.of("2027-02-06T10:00+08:00", MACHINE);
        assertEquals(Instant.parse("2027-02-06T02:00:00Z"), c.instant());
        assertEquals(ZoneOffset.ofHours(8), c.getZone());
        assertEquals(LocalDate.of(2027, 2, 6), LocalDate.now(c), "Spring Festival in Beijing");
        // 23:30 on New Year's Eve in Beijing is still the 31st there, though UTC says 15:30
        assertEquals(LocalDate.of(2026, 12, 31), LocalDate.now(AppClock.of("2026-12-31T23:30+08:00", MACHINE)));
        assertEquals(ZoneId.of("Asia/Shanghai"), AppClock.of("2028-02-29T09:00+08:00[Asia/Shanghai]", MACHINE).getZone());
    }

    @Test
    void aDateOrALocalTimeIsReadInTheMachinesZone() {
        assertEquals(Instant.parse("2028-02-29T00:00:00Z"), AppClock.of("2028-02-29", MACHINE).instant());
        assertEquals(Instant.parse("2026-09-20T10:00:00Z"), AppClock.of("2026-09-20T10:00", MACHINE).instant());
    }

    @Test
    void theClockRunsOnAndAnAnchorSharesItBetweenProcesses() {
        Clock running = Clock.offset(MACHINE, Duration.ofMinutes(5));
        // without an anchor, a process started five minutes later starts the moment again
        assertEquals(Instant.parse("2027-02-06T02:00:00Z"), AppClock.of("2027-02-06T10:00+08:00", running).instant());
        // with one (the real time the moment stood for), it is five minutes later there too
        long anchor = MACHINE.instant().getEpochSecond();
        assertEquals(Instant.parse("2027-02-06T02:05:00Z"), AppClock.of("2027-02-06T10:00+08:00@" + anchor, running).instant());
    }

    @Test
    void noSettingIsTheMachinesClockAndNonsenseIsRefused() {
        assertSame(MACHINE, AppClock.of(null, MACHINE));
        DateTimeException e = assertThrows(DateTimeException.class, () -> AppClock.of("next Tuesday", MACHINE));
        assertTrue(e.getMessage().contains("GUANXI_CLOCK"), e.getMessage());
        assertThrows(DateTimeException.class, () -> AppClock.of("2027-02-06T10:00@soon", MACHINE));
    }

    @Test
    void aTestMayStateItsDateAndGiveTheClockBack() {
        Clock fixed = Clock.fixed(Instant.parse("2000-02-29T02:00:00.123456789Z"), ZoneOffset.ofHours(8));
        Clock previous = AppClock.set(fixed);
        try {
            assertEquals(LocalDate.of(2000, 2, 29), AppClock.today());
            assertEquals(Instant.parse("2000-02-29T02:00:00.123456Z"), AppClock.now(), "microseconds, as the databases keep");
        } finally {
            AppClock.set(previous);
        }
        assertSame(previous, AppClock.set(previous), "the clock is given back");
    }
}
