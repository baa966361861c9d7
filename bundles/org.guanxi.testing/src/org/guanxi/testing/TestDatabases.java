package org.guanxi.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;

/**
 * The database a test runs on. By default an embedded Derby database in the test's folder. When
 * {@code guanxi.test.db.url} names a PostgreSQL server ({@code jdbc:postgresql://127.0.0.1:port/}, with
 * {@code guanxi.test.db.user} and {@code .password}; {@code releng/guanxi test} runs the module fragments a second time
 * so, on a server it starts for the run), a database of its own on that server, named after the folder: a test that
 * closes and reopens its database finds its rows again, as it would in Derby's folder. The server is thrown away
 * after the run, so nothing is dropped here.
 */
public final class TestDatabases {

    private static final String URL = "guanxi.test.db.url";

    private TestDatabases() {
    }

    /** Whether this run's tests use PostgreSQL. */
    public static boolean onPostgreSql() {
        String url = System.getProperty(URL);
        return url != null && !url.isBlank();
    }

    /** The settings of the test database for {@code dir}, created when missing (PostgreSQL) or on first open (Derby). */
    public static DatabaseSettings settings(Path dir) throws SQLException {
        if (!onPostgreSql()) {
            return new DatabaseSettings("jdbc:derby:" + dir + ";create=true", null, null);
        }
        String server = System.getProperty(URL);
        String user = System.getProperty("guanxi.test.db.user");
        String password = System.getProperty("guanxi.test.db.password");
        String name = "gx_" + digest(dir.toAbsolutePath().normalize().toString());
        try (Connection c = new DatabaseSettings(server + "postgres", user, password).dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE DATABASE " + name);
                    } catch (SQLException e) {
                        if (!"42P04".equals(e.getSQLState())) { // created meanwhile: as good
                            throw e;
                        }
                    }
                }
            }
        }
        return new DatabaseSettings(server + name, user, password);
    }

    /** A plain (unpooled, unmigrated) data source on the test database for {@code dir}. */
    public static DataSource dataSource(Path dir) throws SQLException {
        return settings(dir).dataSource();
    }

    /** The folder name of this run's schema migrations. */
    public static String dialect() {
        return onPostgreSql() ? "postgresql" : "derby";
    }

    /** Opens (and brings up to date) the test database for {@code dir}. */
    public static JpaDatabase open(Path dir) throws SQLException {
        JpaDatabase db = new JpaDatabase();
        db.open(settings(dir));
        return db;
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
