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

    /**
     * Connections outside {@link #dataSource()}'s pool, for a session held open on purpose (the route leader's
     * lock): its loss must end it for good, where a pool would hand the broken connection out again.
     */
    default DataSource unpooledDataSource() {
        return dataSource();
    }

    /** JDBC work on one connection of {@link #dataSource()}. */
    interface JdbcWork<T> {
        T run(java.sql.Connection c) throws java.sql.SQLException;
    }

    /** Runs {@code work} on a connection that is closed afterwards; an SQL failure becomes an unchecked exception. */
    default <T> T jdbc(JdbcWork<T> work) {
        try (java.sql.Connection c = dataSource().getConnection()) {
            return work.run(c);
        } catch (java.sql.SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} on the connection of the transaction {@code em} is in, so that its rows commit or roll back
     * with the entities'.
     */
    static <T> T jdbc(EntityManager em, JdbcWork<T> work) {
        try {
            return work.run(em.unwrap(java.sql.Connection.class));
        } catch (java.sql.SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(java.sql.SQLException e) {
        return new IllegalStateException("Database error: " + e.getMessage(), e);
    }

    /** Like {@link #jdbc}, in one transaction: committed when {@code work} returns, rolled back when it throws. */
    default <T> T jdbcTransaction(JdbcWork<T> work) {
        return jdbc(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (java.sql.SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** JDBC URL without credentials, for About boxes and logs. */
    String describe();

    /** A team server's database, which other desktops share: routes run on the server, not on this desktop. */
    boolean shared();

    /** The version of the newest schema migration applied. */
    int schemaVersion();

    /**
     * Whether this database opens only once a person signs in with their own database login (a team database on
     * PostgreSQL without a login of its own in the settings): until {@link #signIn} succeeds nothing can be read.
     */
    default boolean awaitsSignIn() {
        return false;
    }

    /**
     * Opens the database as a person, with the person's own database login; false (and still closed) when the
     * database refuses the login or the password. Passwords are cleared afterwards.
     */
    default boolean signIn(String login, char[] password) {
        throw new UnsupportedOperationException("this database has no personal logins");
    }

    /**
     * Whether this process may change the schema: embedded Derby always, a team database when connected as its owner
     * (the team server, IT), never as a person.
     */
    default boolean ownsSchema() {
        return !shared();
    }

    /**
     * Whether the team database accepts this login and password (a connection is opened and closed again); the
     * database stays open as it is. Passwords are cleared afterwards.
     */
    default boolean accepts(String login, char[] password) {
        throw new UnsupportedOperationException("this database has no personal logins");
    }

    /** This process's own login got a new password: connections opened from now on use it. */
    default void passwordChanged(char[] password) {
    }

    /** Closes a database opened by {@link #signIn}; it then awaits the next sign-in. */
    default void signOut() {
        throw new UnsupportedOperationException("this database has no personal logins");
    }

    /** The database login this process works as (a person's or the team server's); null for embedded Derby. */
    default String login() {
        return null;
    }
}
