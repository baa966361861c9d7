package org.guanxi.core.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;


/**
 * The embedded database encrypted at rest with AES-256 (Derby's own encryption, named explicitly: its default is
 * DES). Its boot key is 256 random bits kept by a {@link BootKeyStore} — the product's is Eclipse secure storage,
 * which encrypts it with a master password the OS keyring holds; never in a file next to the database. A database asked to be encrypted is created so, or, when it
 * exists unencrypted, encrypted in place at its next boot (Derby rewrites every page; the log says so).
 */
public final class DerbyEncryption {

    /** The setting in {@code guanxi.properties} that asks for it; the only value is {@value #AES_256}. */
    public static final String SETTING = "db.encryption";
    public static final String AES_256 = "AES-256";

    private static final Logger LOG = Logger.getLogger(DerbyEncryption.class.getName());
    private static final String ATTRIBUTES = ";dataEncryption=true;encryptionAlgorithm=AES/CBC/NoPadding;encryptionKeyLength=256";

    /** Where boot keys are kept, per database folder. */
    public interface BootKeyStore {

        /** The key kept for the database in {@code dir}, or null. */
        String get(Path dir);

        /** Keeps the key; fails (and nothing is encrypted) when it cannot be kept safely. */
        void put(Path dir, String key);
    }

    private final BootKeyStore keys;

    public DerbyEncryption(BootKeyStore keys) {
        this.keys = keys;
    }

    /** The product's key store (an OSGi service, given a few seconds to start), or null when none is running. */
    static DerbyEncryption running() {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(DerbyEncryption.class);
        org.osgi.framework.BundleContext bc = bundle == null ? null : bundle.getBundleContext();
        if (bc == null) {
            return null;
        }
        org.osgi.util.tracker.ServiceTracker<BootKeyStore, BootKeyStore> tracker = new org.osgi.util.tracker.ServiceTracker<>(bc,
                BootKeyStore.class, null);
        tracker.open();
        try {
            BootKeyStore store = tracker.waitForService(10_000);
            return store == null ? null : new DerbyEncryption(store);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            tracker.close();
        }
    }

    /** Whether the Derby database in {@code dir} is encrypted: its service properties say so, in the clear. */
    public static boolean isEncrypted(Path dir) {
        Path service = dir.resolve("service.properties");
        try {
            return Files.isRegularFile(service) && Files.readString(service, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .lines().anyMatch(l -> l.strip().equals("dataEncryption=true"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The URL to boot the embedded database at {@code url} with: an encrypted one with its boot key; one that should
     * be encrypted ({@code wanted}) with the attributes that create or encrypt it, under a new key kept first.
     */
    public String bootUrl(String url, boolean wanted) {
        Path dir = Path.of(url.substring("jdbc:derby:".length()).split(";")[0]).toAbsolutePath().normalize();
        if (isEncrypted(dir)) {
            String key = key(dir);
            if (key == null) {
                throw new IllegalStateException("The database " + dir + " is encrypted and its boot key is not in this "
                        + "user's secure storage: sign in as the user who created it, or restore its secure storage");
            }
            return url + ";bootPassword=" + key;
        }
        if (!wanted) {
            return url;
        }
        String key = key(dir);
        if (key == null) {
            byte[] bits = new byte[32];
            new SecureRandom().nextBytes(bits);
            key = HexFormat.of().formatHex(bits);
            keep(dir, key);
        }
        if (Files.exists(dir.resolve("service.properties"))) {
            LOG.warning(() -> "Encrypting the database " + dir + " in place with AES-256: every page is rewritten, which takes "
                    + "about as long as copying the folder; do not stop the application meanwhile");
        }
        return url + ATTRIBUTES + ";bootPassword=" + key;
    }

    private String key(Path dir) {
        return keys.get(dir);
    }

    private void keep(Path dir, String key) {
        keys.put(dir, key);
    }
}
