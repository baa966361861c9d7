package org.guanxi.customer.care;

import java.time.LocalDate;
import java.util.List;

/** Traditional Chinese holidays on which customers are greeted, by their lunar month and day. */
public enum Holiday {
    SPRING_FESTIVAL(1, 1), LANTERN_FESTIVAL(1, 15), DRAGON_BOAT(5, 5), MID_AUTUMN(8, 15), DOUBLE_NINTH(9, 9);

    private final int lunarMonth;
    private final int lunarDay;

    Holiday(int lunarMonth, int lunarDay) {
        this.lunarMonth = lunarMonth;
        this.lunarDay = lunarDay;
    }

    /** The Gregorian date of this holiday in a Gregorian year. */
    public LocalDate in(int year) {
        return LunarCalendar.date(year, lunarMonth, lunarDay);
    }

    public List<LocalDate> between(LocalDate from, LocalDate to) {
        return LunarCalendar.occurrences(lunarMonth, lunarDay, from, to);
    }
}
