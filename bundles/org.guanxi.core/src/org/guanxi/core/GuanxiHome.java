package org.guanxi.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where Guanxi keeps its data (database, inbox folders, logs, route files) and the few settings that must be
 * known before anything else starts.
 * <p>
 * The data folder is, in this order: the system property {@code guanxi.home}, the environment variable
 * {@code GUANXI_HOME}, the {@code data.dir} user setting, {@code ~/.guanxi}. User settings live outside the data
 * folder ({@code ~/.config/guanxi/settings.properties}) because one of them chooses the data folder.
 */
public final class GuanxiHome {

    public static final String HOME_PROPERTY = "guanxi.home";
    public static final String SETTING_DATA_DIR = "data.dir";
    public static final String SETTING_LANGUAGE = "language";

    private GuanxiHome() {
    }

    public static Path dir() {
        String explicit = System.getProperty(HOME_PROPERTY);
        if (isBlank(explicit)) {
            explicit = System.getenv("GUANXI_HOME");
        }
        if (isBlank(explicit)) {
            explicit = settings().getProperty(SETTING_DATA_DIR);
        }
        Path dir = isBlank(explicit) ? Path.of(System.getProperty("user.home"), ".guanxi") : Path.of(explicit);
        return dir.toAbsolutePath().normalize();
    }

    /** True when the data folder is forced by the environment, so the preference cannot change it. */
    public static boolean isDirForced() {
        return !isBlank(System.getProperty(HOME_PROPERTY)) || !isBlank(System.getenv("GUANXI_HOME"));
    }

    public static Path resolve(String first, String... more) {
        return dir().resolve(Path.of(first, more));
    }

    public static Path settingsFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = isBlank(xdg) ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg);
        return base.resolve("guanxi").resolve("settings.properties");
    }

    public static Properties settings() {
        return load(settingsFile());
    }

    /**
     * The deployment's settings in {@code $GUANXI_HOME/guanxi.properties} (database, team mode, server), as IT
     * writes them; UTF-8. Empty when there is no such file.
     */
    public static Properties deployment() {
        return load(resolve("guanxi.properties"));
    }

    /** A deployment setting: {@code -Dguanxi.KEY} first, then {@code deployment}; blank counts as not set. */
    public static String deploymentValue(Properties deployment, String key, String fallback) {
        String v = System.getProperty("guanxi." + key);
        if (isBlank(v)) {
            v = deployment.getProperty(key);
        }
        return isBlank(v) ? fallback : v.strip();
    }

    /** A properties file as UTF-8 (plain ASCII with escapes, as {@link Properties#store} writes, reads the same). */
    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return p;
    }

    public static void saveSetting(String key, String value) {
        Properties p = settings();
        if (isBlank(value)) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }
        Path file = settingsFile();
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "Guanxi CRM user settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
