package org.guanxi.core.persistence;

import java.util.Properties;

import org.guanxi.core.GuanxiHome;

/**
 * Which database to use. Standalone default: embedded Derby in {@code $GUANXI_HOME/db}. A team deployment sets
 * {@code db.url} (and {@code db.user}, {@code db.password}) in {@code $GUANXI_HOME/guanxi.properties}, or the
 * system properties {@code guanxi.db.url}, … — a configuration change, no code change.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static DatabaseSettings load() {
        Properties file = GuanxiHome.deployment();
        String url = pick("db.url", file, "jdbc:derby:" + GuanxiHome.resolve("db") + ";create=true");
        return new DatabaseSettings(url, pick("db.user", file, null), pick("db.password", file, null));
    }

    private static String pick(String key, Properties file, String fallback) {
        String v = System.getProperty("guanxi." + key);
        if (v == null || v.isBlank()) {
            v = file.getProperty(key);
        }
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    public boolean isEmbeddedDerby() {
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    /** The URL without any password parameter, for display. */
    public String describe() {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***").replaceAll("(?i);create=true", "");
    }
}
