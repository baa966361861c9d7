package org.guanxi.core.db;

import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

/**
 * The application database as an OSGi service: JPA units of work for services, plain JDBC for bulk paths.
 * UI bundles never use it; they call services.
 */
public interface Database {

    /**
     * Runs {@code work} in one transaction and commits it. An optimistic-lock failure becomes a
     * {@link org.guanxi.core.service.ConflictException}; any other failure rolls back and propagates.
     */
    <T> T inTransaction(Function<EntityManager, T> work);

    default void inTransactionDo(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs read-only {@code work} with a fresh entity manager. */
    <T> T read(Function<EntityManager, T> work);

    DataSource dataSource();

    /** JDBC URL without credentials, for About boxes and logs. */
    String describe();

    /** The version of the newest schema migration applied. */
    int schemaVersion();
}
