package org.guanxi.integration;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.guanxi.core.AppClock;

/**
 * Messages each route handled since the runtime started, for the Integration view: done, failed, the last error
 * and a throughput over the last minute. (File routes keep their counts in the database; see ImportLog.)
 */
public final class RouteStats {

    /** A route's figures; {@code perMinute} counts the messages done in the last 60 seconds. */
    public record Figures(long done, long failed, String lastError, Instant lastAt, long perMinute) {
    }

    private static final class Counter {
        final AtomicLong done = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile String lastError;
        volatile Instant lastAt;
        /** done per second over a ring of 60 seconds */
        final long[] ring = new long[60];
        long ringSecond;

        synchronized void tick(long second) {
            if (second - ringSecond >= 60) {
                java.util.Arrays.fill(ring, 0);
            } else {
                for (long s = ringSecond + 1; s <= second; s++) {
                    ring[(int) (s % 60)] = 0;
                }
            }
            ringSecond = Math.max(ringSecond, second);
        }

        synchronized long perMinute(long second) {
            tick(second);
            long sum = 0;
            for (long v : ring) {
                sum += v;
            }
            return sum;
        }
    }

    private final Map<String, Counter> routes = new ConcurrentHashMap<>();

    void done(String routeId) {
        Counter c = counter(routeId);
        c.done.incrementAndGet();
        c.lastAt = AppClock.now();
        long second = c.lastAt.getEpochSecond();
        synchronized (c) {
            c.tick(second);
            c.ring[(int) (second % 60)]++;
        }
    }

    void failed(String routeId, String error) {
        Counter c = counter(routeId);
        c.failed.incrementAndGet();
        c.lastError = error;
        c.lastAt = AppClock.now();
    }

    Figures of(String routeId) {
        Counter c = routes.get(routeId);
        if (c == null) {
            return new Figures(0, 0, null, null, 0);
        }
        return new Figures(c.done.get(), c.failed.get(), c.lastError, c.lastAt, c.perMinute(AppClock.now().getEpochSecond()));
    }

    private Counter counter(String routeId) {
        return routes.computeIfAbsent(routeId == null ? "" : routeId, k -> new Counter());
    }
}
