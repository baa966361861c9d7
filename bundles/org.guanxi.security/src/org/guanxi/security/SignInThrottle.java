package org.guanxi.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.guanxi.core.AppClock;
import org.guanxi.core.service.SignInLockedException;

/**
 * Failed sign-ins of one login wait longer each time (1, 2, 4, 8 s) and, after {@value #LOCK_AFTER} in a row, lock
 * that login for {@link #LOCK} in this process. The database is the real gate: a team database server should also
 * delay failed logins itself (PostgreSQL's auth_delay, see the README), since psql does not pass through here.
 */
final class SignInThrottle {

    static final int LOCK_AFTER = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** Waits as long as the failures so far ask for; throws when the login is locked. */
    void beforeAttempt(String login) {
        Failures f = failures.get(login);
        if (f == null) {
            return;
        }
        Instant now = AppClock.now();
        if (f.count() >= LOCK_AFTER) {
            Duration left = Duration.between(now, f.last().plus(LOCK));
            if (!left.isNegative() && !left.isZero()) {
                throw new SignInLockedException(login, left);
            }
            failures.remove(login);
            return;
        }
        Duration wait = Duration.ofSeconds(1L << (f.count() - 1)).minus(Duration.between(f.last(), now));
        if (wait.isPositive()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void failed(String login) {
        Instant now = AppClock.now();
        failures.merge(login, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    void succeeded(String login) {
        failures.remove(login);
    }
}
