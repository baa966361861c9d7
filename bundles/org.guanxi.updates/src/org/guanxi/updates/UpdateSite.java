package org.guanxi.updates;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.guanxi.core.GuanxiHome;

/** Where IT publishes the modules and their updates: a p2 repository (a folder or an HTTPS URL). */
public final class UpdateSite {

    public static final String SETTING = "updates.site";

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
