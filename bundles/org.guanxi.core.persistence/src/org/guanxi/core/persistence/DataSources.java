package org.guanxi.core.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.derby.client.BasicClientDataSource;
import org.apache.derby.jdbc.BasicEmbeddedDataSource40;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;

/**
 * Turns {@link DatabaseSettings} into a {@link DataSource}: Derby's own embedded data source for the default, Derby's
 * client data source for a team server's network Derby ({@code jdbc:derby://host:port/db}), the JDBC driver manager
 * for other server databases (PostgreSQL) whose driver bundles register themselves.
 */
final class DataSources {

    private DataSources() {
    }

    /**
     * The database's connections, pooled (HikariCP) for every kind of database: EclipseLink does not pool a data
     * source it is given, so every transaction opened a connection — for embedded Derby a new session with its
     * warning and message lookups (a fifth of the ERP relay's write-back time), for a server database a new TCP
     * connection and login. Close the result before shutting an embedded database down.
     */
    static HikariDataSource pooled(DatabaseSettings s) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(create(s));
        config.setPoolName("guanxi-db");
        // the relay's ten threads may each hold a read and a write connection, plus the UI's and the leader lock's
        config.setMaximumPoolSize(24);
        config.setMinimumIdle(2);
        config.setIdleTimeout(60_000);
        try {
            return new HikariDataSource(config);
        } catch (PoolInitializationException e) {
            // keep the driver's own reason (e.g. Derby's "another instance has booted the database") for the caller
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw e;
        }
    }

    static DataSource create(DatabaseSettings s) {
        String url = s.url();
        if (s.isEmbeddedDerby()) {
            String rest = url.substring("jdbc:derby:".length());
            String[] parts = rest.split(";");
            BasicEmbeddedDataSource40 ds = new BasicEmbeddedDataSource40();
            ds.setDatabaseName(parts[0]);
            StringBuilder attrs = new StringBuilder();
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equalsIgnoreCase("create=true")) {
                    ds.setCreateDatabase("create");
                } else if (!parts[i].isBlank()) {
                    attrs.append(parts[i]).append(';');
                }
            }
            if (!attrs.isEmpty()) {
                ds.setConnectionAttributes(attrs.toString());
            }
            if (s.user() != null) {
                // a team server that lets desktops in with a password needs it for its own connections too
                ds.setUser(s.user());
                ds.setPassword(s.password());
            }
            return ds;
        }
        if (url.startsWith("jdbc:derby://")) {
            return networkDerby(s);
        }
        return new DriverManagerDataSource(url, s.user(), s.password());
    }

    /** {@code jdbc:derby://host[:port]/database[;attribute=value...]}, as Derby's client documents it. */
    private static DataSource networkDerby(DatabaseSettings s) {
        var m = java.util.regex.Pattern.compile("jdbc:derby://([^:/]+)(?::(\\d+))?/([^;]+)(;.*)?").matcher(s.url());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a Derby network URL: " + s.describe());
        }
        BasicClientDataSource ds = new BasicClientDataSource();
        ds.setServerName(m.group(1));
        ds.setPortNumber(m.group(2) == null ? 1527 : Integer.parseInt(m.group(2)));
        ds.setDatabaseName(m.group(3));
        if (m.group(4) != null) {
            ds.setConnectionAttributes(m.group(4).substring(1));
        }
        if (s.user() != null) {
            ds.setUser(s.user());
            ds.setPassword(s.password());
        }
        return ds;
    }

    private record DriverManagerDataSource(String url, String user, String password) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("org.guanxi.db");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
