package org.guanxi.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

import org.apache.camel.spi.PropertiesFunction;

/**
 * {@code {{secret:NAME}}} in route files: credentials resolved when a route is created, so that they never stand in
 * a route file, a mapping or integration.properties. They come from the server configuration file
 * {@code $GUANXI_HOME/secrets.properties} (UTF-8, readable by its owner only; a wider file is refused), or from the
 * environment variable {@code GUANXI_SECRET_NAME} (dots become underscores). A secret that is not set resolves to
 * nothing, with a warning naming it but never a value.
 */
final class Secrets implements PropertiesFunction {

    static final String FILE = "secrets.properties";
    private static final Logger LOG = Logger.getLogger(Secrets.class.getName());

    private final Path home;

    Secrets(Path home) {
        this.home = home;
    }

    @Override
    public String getName() {
        return "secret";
    }

    @Override
    public String apply(String name) {
        String key = name.strip();
        String value = fromFile(key);
        if (value == null) {
            value = System.getenv("GUANXI_SECRET_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            LOG.warning(() -> "Secret " + key + " is not set (" + home.resolve(FILE) + " or GUANXI_SECRET_"
                    + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_') + ")");
            return "";
        }
        return value;
    }

    private String fromFile(String key) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                throw new IllegalStateException(file + " can be read by others; make it readable by its owner only (chmod 600)");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user profile's ACL protects the data folder
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties p = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return p.getProperty(key);
    }
}
