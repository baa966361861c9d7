package org.guanxi.core.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.ValidationException;
import org.guanxi.security.SecurityServiceImpl;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords: the work factor of their hashes, raised at the next sign-in, and a person changing their own. */
class PasswordTest {

    @TempDir
    Path dir;

    private JpaDatabase db;
    private SecurityServiceImpl security;
    /** Logins are roles of the whole PostgreSQL cluster: unique per test. */
    private final String login = "rep_" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.open(dir.resolve("db"));
        security = new SecurityServiceImpl(db);
        security.signInAsProcess();
        security.saveUser(login, "王伟", "Chun-2026".toCharArray(), true, Set.of("SALES"), "");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aHashOfTheOldWorkFactorIsReplacedAtTheNextSignIn() throws Exception {
        assumeFalse(TestDatabases.onPostgreSql(), "a team database keeps no hashes: PostgreSQL checks the login");
        String old = oldHash("Chun-2026".toCharArray());
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE APP_USER SET PASSWORD_HASH = ? WHERE LOGIN = ?")) {
            ps.setString(1, old);
            ps.setString(2, login);
            assertEquals(1, ps.executeUpdate());
        }
        assertTrue(security.login(login, "Chun-2026".toCharArray()), "the old hash still signs in");
        String now = hash();
        assertNotEquals(old, now);
        assertTrue(now.startsWith("pbkdf2-sha256$600000$"), now);
        security.signInAsProcess();
        assertTrue(security.login(login, "Chun-2026".toCharArray()), "and so does the new one");
        assertEquals(now, hash(), "replaced once");
    }

    @Test
    void aPersonChangesTheirOwnPasswordProvingTheCurrentOne() {
        assertTrue(security.login(login, "Chun-2026".toCharArray()));
        ValidationException tooShort = assertThrows(ValidationException.class,
                () -> security.changePassword("Chun-2026".toCharArray(), "Xia-27".toCharArray()));
        assertEquals("error.passwordShort", tooShort.getErrors().get(0).key());
        ValidationException itsLogin = assertThrows(ValidationException.class,
                () -> security.changePassword("Chun-2026".toCharArray(), login.toUpperCase().toCharArray()));
        assertEquals("error.passwordIsLogin", itsLogin.getErrors().get(0).key());
        GuanxiException wrong = assertThrows(GuanxiException.class,
                () -> security.changePassword("Chun-2025".toCharArray(), "Xia-2027!".toCharArray()));
        assertEquals("error.passwordWrong", wrong.getKey());

        security.changePassword("Chun-2026".toCharArray(), "Xia-2027!".toCharArray());
        security.signInAsProcess();
        assertFalse(security.login(login, "Chun-2026".toCharArray()), "the old password is gone");
        assertTrue(security.login(login, "Xia-2027!".toCharArray()));
    }

    private String hash() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT PASSWORD_HASH FROM APP_USER WHERE LOGIN = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** A hash as the product made them before: 210,000 iterations. */
    private static String oldHash(char[] password) throws Exception {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, 210_000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$210000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }
}
