package org.guanxi.core.service;

import java.time.Duration;

/** A login that failed too often in a row: no attempt is made until the lock ends. */
public class SignInLockedException extends GuanxiException {

    private static final long serialVersionUID = 1L;

    private final Duration remaining;

    public SignInLockedException(String login, Duration remaining) {
        super("error.signInLocked", login, Math.max(1, (remaining.toSeconds() + 59) / 60));
        this.remaining = remaining;
    }

    public Duration remaining() {
        return remaining;
    }
}
