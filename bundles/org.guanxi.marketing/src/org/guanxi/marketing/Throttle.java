package org.guanxi.marketing;

/**
 * Spaces messages evenly at a rate per minute, so that a campaign never floods the SMTP relay (which would answer with
 * temporary rejections or flag the sender as a spammer).
 */
final class Throttle {

    private final long intervalNanos;

    Throttle(int perMinute) {
        this.intervalNanos = 60_000_000_000L / Math.max(1, perMinute);
    }

    /** How long to wait before message number {@code sent} (0-based) of a run that started {@code elapsedNanos} ago. */
    long waitNanos(int sent, long elapsedNanos) {
        return Math.max(0, sent * intervalNanos - elapsedNanos);
    }

    void await(int sent, long startNanos) throws InterruptedException {
        long wait = waitNanos(sent, System.nanoTime() - startNanos);
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
