package org.guanxi.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.guanxi.core.persistence.DerbyEncryption.BootKeyStore;
import org.osgi.service.component.annotations.Component;

/**
 * Boot keys of encrypted embedded databases in the user's Eclipse secure storage, encrypted there with a master
 * password that the OS keyring keeps (the Linux secret service through {@code org.eclipse.equinox.security.linux}).
 */
@Component(service = BootKeyStore.class)
public class SecureStorageBootKeys implements BootKeyStore {

    private static final String NODE = "org.guanxi/derby-boot-keys";

    private final ISecurePreferences storage;

    /** The user's default secure storage, opened when a key is first asked for. */
    public SecureStorageBootKeys() {
        this(null);
    }

    public SecureStorageBootKeys(ISecurePreferences storage) {
        this.storage = storage;
    }

    private ISecurePreferences node() {
        ISecurePreferences root = storage != null ? storage : SecurePreferencesFactory.getDefault();
        if (root == null) {
            throw new IllegalStateException("There is no secure storage for the database's boot key");
        }
        return root.node(NODE);
    }

    @Override
    public String get(Path dir) {
        try {
            return node().get(name(dir), null);
        } catch (StorageException | RuntimeException e) {
            // the Linux provider throws a SecurityException when the keyring is locked or missing
            throw new IllegalStateException("The secure storage will not give the database's boot key: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(Path dir, String key) {
        try {
            ISecurePreferences node = node();
            node.put(name(dir), key, true);
            node.flush();
        } catch (StorageException | IOException | RuntimeException e) {
            throw new IllegalStateException("The database's boot key cannot be kept in secure storage (is there an OS "
                    + "keyring?): " + e.getMessage() + ". The database is not encrypted.", e);
        }
    }

    /** A node's key may not hold '/': the folder is encoded. */
    private static String name(Path dir) {
        return URLEncoder.encode(dir.toAbsolutePath().normalize().toString(), StandardCharsets.UTF_8);
    }
}
