package org.guanxi.core;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** For headless applications (command line, server), which are not injected: waits for an OSGi service. */
public final class Services {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private Services() {
    }

    /** The service, once its bundle has provided it; fails after a minute. */
    public static <T> T await(Class<T> type) {
        BundleContext bc = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bc, type, null);
        tracker.open();
        try {
            T s = tracker.waitForService(WAIT.toMillis());
            if (s == null) {
                throw new IllegalStateException("service " + type.getSimpleName() + " is not available");
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
