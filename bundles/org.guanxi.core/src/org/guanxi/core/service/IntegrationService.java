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

    /**
     * Whether route files may use any component, class or command ({@code routes.unrestricted=true}, set by an
     * integration administrator); otherwise only the product's components, beans and settings.
     */
    default boolean unrestrictedRoutes() {
        return false;
    }

    List<RouteInfo> routes();

    /** The folder holding the working copy of the route files. */
    String routesFolder();

    /** The files an integration engineer edits: route files ({@code x.yaml}) and mappings ({@code mappings/x.xsl}). */
    List<String> editableFiles();

    /** A file's text as it is on disk now. */
    String read(String file);

    /**
     * Checks a file's text as it would be loaded, without changing anything: {@code null} when it is fine, else the
     * reason, one problem per line, each starting "line N:" where the line is known. Needs the routes running.
     */
    String check(String file, String text);

    /**
     * Writes the file (needs {@code INTEGRATION_ADMIN}) and loads it at once as the folder watcher would: a
     * valid file replaces the running routes or mapping; an invalid one is written but the running ones stay.
     * Returns {@code null} when the file now runs, else why it does not.
     */
    String save(String file, String text);

    /** Starts the routes (idempotent); returns when they run or failed. Call from a background job. */
    void start();

    void stop();
}
