package org.guanxi.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;

/**
 * What every module's service tests start from: a fresh test database ({@link TestDatabases}), the security services
 * over it as DS wires them, the OS user signed in (an administrator), and English messages until {@link #close()}. A
 * module's fixture extends it with that module's services.
 */
public class TestSession implements AutoCloseable {

    public final JpaDatabase db;
    public final SecurityServiceImpl security;
    public final AuditLogImpl audit;
    public final OutboxRepository outbox;
    private final Locale locale = Locale.getDefault();
    private long valueRun;

    /** The session on the test database in {@code dir}/db. */
    public TestSession(Path dir) throws SQLException {
        Locale.setDefault(Locale.ENGLISH);
        db = TestDatabases.open(dir.resolve("db"));
        security = new SecurityServiceImpl(db);
        security.signInAsProcess();
        audit = new AuditLogImpl(db, security);
        outbox = new OutboxRepository(db);
    }

    /** Signs in as a new user with these application roles (the administrator creates them). */
    public void signIn(String login, String... roles) {
        security.signInAsProcess();
        security.createUser(login, login, "secret".toCharArray(), roles);
        if (!security.login(login, "secret".toCharArray())) {
            throw new IllegalStateException("cannot sign in " + login);
        }
    }

    /** An id from the entities' sequence (a value taken here is never handed out by JPA). */
    public static long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlDialect.of(c).nextValue("GX_ID_SEQ")); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Places a customer in a pyramid tier ({@code Tier} name) as the customer module's value analysis would: a row of
     * this session's one finished value run, so once per customer.
     */
    public void tier(long customerId, String tier) {
        db.jdbcTransaction(c -> {
            if (valueRun == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO VALUE_RUN (AS_OF, STARTED_AT, FINISHED_AT, "
                        + "CUSTOMERS, USER_LOGIN) VALUES (" + SqlClock.today() + ", ?, ?, 0, 'test')", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setTimestamp(1, Timestamp.from(AppClock.now()));
                    ps.setTimestamp(2, Timestamp.from(AppClock.now()));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        valueRun = keys.getLong(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER_VALUE (RUN_ID, CUSTOMER_ID, VALUE_12M, "
                    + "TIER, STAGE, R, F, M, RFM_SEGMENT, CLV_REALISED, CLV_PREDICTED, QUADRANT, STATUS) "
                    + "VALUES (?, ?, 0, ?, 'STABILITY', 3, 3, 3, 'LOYAL', 0, 0, 'KEEP_AND_GROW', 'EXISTING')")) {
                ps.setLong(1, valueRun);
                ps.setLong(2, customerId);
                ps.setString(3, tier);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Waits until {@code condition} holds, at most {@code cap}. A benchmark passes a generous cap: it waits as long as
     * the work takes on a slow or busy machine and measures that, instead of failing on a deadline.
     */
    public static void await(String what, Duration cap, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + cap.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        db.close();
        Locale.setDefault(locale);
    }
}
