package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.guanxi.service.tests.ServiceFixture.at;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.guanxi.core.service.WorkingCalendar;
import org.guanxi.core.service.WorkingCalendarService.CalendarDay;
import org.guanxi.service.WorkingCalendarServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service-level arithmetic in working time, on the calendar the database ships with (the State Council's notice for
 * 2026): office hours, weekends, public holidays and the weekend days worked instead.
 */
class WorkingCalendarTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private WorkingCalendarServiceImpl service;
    private WorkingCalendar calendar;

    @BeforeEach
    void open() throws Exception {
        f = new ServiceFixture(dir);
        service = f.calendar;
        calendar = service.calendar();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Instant due(String from, Duration working) {
        return calendar.plus(at(from), working);
    }

    @Test
    void officeHoursAndWeekends() {
        assertEquals(at("2026-11-20T10:00"), due("2026-11-19T17:00", Duration.ofHours(2)), "Thursday evening to Friday morning");
        assertEquals(at("2026-11-23T10:00"), due("2026-11-23T08:00", Duration.ofHours(1)), "before opening, counting starts at 09:00");
        assertEquals(at("2026-11-23T09:30"), due("2026-11-20T17:30", Duration.ofHours(1)), "Friday evening to Monday");
        assertEquals(at("2026-11-23T09:00"), due("2026-11-21T15:00", Duration.ZERO), "a Saturday case is due when the office opens");
        assertEquals(at("2026-11-27T18:00"), due("2026-11-23T09:00", Duration.ofHours(45)), "five working days of nine hours");
        assertThrows(IllegalArgumentException.class, () -> due("2026-11-23T09:00", Duration.ofHours(-1)));
    }

    @Test
    void nationalDayAndItsWorkedWeekendDays() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 1)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 9, 20)), "Sunday 20 September is worked (调休上班)");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)), "so is Saturday 10 October");
        assertEquals(at("2026-09-20T10:00"), due("2026-09-18T17:00", Duration.ofHours(2)), "Friday to the worked Sunday");
        assertEquals(at("2026-10-08T10:00"), due("2026-09-30T17:00", Duration.ofHours(2)), "the seven days off are skipped");
        assertEquals(at("2026-10-10T10:00"), due("2026-10-09T17:00", Duration.ofHours(2)), "Friday to the worked Saturday");
        assertEquals(Duration.ofHours(2), calendar.between(at("2026-09-30T17:00"), at("2026-10-08T10:00")));
    }

    @Test
    void springFestival2026() {
        assertEquals(at("2026-02-14T11:00"), due("2026-02-13T17:00", Duration.ofHours(3)), "Saturday 14 February is worked");
        assertEquals(at("2026-02-24T10:00"), due("2026-02-14T17:00", Duration.ofHours(2)), "15–23 February off");
        assertEquals(Duration.ofHours(1 + 9 + 1), calendar.between(at("2026-02-13T17:00"), at("2026-02-24T10:00")));
        assertEquals(Duration.ZERO, calendar.between(at("2026-02-24T10:00"), at("2026-02-13T17:00")));
    }

    @Test
    void anAdministratorEntersTheNextYearsNotice() {
        assertEquals(39, service.days(2026).size(), "the shipped 2026 notice: 33 days off, 6 weekend days worked");
        assertEquals(new CalendarDay(LocalDate.of(2026, 10, 10), true, "国庆节调休上班"), service.days(2026).get(38));
        assertTrue(service.days(2027).isEmpty());
        assertTrue(service.calendar().isWorkingDay(LocalDate.of(2027, 2, 8)), "a Monday, until the notice says otherwise");

        service.setDay(new CalendarDay(LocalDate.of(2027, 2, 8), false, "春节"));
        assertFalse(service.calendar().isWorkingDay(LocalDate.of(2027, 2, 8)), "the calendar follows at once");
        service.setDay(new CalendarDay(LocalDate.of(2027, 2, 8), true, "春节调休上班"));
        assertEquals(1, service.days(2027).size(), "one row per day, replaced");
        service.removeDay(LocalDate.of(2027, 2, 8));
        assertTrue(service.days(2027).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> service.setDay(new CalendarDay(LocalDate.of(2027, 1, 1), false, " ")));
    }
}
