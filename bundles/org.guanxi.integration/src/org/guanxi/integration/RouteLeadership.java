package org.guanxi.integration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlDialect;

/**
 * Decides which of several team servers runs the routes, with the database as the referee: the leader is the server
 * whose open transaction holds an exclusive lock on the table INTEGRATION_LEADER; the others wait in
 * {@code LOCK TABLE} for it. The database ends that transaction, and so hands the lock to a waiting server, when the
 * leader stops, or when its session dies with its process or its network (Derby's network server and PostgreSQL
 * both roll back a lost session's transaction). No home-made protocol, no clocks compared between machines.
 * <p>
 * A leader checks its session every {@code check}; when the session is gone it stops its routes at once, since
 * another server may already lead, and a new leader waits two checks before it starts them. Should a leader stall
 * longer than that, the idempotency key of every outbox message still keeps the ERP from taking an order twice.
 */
public final class RouteLeadership implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RouteLeadership.class.getName());
    /** "Lock could not be obtained within the time requested" (Derby, PostgreSQL): a standby simply asks again. */
    private static final java.util.Set<String> LOCK_TIMEOUT = java.util.Set.of("40XL1", "55P03");

    private final DataSource dataSource;
    private final String node;
    private final Runnable lead;
    private final Runnable follow;
    private final Duration check;
    private final Thread thread;
    private volatile boolean closed;
    /** The lock is held: routes are starting, running or stopping. */
    private volatile boolean holding;
    /** The routes were started and run. */
    private volatile boolean leading;
    private volatile Connection session;

    /**
     * @param lead   called (on the leadership thread) when this server becomes the leader: start the routes
     * @param follow called when it stops leading (lost session, or {@link #close()}): stop the routes
     */
    public RouteLeadership(DataSource dataSource, String node, Runnable lead, Runnable follow, Duration check) {
        this.dataSource = dataSource;
        this.node = node;
        this.lead = lead;
        this.follow = follow;
        this.check = check;
        this.thread = new Thread(this::run, "guanxi-route-leadership");
        thread.setDaemon(true);
    }

    public RouteLeadership start() {
        thread.start();
        return this;
    }

    public boolean leading() {
        return leading;
    }

    private void run() {
        while (!closed) {
            try (Connection c = dataSource.getConnection()) {
                session = c;
                c.setAutoCommit(false);
                if (!acquire(c)) {
                    continue;
                }
                // the previous leader, if its session just died, notices within one check and stops its routes
                sleep(check.multipliedBy(2));
                if (closed) {
                    rollbackQuietly(c);
                    continue;
                }
                holding = true;
                LOG.info(() -> node + " leads the integration routes");
                try {
                    lead.run();
                    leading = true;
                    while (!closed && c.isValid((int) Math.max(1, check.toSeconds()))) {
                        sleep(check);
                    }
                } finally {
                    leading = false;
                    holding = false;
                    follow.run();
                    LOG.info(() -> node + " no longer leads the integration routes");
                    rollbackQuietly(c);
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, node + ": route leadership lost its database session; trying again", e);
                    sleep(check);
                }
            } finally {
                session = null;
            }
        }
    }

    /** Waits for the lock; false when the database's lock timeout ran out first (then the caller asks again). */
    private boolean acquire(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (SqlDialect.of(c) == SqlDialect.POSTGRESQL) {
                // a leader's transaction stays open by design: no server-wide idle timeout may end it
                st.execute("SET idle_in_transaction_session_timeout = 0");
            }
            st.execute("LOCK TABLE INTEGRATION_LEADER IN EXCLUSIVE MODE");
            // visible to no one until it ends, but shown in the lock tables of the database for an administrator
            st.executeUpdate("DELETE FROM INTEGRATION_LEADER");
            try (var ps = c.prepareStatement("INSERT INTO INTEGRATION_LEADER (NODE) VALUES (?)")) {
                ps.setString(1, node + " since " + AppClock.now());
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            rollbackQuietly(c);
            if (LOCK_TIMEOUT.contains(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // the session is gone, and its transaction with it
        }
    }

    /** Waits, or less when {@link #close()} is called; no interrupts, which would disturb the routes' own shutdown. */
    private synchronized void sleep(Duration d) {
        if (!closed) {
            try {
                wait(d.toMillis());
            } catch (InterruptedException e) {
                closed = true;
            }
        }
    }

    /** Stops leading (or waiting) and lets another server take over at once. */
    @Override
    public void close() {
        closed = true;
        Connection c = session;
        if (c != null && !holding) {
            // a standby blocked in LOCK TABLE: end its wait
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.FINE, "Aborting the waiting session failed", e);
            }
        }
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
