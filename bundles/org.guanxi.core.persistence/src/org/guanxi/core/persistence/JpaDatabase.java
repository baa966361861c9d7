package org.guanxi.core.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.guanxi.core.AppClock;
import org.guanxi.core.DataFolder;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.db.Database;
import org.guanxi.core.service.ConflictException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;

/**
 * The {@link Database} service: opens the configured data source, brings the schema up to date, then starts
 * EclipseLink on it. EclipseLink is bootstrapped through its {@link PersistenceProvider} with this bundle's class
 * loader, because {@code jakarta.persistence.Persistence} finds no provider inside an OSGi product.
 */
@Component(service = Database.class)
public class JpaDatabase implements Database {

    private static final Logger LOG = Logger.getLogger(JpaDatabase.class.getName());

    private DatabaseSettings settings;
    /** A team database's settings without a login, while it awaits a sign-in and after one. */
    private DatabaseSettings awaiting;
    private HikariDataSource dataSource;
    private EntityManagerFactory emf;
    private int schemaVersion;

    @Activate
    public void activate() throws SQLException {
        DatabaseSettings s = DatabaseSettings.load();
        if (s.isPostgreSql() && s.user() == null) {
            awaitSignIn(s);
        } else {
            open(s);
        }
    }

    /** A desktop of a team: each person connects as themselves, so the database opens at {@link #signIn}. */
    public synchronized void awaitSignIn(DatabaseSettings s) {
        if (!s.isPostgreSql() || s.user() != null) {
            throw new IllegalArgumentException("Only a team database without a login of its own awaits a sign-in");
        }
        settings = s;
        awaiting = s;
        LOG.info(() -> "Team database " + s.describe() + ": opens when a person signs in");
    }

    @Override
    public synchronized boolean awaitsSignIn() {
        return emf == null && settings != null && settings.isPostgreSql() && settings.user() == null;
    }

    @Override
    public synchronized boolean signIn(String login, char[] password) {
        try {
            if (!awaitsSignIn()) {
                throw new IllegalStateException("The database is open already (as " + login() + ")");
            }
            try {
                open(new DatabaseSettings(awaiting.url(), login, new String(password)));
                return true;
            } catch (SQLException e) {
                signOut();
                // 28P01: wrong password or no such login; 28000: a login that may not log in (disabled)
                if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                    LOG.warning(() -> "The team database refused the login " + login + " (" + e.getSQLState() + ")");
                    return false;
                }
                throw new IllegalStateException("Cannot open the team database: " + e.getMessage(), e);
            }
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    @Override
    public boolean accepts(String login, char[] password) {
        try (java.sql.Connection c = new DatabaseSettings(settings.url(), login, new String(password)).dataSource().getConnection()) {
            return c.isValid(5);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                return false;
            }
            throw new IllegalStateException("Cannot reach the team database: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    @Override
    public synchronized void passwordChanged(char[] password) {
        if (awaiting != null && dataSource != null) {
            String pw = new String(password);
            DataSources.setPassword(dataSource, pw);
            settings = new DatabaseSettings(settings.url(), settings.user(), pw);
        }
    }

    @Override
    public synchronized void signOut() {
        if (awaiting == null) {
            throw new IllegalStateException("Only a database opened by a sign-in is signed out");
        }
        close();
        settings = awaiting;
    }

    @Override
    public boolean ownsSchema() {
        return !shared() || jdbc(PostgresSecurity::isOwner);
    }

    @Override
    public String login() {
        DatabaseSettings s = settings;
        return s == null || s.isEmbeddedDerby() ? null : s.user();
    }

    /** An embedded Derby database in {@code dir}, created when missing: for tests, benchmarks and tools. */
    public static JpaDatabase openEmbedded(Path dir) throws SQLException {
        JpaDatabase db = new JpaDatabase();
        db.open(new DatabaseSettings("jdbc:derby:" + dir + ";create=true", null, null));
        return db;
    }

    /** Opens the given database; used by {@link #activate()} and by {@link #openEmbedded(Path)}. */
    public synchronized void open(DatabaseSettings s) throws SQLException {
        this.settings = s;
        DataFolder.secure(GuanxiHome.dir());
        // a GUANXI_CLOCK with a zone sets the JVM's zone: before the driver reads it for its timestamps
        AppClock.get();
        if (s.isEmbeddedDerby()) {
            prepareDerbySystem();
        }
        long start = System.nanoTime();
        dataSource = DataSources.pooled(s);
        schemaVersion = new SchemaMigrator(dataSource, s.dialect()).migrate();
        if (s.isPostgreSql()) {
            try (java.sql.Connection c = dataSource.getConnection()) {
                PostgresSecurity.apply(c);
            }
        }
        SearchKeyFiller.fillPinyin(dataSource);
        if (s.isEmbeddedDerby()) {
            try (java.sql.Connection c = dataSource.getConnection()) {
                DerbyStatistics.refreshStale(c);
            }
        }
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.CLASSLOADER, JpaDatabase.class.getClassLoader());
        props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        props.put(PersistenceUnitProperties.TARGET_DATABASE, s.isPostgreSql() ? "PostgreSQL" : "Derby");
        emf = new PersistenceProvider().createEntityManagerFactory("guanxi", props);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink did not find persistence unit 'guanxi'");
        }
        // connect now, so that mapping errors surface at start and not at the first click
        emf.createEntityManager().close();
        LOG.info(() -> "Database ready: " + s.describe() + ", schema V" + schemaVersion + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static void prepareDerbySystem() {
        // Derby's own default leaves its files to the umask (readable by all, usually): owner-only instead
        System.setProperty("derby.storage.useDefaultFilePermissions", "false");
        Path logs = GuanxiHome.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "Cannot create " + logs, e);
        }
        System.setProperty("derby.stream.error.file", logs.resolve("derby.log").toString());
        // Derby writes its log buffer to disk synchronously each time it fills: the default 32 KB made an SCM file of
        // 100,000 rows wait for hundreds of such writes; 1 MB is Derby's largest (a commit still writes at once)
        if (System.getProperty("derby.storage.logBufferSize") == null) {
            System.setProperty("derby.storage.logBufferSize", "1048576");
        }
        // Derby refills a sequence's cache of values in a nested transaction that gives up at once when another
        // transaction holds the catalog row: with the default of 100 values, the demo, the routes and the timers
        // writing at first start made it give up ("40XL1 … SequenceUpdater.tooMuchContentionException") and the write
        // failed. A cache of 2,000 values refills twenty times less often; a restart only leaves a gap in the ids.
        if (System.getProperty("derby.language.sequence.preallocator") == null) {
            System.setProperty("derby.language.sequence.preallocator", "2000");
        }
        DerbyStatistics.switchOffDaemon();
    }

    @Deactivate
    public synchronized void close() {
        if (emf != null) {
            emf.close();
            emf = null;
        }
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        if (settings != null && settings.isEmbeddedDerby()) {
            String db = settings.url().substring("jdbc:derby:".length()).split(";")[0];
            try {
                new org.apache.derby.jdbc.EmbeddedDriver().connect("jdbc:derby:" + db + ";shutdown=true", new java.util.Properties());
            } catch (SQLException e) {
                // 08006 is Derby's "database shut down" and means success
                if (!"08006".equals(e.getSQLState())) {
                    LOG.log(Level.WARNING, "Derby shutdown failed", e);
                }
            }
        }
    }

    @Override
    public boolean shared() {
        return !settings.isEmbeddedDerby();
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory().createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (OptimisticLockException e) {
            throw new ConflictException(e);
        } catch (RollbackException e) {
            if (e.getCause() instanceof OptimisticLockException) {
                throw new ConflictException(e.getCause());
            }
            throw e;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private EntityManagerFactory factory() {
        EntityManagerFactory f = emf;
        if (f == null) {
            throw new IllegalStateException(awaitsSignIn() ? "Nobody has signed in to the team database yet" : "The database is closed");
        }
        return f;
    }

    @Override
    public DataSource dataSource() {
        factory();
        return dataSource;
    }

    @Override
    public DataSource unpooledDataSource() {
        return dataSource.getDataSource();
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }
}
