package org.guanxi.core.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.guanxi.core.GuanxiHome;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the team database: with {@code sslmode=verify-full} the company's CA is {@code root.crt} in the data folder,
 * the server's name is checked, and the session is encrypted. Runs where {@code releng/guanxi test} gave its
 * PostgreSQL a certificate of its own CA ({@code guanxi.test.db.ca}).
 */
class TeamTlsTest {

    @TempDir
    Path dir;

    private final Path rootCert = GuanxiHome.resolve("root.crt");

    @AfterEach
    void removeCa() throws Exception {
        Files.deleteIfExists(rootCert);
    }

    @Test
    void verifyFullChecksTheServerAgainstTheCompanysCa() throws Exception {
        String ca = System.getProperty("guanxi.test.db.ca", "");
        assumeTrue(TestDatabases.onPostgreSql() && !ca.isBlank(), "a PostgreSQL server with TLS");
        DatabaseSettings plain = TestDatabases.settings(dir.resolve("db"));

        // no CA in the data folder (nor in ~/.postgresql): verify-full refuses to trust the server
        assertThrows(SQLException.class, () -> encrypted(withUrl(plain, plain.url() + "?sslmode=verify-full"
                + "&sslrootcert=" + dir.resolve("missing.crt"))));

        Files.createDirectories(rootCert.getParent());
        Files.copy(Path.of(ca), rootCert, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(encrypted(withUrl(plain, plain.url() + "?sslmode=verify-full")), "encrypted, server verified");

        // the certificate names 127.0.0.1: the same server under another name is not trusted
        String byName = plain.url().replace("//127.0.0.1:", "//localhost:") + "?sslmode=verify-full";
        SQLException wrongName = assertThrows(SQLException.class, () -> encrypted(withUrl(plain, byName)));
        assertTrue(String.valueOf(wrongName.getMessage()).toLowerCase().contains("host"), wrongName.getMessage());

        // without sslmode the driver still uses the TLS the server offers
        assertTrue(encrypted(plain));
    }

    private static DatabaseSettings withUrl(DatabaseSettings s, String url) {
        return new DatabaseSettings(url, s.user(), s.password());
    }

    private static boolean encrypted(DatabaseSettings s) throws SQLException {
        try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
