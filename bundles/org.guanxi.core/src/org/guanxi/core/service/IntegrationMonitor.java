package org.guanxi.core.service;

import java.util.List;

/** What the integration runtime is doing, for the Integration view. */
public interface IntegrationMonitor {

    enum State { STARTING, STARTED, STOPPED, FAILED }

    record RouteInfo(String id, String file, State state, long done, long failed, String lastError) {
    }

    State state();

    List<RouteInfo> routes();

    /** The folder holding the working copy of the route files. */
    String routesFolder();
}
