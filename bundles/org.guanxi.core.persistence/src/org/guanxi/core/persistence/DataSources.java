package org.guanxi.core.persistence;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.BasicEmbeddedDataSource40;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;

/**
 * Turns {@link DatabaseSettings} into a {@link DataSource}: Derby's own embedded data source for the default, the
 * PostgreSQL driver's data source for the team database ({@code jdbc:postgresql://host:port/db?sslmode=…}). Derby's
 * network server is not supported (no TLS, one shared login, code loading through SQLJ). The driver classes are used
 * directly: the JDBC driver manager does not see drivers of other bundles inside OSGi.
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

    /** The password the pool opens its next PostgreSQL connections with (those open stay as they are). */
    static void setPassword(HikariDataSource pool, String password) {
        if (pool.getDataSource() instanceof PGSimpleDataSource pg) {
            pg.setPassword(password);
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
            return ds;
        }
        if (s.isPostgreSql()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            if (s.user() != null) {
                ds.setUser(s.user());
                ds.setPassword(s.password());
            }
            // the product's name in pg_stat_activity, so that IT sees who holds a connection
            ds.setApplicationName("Guanxi CRM");
            // sslmode=verify-full (or verify-ca) checks the server against the company's CA: root.crt in the data
            // folder unless the URL names one (sslrootcert=…); the driver's own default would be ~/.postgresql
            java.nio.file.Path ca = org.guanxi.core.GuanxiHome.resolve("root.crt");
            if (ds.getSslMode() != null && ds.getSslMode().startsWith("verify") && ds.getSslRootCert() == null
                    && java.nio.file.Files.isRegularFile(ca)) {
                ds.setSslRootCert(ca.toString());
            }
            return ds;
        }
        throw new IllegalArgumentException("Guanxi runs on embedded Derby or PostgreSQL, not on " + s.describe());
    }
}
