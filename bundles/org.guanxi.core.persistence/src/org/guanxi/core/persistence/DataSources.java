package org.guanxi.core.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.BasicEmbeddedDataSource40;

/**
 * Turns {@link DatabaseSettings} into a {@link DataSource}: Derby's own embedded data source for the default, the
 * JDBC driver manager for server databases (network Derby, PostgreSQL) whose driver bundles register themselves.
 */
final class DataSources {

    private DataSources() {
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
            return ds;
        }
        return new DriverManagerDataSource(url, s.user(), s.password());
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
