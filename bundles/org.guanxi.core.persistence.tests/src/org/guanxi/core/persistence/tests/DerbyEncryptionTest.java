package org.guanxi.core.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.crypto.spec.PBEKeySpec;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.guanxi.core.persistence.DerbyEncryption;
import org.guanxi.security.SecureStorageBootKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An encrypted embedded database holds no customer's name in its files, and opens only with its kept key. */
class DerbyEncryptionTest {

    private static final String NAME = "欧阳测试乙";
    private static final String PHONE = "PHONE-13987650123";

    @TempDir
    Path tmp;

    private SecureStorageBootKeys storage;

    @BeforeEach
    void storage() throws Exception {
        // a storage of its own, its master password given here instead of by the OS keyring of the test machine
        storage = new SecureStorageBootKeys(SecurePreferencesFactory.open(tmp.resolve("secure_storage").toUri().toURL(),
                Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("master".toCharArray()), IProviderHints.PROMPT_USER,
                        Boolean.FALSE)));
    }

    @Test
    void aNewDatabaseIsCreatedWithAes256AndItsFilesHoldNoNameInClear() throws Exception {
        Path dir = tmp.resolve("db");
        String url = "jdbc:derby:" + dir + ";create=true";
        String boot = new DerbyEncryption(storage).bootUrl(url, true);
        assertTrue(boot.contains("encryptionAlgorithm=AES/CBC/NoPadding") && boot.contains("encryptionKeyLength=256"), boot);
        write(boot);
        shutDown(dir);

        assertTrue(DerbyEncryption.isEncrypted(dir));
        assertEquals(List.of(), filesHolding(dir, NAME, PHONE));
        String key = boot.substring(boot.indexOf("bootPassword=") + "bootPassword=".length());
        assertFalse(Files.readString(tmp.resolve("secure_storage"), StandardCharsets.ISO_8859_1).contains(key),
                "the key is kept encrypted");
        assertEquals(List.of(), filesHolding(dir, key), "and never next to the database");

        assertEquals(NAME, read(new DerbyEncryption(storage).bootUrl("jdbc:derby:" + dir, false)), "opened with the kept key");
        shutDown(dir);
        assertThrows(SQLException.class, () -> read("jdbc:derby:" + dir), "not without it");
        assertThrows(IllegalStateException.class, () -> new DerbyEncryption(otherStorage()).bootUrl("jdbc:derby:" + dir, false),
                "another user's storage has no key for it");
    }

    @Test
    void anExistingDatabaseIsEncryptedInPlace() throws Exception {
        Path dir = tmp.resolve("plain");
        write("jdbc:derby:" + dir + ";create=true");
        shutDown(dir);
        assertFalse(filesHolding(dir, PHONE).isEmpty(), "a plain database shows its data to anyone who reads its files");

        String boot = new DerbyEncryption(storage).bootUrl("jdbc:derby:" + dir, true);
        assertEquals(NAME, read(boot));
        shutDown(dir);
        assertTrue(DerbyEncryption.isEncrypted(dir));
        assertEquals(List.of(), filesHolding(dir, NAME, PHONE));
        assertEquals(NAME, read(new DerbyEncryption(storage).bootUrl("jdbc:derby:" + dir, false)));
        shutDown(dir);
    }

    private SecureStorageBootKeys otherStorage() throws Exception {
        return new SecureStorageBootKeys(SecurePreferencesFactory.open(tmp.resolve("other_storage").toUri().toURL(),
                Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("other".toCharArray()), IProviderHints.PROMPT_USER,
                        Boolean.FALSE)));
    }

    private static void write(String url) throws SQLException {
        try (Connection c = new EmbeddedDriver().connect(url, new Properties())) {
            c.createStatement().execute("CREATE TABLE PERSON (NAME VARCHAR(100), PHONE VARCHAR(40))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO PERSON VALUES (?, ?)")) {
                for (int i = 0; i < 200; i++) {
                    ps.setString(1, NAME);
                    ps.setString(2, PHONE);
                    ps.executeUpdate();
                }
            }
        }
    }

    private static String read(String url) throws SQLException {
        try (Connection c = new EmbeddedDriver().connect(url, new Properties());
                ResultSet rs = c.createStatement().executeQuery("SELECT NAME FROM PERSON")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void shutDown(Path dir) {
        try {
            new EmbeddedDriver().connect("jdbc:derby:" + dir + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // Derby says a database was shut down with an exception (08006)
        }
    }

    /** The files under {@code dir} that hold any of {@code values}, in UTF-8 or as Derby writes characters. */
    private static List<String> filesHolding(Path dir, String... values) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    byte[] b = Files.readAllBytes(f);
                    String latin = new String(b, StandardCharsets.ISO_8859_1);
                    for (String v : values) {
                        if (latin.contains(new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                            return true;
                        }
                    }
                    return false;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }
}
