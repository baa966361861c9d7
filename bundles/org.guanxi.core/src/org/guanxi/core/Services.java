package org.guanxi.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.osgi.framework.Bundle;

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

    /**
     * Whether a bundle of this installation declares a component providing {@code type}, read from the bundles'
     * component descriptions rather than asked of the running components, which may not have started yet: false
     * means the module that provides it is not installed, and waiting for it would be in vain.
     */
    public static boolean provided(Class<?> type) {
        String declaration = "interface=\"" + type.getName() + "\"";
        for (Bundle bundle : FrameworkUtil.getBundle(Services.class).getBundleContext().getBundles()) {
            String components = bundle.getHeaders("").get("Service-Component");
            if (components == null || (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                continue;
            }
            for (String path : components.split(",")) {
                for (URL xml : descriptions(bundle, path.strip())) {
                    try (InputStream in = xml.openStream()) {
                        if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(declaration)) {
                            return true;
                        }
                    } catch (IOException e) {
                        // an unreadable description provides nothing
                    }
                }
            }
        }
        return false;
    }

    /** The component description files a Service-Component entry names (it may end in a wildcard). */
    private static List<URL> descriptions(Bundle bundle, String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (!name.contains("*")) {
            URL entry = bundle.getEntry(path);
            return entry == null ? List.of() : List.of(entry);
        }
        var found = bundle.findEntries(slash < 0 ? "/" : path.substring(0, slash), name, false);
        return found == null ? List.of() : Collections.list(found);
    }
}
