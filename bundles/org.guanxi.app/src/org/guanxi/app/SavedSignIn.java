package org.guanxi.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

/**
 * A person's sign-in to one team database, remembered on this computer only when the person asks: the login in the
 * clear, the password in Eclipse secure storage, encrypted with a master password that the OS keyring keeps (the
 * Linux secret service through {@code org.eclipse.equinox.security.linux}). Nothing goes into the data folder.
 */
public final class SavedSignIn {

    private static final Logger LOG = Logger.getLogger(SavedSignIn.class.getName());
    private static final String LOGIN = "login";
    private static final String PASSWORD = "password";

    private final ISecurePreferences storage;
    private final ISecurePreferences node;

    /** {@code place} names the database (its URL without credentials); each has its own entry. */
    public SavedSignIn(ISecurePreferences storage, String place) {
        this.storage = storage;
        this.node = storage.node("org.guanxi.app/sign-in/" + URLEncoder.encode(place, StandardCharsets.UTF_8));
    }

    /** The user's default secure storage, or null when it cannot be opened (nothing is remembered then). */
    public static SavedSignIn forDatabase(String place) {
        ISecurePreferences root = SecurePreferencesFactory.getDefault();
        return root == null ? null : new SavedSignIn(root, place);
    }

    /** The login last signed in with here, or null. */
    public String login() {
        try {
            return node.get(LOGIN, null);
        } catch (StorageException e) {
            return null;
        }
    }

    /** The remembered password, or null: none kept, or the keyring would not give it (locked, gone). */
    public char[] password() {
        try {
            String pw = node.get(PASSWORD, null);
            return pw == null ? null : pw.toCharArray();
        } catch (StorageException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.INFO, "The remembered password cannot be read: " + e);
            return null;
        }
    }

    /** Keeps the login and, encrypted, the password. Fails when there is no keyring to protect it. */
    public void remember(String login, char[] password) throws StorageException {
        node.put(LOGIN, login, false);
        node.put(PASSWORD, new String(password), true);
        flush();
    }

    /** Keeps only the login; a password kept before is removed. */
    public void rememberLoginOnly(String login) {
        try {
            node.put(LOGIN, login, false);
        } catch (StorageException e) {
            // a value stored unencrypted cannot fail to encrypt; nothing else throws here
            LOG.log(Level.FINE, "login not remembered", e);
        }
        node.remove(PASSWORD);
        try {
            flush();
        } catch (StorageException e) {
            LOG.log(Level.WARNING, "The sign-in storage cannot be written: " + e.getMessage());
        }
    }

    private void flush() throws StorageException {
        try {
            storage.flush();
        } catch (java.io.IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
    }
}
