package org.guanxi.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sending rate: messages are spaced evenly, and time already spent counts towards the next gap. */
class ThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void sixtyPerMinuteSpacesMessagesOneSecondApart() {
        Throttle t = new Throttle(60);
        assertEquals(0, t.waitNanos(0, 0), "the first message goes at once");
        assertEquals(SECOND, t.waitNanos(1, 0));
        assertEquals(SECOND / 4, t.waitNanos(1, 3 * SECOND / 4), "a slow server's time counts");
        assertEquals(0, t.waitNanos(3, 5 * SECOND), "no catching up in bursts beyond the rate: just no wait");
        assertEquals(10 * SECOND - 4 * SECOND, t.waitNanos(10, 4 * SECOND));
    }

    @Test
    void aRateBelowOneIsTreatedAsOnePerMinute() {
        assertEquals(60 * SECOND, new Throttle(0).waitNanos(1, 0));
    }
}
