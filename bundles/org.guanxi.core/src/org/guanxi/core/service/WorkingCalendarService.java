package org.guanxi.core.service;

import java.time.LocalDate;
import java.util.List;

/**
 * The official working calendar every service level is measured in: office hours plus the days that differ from
 * the weekday rule — public holidays (放假) and the weekend days worked instead (调休上班). The table ships with the
 * State Council's published notices; an administrator enters each new year's notice when it appears (usually in
 * November for the year after).
 */
public interface WorkingCalendarService {

    /** A day that differs from the weekday rule. */
    record CalendarDay(LocalDate day, boolean working, String name) {
    }

    /** The calendar with every known exception. */
    WorkingCalendar calendar();

    /** The exceptions of one year, in date order. */
    List<CalendarDay> days(int year);

    /** Sets or replaces one day's exception (needs {@code SERVICE_ADMIN}). */
    void setDay(CalendarDay day);

    /** Removes one day's exception, so that the weekday rule applies again (needs {@code SERVICE_ADMIN}). */
    void removeDay(LocalDate day);
}
