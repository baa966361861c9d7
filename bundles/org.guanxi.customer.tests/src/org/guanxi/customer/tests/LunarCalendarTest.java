package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.guanxi.customer.care.Holiday;
import org.guanxi.customer.care.LunarCalendar;
import org.guanxi.customer.care.LunarCalendar.LunarDate;
import org.junit.jupiter.api.Test;

/** Holiday dates as published in the Chinese calendar (e.g. the State Council's holiday notices). */
class LunarCalendarTest {

    @Test
    void springFestivalFallsOnThePublishedDays() {
        assertEquals(LocalDate.of(2024, 2, 10), Holiday.SPRING_FESTIVAL.in(2024));
        assertEquals(LocalDate.of(2025, 1, 29), Holiday.SPRING_FESTIVAL.in(2025));
        assertEquals(LocalDate.of(2026, 2, 17), Holiday.SPRING_FESTIVAL.in(2026));
        assertEquals(LocalDate.of(2027, 2, 6), Holiday.SPRING_FESTIVAL.in(2027));
    }

    @Test
    void midAutumnDragonBoatAndDoubleNinth() {
        assertEquals(LocalDate.of(2024, 9, 17), Holiday.MID_AUTUMN.in(2024));
        assertEquals(LocalDate.of(2025, 10, 6), Holiday.MID_AUTUMN.in(2025));
        assertEquals(LocalDate.of(2026, 9, 25), Holiday.MID_AUTUMN.in(2026));
        assertEquals(LocalDate.of(2025, 5, 31), Holiday.DRAGON_BOAT.in(2025));
        assertEquals(LocalDate.of(2026, 6, 19), Holiday.DRAGON_BOAT.in(2026));
        assertEquals(LocalDate.of(2025, 10, 29), Holiday.DOUBLE_NINTH.in(2025));
    }

    @Test
    void aGregorianDayHasItsLunarMonthAndDay() {
        LunarDate newYear = LunarCalendar.of(LocalDate.of(2026, 2, 17));
        assertEquals(1, newYear.month());
        assertEquals(1, newYear.day());
        LunarDate eve = LunarCalendar.of(LocalDate.of(2026, 2, 16));
        assertEquals(12, eve.month());
        // 2025 has a leap sixth month (闰六月) from 25 July to 22 August
        assertTrue(LunarCalendar.of(LocalDate.of(2025, 8, 1)).leapMonth());
        assertEquals(6, LunarCalendar.of(LocalDate.of(2025, 8, 1)).month());
    }

    @Test
    void lateLunarMonthsFallInTheNextGregorianYear() {
        // Laba (腊八, 12/8) of the year that began on 29 January 2025
        assertEquals(List.of(LocalDate.of(2026, 1, 26)),
                LunarCalendar.occurrences(12, 8, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aThirtiethDayIsKeptOnTheLastDayOfAShortMonth() {
        for (int year = 2020; year <= 2030; year++) {
            for (int month = 1; month <= 12; month++) {
                LocalDate d = LunarCalendar.date(year, month, 30);
                LunarDate l = LunarCalendar.of(d);
                assertEquals(month, l.month(), year + "/" + month);
                assertTrue(l.day() == 30 || LunarCalendar.of(d.plusDays(1)).day() == 1, year + "/" + month + " -> " + d);
            }
        }
    }
}
