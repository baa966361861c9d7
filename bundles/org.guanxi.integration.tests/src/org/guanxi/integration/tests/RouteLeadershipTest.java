package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.integration.RouteLeadership;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode: servers that share one database (on PostgreSQL, a team's database; on Derby, sessions of one embedded
 * engine), each with its own sessions. Exactly one leads the routes at any time; another takes over when the leader stops or when its
 * database session dies (as it does when its process is killed or its network fails).
 */
class RouteLeadershipTest {

    private static final Duration CHECK = Duration.ofMillis(200);

    @TempDir
    Path home;

    private JpaDatabase host;
    /** How many servers run the routes right now, and the most there ever were at once. */
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final List<String> leaders = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startDatabase() throws Exception {
        host = TestDatabases.open(home.resolve("db"));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        host.close();
    }

    /** A server: its own database connection pool over the network, and routes that count themselves. */
    private RouteLeadership node(String name, DataSource sessions) {
        RouteLeadership l = new RouteLeadership(sessions, name, () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            leaders.add(name);
        }, running::decrementAndGet, CHECK);
        toClose.add(l);
        return l.start();
    }

    /** Sessions of a server of its own: plain connections, not the host's pool. */
    private DataSource network() throws SQLException {
        return TestDatabases.dataSource(home.resolve("db"));
    }

    @Test
    void oneOfTwoLeadsAndTheOtherTakesOverWhenItStops() throws Exception {
        RouteLeadership a = node("server-a", network());
        waitFor(a::leading);
        RouteLeadership b = node("server-b", network());
        Thread.sleep(CHECK.multipliedBy(6).toMillis());
        assertTrue(a.leading());
        assertFalse(b.leading(), "the second server waits");
        assertEquals(List.of("server-a"), leaders);

        a.close();
        waitFor(b::leading);
        assertEquals(List.of("server-a", "server-b"), leaders);
        assertEquals(1, running.get());
        assertEquals(1, most.get(), "never two at once");
    }

    @Test
    void aStandbyTakesOverWhenTheLeadersSessionDies() throws Exception {
        Sessions aSessions = new Sessions(network());
        RouteLeadership a = node("server-a", aSessions);
        waitFor(a::leading);
        RouteLeadership b = node("server-b", network());
        Thread.sleep(CHECK.multipliedBy(4).toMillis());
        assertFalse(b.leading());

        // the leader's database session breaks, as when its process is killed or its network fails
        aSessions.last.abort(Runnable::run);
        waitFor(b::leading);
        assertFalse(a.leading(), "the old leader stopped its routes");
        assertEquals(1, most.get(), "never two at once");
        assertEquals(List.of("server-a", "server-b"), leaders);

        // the old leader, its database back, waits as the standby now
        Thread.sleep(CHECK.multipliedBy(6).toMillis());
        assertFalse(a.leading());
        b.close();
        waitFor(a::leading);
        assertEquals(List.of("server-a", "server-b", "server-a"), leaders);
        assertEquals(1, most.get());
    }

    /** Remembers the last connection handed out, to break it from outside. */
    private static final class Sessions implements DataSource {
        private final DataSource target;
        volatile Connection last;

        Sessions(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            last = target.getConnection();
            return last;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return target.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getLogger("test");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(50);
        }
    }
}
