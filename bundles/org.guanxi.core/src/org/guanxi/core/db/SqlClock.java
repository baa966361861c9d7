package org.guanxi.core.db;

import java.sql.Timestamp;
import java.time.Instant;

import org.guanxi.core.AppClock;

/**
 * The product's clock as SQL literals, for statements that would otherwise write the database server's
 * {@code CURRENT_TIMESTAMP}/{@code CURRENT_DATE}: the server's clock is not the product's when it runs as of another
 * moment. JDBC escapes, understood by every driver; the text is a formatted time, never user input.
 */
public final class SqlClock {

    private SqlClock() {
    }

    /** The clock's current moment, e.g. {@code {ts '2027-02-06 10:00:00.0'}}. */
    public static String now() {
        return at(AppClock.now());
    }

    /** A moment as a timestamp literal in the clock's zone. */
    public static String at(Instant moment) {
        return "{ts '" + Timestamp.from(moment) + "'}";
    }

    /** The clock's today, e.g. {@code {d '2027-02-06'}}. */
    public static String today() {
        return "{d '" + AppClock.today() + "'}";
    }
}
