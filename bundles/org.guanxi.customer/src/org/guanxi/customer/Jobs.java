package org.guanxi.customer;

import java.util.concurrent.CancellationException;

/** Long whole-base runs are cancelled by interrupting their thread (the UI's job does); they look between steps. */
public final class Jobs {

    private Jobs() {
    }

    /** @throws CancellationException when the running thread was interrupted */
    public static void checkCancelled(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException(what + " cancelled");
        }
    }
}
