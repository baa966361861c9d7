package org.guanxi.core.persistence;

import java.util.Properties;

import javax.sql.DataSource;

import org.guanxi.core.GuanxiHome;

/**
 * Which database to use. Standalone default: embedded Derby in {@code $GUANXI_HOME/db}. A team sets {@code db.url}
 * ({@code jdbc:postgresql://…}) in {@code $GUANXI_HOME/guanxi.properties}, or the system property
 * {@code guanxi.db.url}: desktops then sign in with each person's own login; the team server and IT tools add the
 * owner's {@code db.user} and {@code db.password} (or sign in as described in HeadlessCredentials).
 */
public record DatabaseSettings(String url, String user, String password) {

    public static DatabaseSettings load() {
        Properties file = GuanxiHome.deployment();
        String url = GuanxiHome.deploymentValue(file, "db.url", "jdbc:derby:" + GuanxiHome.resolve("db") + ";create=true");
        if (url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            url = encrypted(url, GuanxiHome.deploymentValue(file, DerbyEncryption.SETTING, null));
        }
        return new DatabaseSettings(url, GuanxiHome.deploymentValue(file, "db.user", null),
                GuanxiHome.deploymentValue(file, "db.password", null));
    }

    /** An embedded database that is or should be encrypted gets its boot key (and the attributes that encrypt it). */
    private static String encrypted(String url, String setting) {
        boolean wanted = setting != null;
        if (wanted && !DerbyEncryption.AES_256.equalsIgnoreCase(setting)) {
            throw new IllegalArgumentException(DerbyEncryption.SETTING + "=" + setting + ": the only encryption is "
                    + DerbyEncryption.AES_256);
        }
        java.nio.file.Path dir = java.nio.file.Path.of(url.substring("jdbc:derby:".length()).split(";")[0]);
        if (!wanted && !DerbyEncryption.isEncrypted(dir)) {
            return url;
        }
        DerbyEncryption keys = DerbyEncryption.running();
        if (keys == null) {
            throw new IllegalStateException("The database " + dir + " is (to be) encrypted, and no secure storage keeps "
                    + "boot keys here");
        }
        return keys.bootUrl(url, wanted);
    }

    public boolean isEmbeddedDerby() {
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://") && !url.startsWith("jdbc:derby:net:");
    }

    public boolean isPostgreSql() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The folder of this database's schema migrations. */
    String dialect() {
        return isPostgreSql() ? "postgresql" : "derby";
    }

    /** A plain data source of these settings: not pooled, the schema not brought up to date. */
    public DataSource dataSource() {
        return DataSources.create(this);
    }

    /** The URL without any password parameter, for display. */
    public String describe() {
        if (isEmbeddedDerby() && url.contains(";bootPassword=")) {
            return url.split(";")[0] + " (AES-256)";
        }
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***").replaceAll("(?i);create=true", "");
    }
}
