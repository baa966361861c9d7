package org.guanxi.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes from the JDK's own provider, stored as
 * {@code pbkdf2-sha256$iterations$salt$hash} so the work factor can be raised: 600,000 iterations (OWASP's figure
 * for SHA-256); a hash of fewer is replaced at the next sign-in ({@link #outdated}).
 */
public final class PasswordHasher {

    private static final String PREFIX = "pbkdf2-sha256";
    static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Salt of the work done for a login that has no hash, so that it answers no faster than one that has. */
    private static final byte[] NO_SALT = new byte[16];

    private PasswordHasher() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + '$' + ITERATIONS + '$' + b64(salt) + '$' + b64(derive(password, salt, ITERATIONS));
    }

    /**
     * Whether the password matches the stored hash. Without a usable hash (unknown login, no password) the same work
     * is done before answering false, so that the time taken does not tell whether a login exists.
     */
    public static boolean matches(char[] password, String stored) {
        String[] p = stored == null ? new String[0] : stored.split("\\$");
        if (p.length != 4 || !PREFIX.equals(p[0])) {
            derive(password, NO_SALT, ITERATIONS);
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(p[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(p[2]), Integer.parseInt(p[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash was made with less work than is made now (to be replaced once the password is known). */
    public static boolean outdated(String stored) {
        String[] p = stored == null ? new String[0] : stored.split("\\$");
        return p.length == 4 && PREFIX.equals(p[0]) && Integer.parseInt(p[1]) < ITERATIONS;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
