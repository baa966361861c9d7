package org.guanxi.updates;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import org.guanxi.core.GuanxiHome;
import org.guanxi.core.db.AppSettings;
import org.guanxi.core.db.Database;
import org.guanxi.core.service.AuditLog;

/** Where IT publishes the modules and their updates: a p2 repository (a folder or an HTTPS URL). */
public final class UpdateSite {

    public static final String SETTING = "updates.site";
    private static final Logger LOG = Logger.getLogger(UpdateSite.class.getName());

    private UpdateSite() {
    }

    /**
     * The repository set in Preferences, else the one IT gives every desktop of the deployment
     * ({@code updates.site} in {@code $GUANXI_HOME/guanxi.properties}), if any.
     */
    public static Optional<URI> configured() {
        String value = text();
        if (value.isEmpty()) {
            value = GuanxiHome.deploymentValue(GuanxiHome.deployment(), SETTING, "");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(toUri(value));
    }

    /**
     * As {@link #configured()}, else the repository the team server announced on the team database {@code db}: IT sets
     * it once on the server, and every desktop of the team follows.
     */
    public static Optional<URI> configured(Database db) {
        Optional<URI> own = configured();
        if (own.isPresent() || db == null || !db.shared() || db.awaitsSignIn()) {
            return own;
        }
        String announced = db.jdbc(UpdateSite::announced);
        return announced.isEmpty() ? Optional.empty() : Optional.of(toUri(announced));
    }

    /**
     * What the team server tells the desktops, in the caller's transaction and in the audit trail when it changes: its
     * deployment's {@code updates.site}, or that there is none. A folder is announced as the server names it, so it
     * must be at that path on every desktop (a network share). A value {@link #save} would refuse (plain HTTP) is not
     * announced, with a warning. Returns the value announced ("" for none).
     */
    public static String announce(Connection c, AuditLog audit) throws SQLException {
        String value = GuanxiHome.deploymentValue(GuanxiHome.deployment(), SETTING, "");
        String announced = "";
        try {
            announced = value.isEmpty() ? "" : toUri(value).toString();
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "updates.site not announced to the desktops: " + e.getMessage());
        }
        AppSettings.write(c, audit, "UpdateSite", "", Map.of(SETTING, announced), "system");
        return announced;
    }

    /** The repository the team server announced ("" when none). */
    static String announced(Connection c) throws SQLException {
        String v = AppSettings.read(c, SETTING).get("");
        return v == null ? "" : v.strip();
    }

    /** The text as set in Preferences ("" when none). */
    public static String text() {
        return GuanxiHome.settings().getProperty(SETTING, "").strip();
    }

    /** Stores {@code value} (a folder or an http(s) / file URL), or forgets the setting when blank. */
    public static void save(String value) {
        String v = value == null ? "" : value.strip();
        if (!v.isEmpty()) {
            toUri(v);
        }
        GuanxiHome.saveSetting(SETTING, v.isEmpty() ? null : v);
    }

    /** A URL as it is; anything else is a folder of this machine. */
    static URI toUri(String value) {
        if (value.matches("(?i)(https?|file):.*")) {
            URI uri = URI.create(value);
            if ("http".equalsIgnoreCase(uri.getScheme())) {
                // modules are code: fetched over plain HTTP, anyone on the way could replace them
                throw new IllegalArgumentException(Texts.get("plainHttp", value));
            }
            return uri;
        }
        return Path.of(value).toAbsolutePath().toUri();
    }
}
