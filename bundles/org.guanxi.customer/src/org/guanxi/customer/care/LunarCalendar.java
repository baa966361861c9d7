package org.guanxi.customer.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.LunarYear;
import com.nlf.calendar.Solar;

/**
 * Dates of the Chinese lunisolar calendar (农历), computed with lunar-java rather than typed in, so that Spring Festival
 * or a lunar birthday falls on the right Gregorian day in any year. (ICU4J's astronomical ChineseCalendar was tried
 * first and misses new moons close to midnight in Beijing, e.g. Spring Festival 2027.)
 */
public final class LunarCalendar {

    /** A day of the Chinese calendar: month 1–12 (leap months flagged), day 1–30. */
    public record LunarDate(int year, int month, boolean leapMonth, int day) {
    }

    private LunarCalendar() {
    }

    public static LunarDate of(LocalDate date) {
        Lunar l = Solar.fromYmd(date.getYear(), date.getMonthValue(), date.getDayOfMonth()).getLunar();
        return new LunarDate(l.getYear(), Math.abs(l.getMonth()), l.getMonth() < 0, l.getDay());
    }

    /**
     * The Gregorian day of lunar {@code month}/{@code day} (never the leap month) in the Chinese year that begins in
     * {@code gregorianYear}. Day 30 of a month that has only 29 days this year is kept on day 29, as families do for
     * lunar birthdays.
     */
    public static LocalDate date(int gregorianYear, int month, int day) {
        int length = LunarYear.fromYear(gregorianYear).getMonth(month).getDayCount();
        Solar s = Lunar.fromYmd(gregorianYear, month, Math.min(day, length)).getSolar();
        return LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
    }

    /** Every Gregorian day from {@code from} to {@code to} (inclusive) on which lunar month/day falls. */
    public static List<LocalDate> occurrences(int month, int day, LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        // a late lunar month of the Chinese year that began in Y falls in January or February of Y + 1
        for (int y = from.getYear() - 1; y <= to.getYear(); y++) {
            LocalDate d = date(y, month, day);
            if (!d.isBefore(from) && !d.isAfter(to)) {
                out.add(d);
            }
        }
        return out;
    }
}
