package org.guanxi.core.service;

import java.util.List;

/** The integration runtime (Camel routes) as the rest of the product sees it. */
public interface IntegrationService {

    enum State { STOPPED, STARTING, STARTED, FAILED }

    /**
     * A route as the Integration view lists it: {@code done} and {@code failed} count files or messages,
     * {@code perMinute} the messages done in the last minute.
     */
    record RouteInfo(String id, String description, String file, String state, long done, long failed, long perMinute,
            String lastError) {
    }

    State state();

    /** Why the runtime failed to start, or {@code null}. */
    String failure();

    List<RouteInfo> routes();

    /** The folder holding the working copy of the route files. */
    String routesFolder();

    /** Starts the routes (idempotent); returns when they run or failed. Call from a background job. */
    void start();

    void stop();
}
