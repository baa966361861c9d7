package org.guanxi.core.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlDialect;

/**
 * Versioned schema migrations: {@code db/migration/<dialect>/V1.sql}, {@code V2.sql}, … applied in order, each in
 * its own transaction, recorded in {@code SCHEMA_VERSION}.
 * <p>
 * Written by hand rather than with Flyway or Liquibase because both find migrations by scanning the class path,
 * which does not see into another OSGi bundle's class loader; numbered resources looked up one by one need
 * no scanning and fit in this one class.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private final DataSource dataSource;
    private final String dialect;
    private final ClassLoader loader;

    public SchemaMigrator(DataSource dataSource, String dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.loader = SchemaMigrator.class.getClassLoader();
    }

    /** The newest version shipped with this build. */
    public int latestVersion() {
        int v = 0;
        while (loader.getResource(script(v + 1)) != null) {
            v++;
        }
        return v;
    }

    public int currentVersion() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return currentVersion(c);
        }
    }

    /** Applies every migration up to the latest; returns the resulting version. */
    public int migrate() throws SQLException {
        return migrateTo(latestVersion());
    }

    public int migrateTo(int target) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            int current = currentVersion(c);
            if (current > latestVersion()) {
                throw new SQLException("The database has schema version " + current + " but this Guanxi build knows only "
                        + latestVersion() + ": install a newer Guanxi.");
            }
            c.setAutoCommit(false);
            if (current < target && "postgresql".equals(dialect)) {
                // the security script's masked views stand on the tables' columns: it makes them anew afterwards
                try (Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS gx_masked CASCADE");
                }
            }
            for (int v = current + 1; v <= target; v++) {
                apply(c, v);
            }
            int result = currentVersion(c);
            c.commit();
            return result;
        }
    }

    private void apply(Connection c, int version) throws SQLException {
        String sql = read(script(version));
        List<String> statements = split(sql);
        String description = sql.lines().findFirst().orElse("").replaceFirst("^--\\s*", "");
        long start = System.nanoTime();
        try (Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
            // keys computed in Java for the rows of a new column
            SearchKeyFiller.afterMigration(c, version);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO SCHEMA_VERSION (VERSION, DESCRIPTION, APPLIED_AT) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, description.length() > 200 ? description.substring(0, 200) : description);
                ps.setTimestamp(3, Timestamp.from(AppClock.now()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("Schema migration V" + version + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
        LOG.info(() -> "Applied schema migration V" + version + " (" + (System.nanoTime() - start) / 1_000_000 + " ms): "
                + description);
    }

    private String script(int version) {
        return "db/migration/" + dialect + "/V" + version + ".sql";
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits at semicolons that end a line, except inside a {@code $$ … $$} body (PostgreSQL functions); comment lines
     * outside such a body are dropped.
     */
    public static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : sql.split("\\R")) {
            String t = line.strip();
            if (!inBody && (t.isEmpty() || t.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            if ((line.split("\\$\\$", -1).length - 1) % 2 == 1) {
                inBody = !inBody;
            }
            if (!inBody && t.endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        if (!tableExists(c, "SCHEMA_VERSION")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE SCHEMA_VERSION (VERSION INTEGER NOT NULL PRIMARY KEY, "
                        + "DESCRIPTION VARCHAR(200), APPLIED_AT TIMESTAMP NOT NULL)");
            }
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        if (!tableExists(c, "SCHEMA_VERSION")) {
            return 0;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(VERSION) FROM SCHEMA_VERSION")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // in the connection's own schema only: a shared database may hold another product's table of that name
        for (String name : new String[] { table, table.toLowerCase(java.util.Locale.ROOT) }) {
            try (ResultSet rs = md.getTables(null, SqlDialect.tableSchema(c), name, new String[] { "TABLE" })) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
