package org.guanxi.core.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.TeamBackup;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team database backed up with pg_dump, changed, and restored with pg_restore: as it was, secured again on reopen. */
class TeamBackupTest {

    @TempDir
    Path dir;

    @Test
    void aRestoreBringsBackTheBackedUpRowsAndItsSecurity() throws Exception {
        assumeTrue(TestDatabases.onPostgreSql(), "backup and restore are for a team database");
        DatabaseSettings s = TestDatabases.settings(dir.resolve("db"));
        JpaDatabase db = TestDatabases.open(dir.resolve("db"));
        try {
            exec(s, "INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, CREATED_AT, UPDATED_AT) "
                    + "VALUES (1, 1, 'C1', 'PERSON', '备份前', localtimestamp, localtimestamp)");
        } finally {
            db.close();
        }
        Path file = dir.resolve("team.dump");
        assertTrue(TeamBackup.backup(s, file) > 0);
        assertFalse(Files.exists(dir.resolve("team.dump.partial")), "only a whole backup has the name asked for");

        exec(s, "UPDATE CUSTOMER SET NAME = '备份后' WHERE ID = 1");
        exec(s, "INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, CREATED_AT, UPDATED_AT) "
                + "VALUES (2, 1, 'C2', 'PERSON', '多余', localtimestamp, localtimestamp)");
        TeamBackup.restore(s, file);

        assertEquals(List.of("1 备份前"), rows(s, "SELECT ID || ' ' || NAME FROM CUSTOMER ORDER BY ID"));
        assertEquals(List.of(), rows(s, "SELECT HASH FROM SECURITY_SCRIPT"), "the security is applied again at the next start");
        JpaDatabase reopened = TestDatabases.open(dir.resolve("db"));
        try {
            assertEquals(1, rows(s, "SELECT HASH FROM SECURITY_SCRIPT").size());
            assertEquals(List.of("t"), rows(s, "SELECT relrowsecurity::text FROM pg_class WHERE oid = 'public.customer'::regclass")
                    .stream().map(v -> v.substring(0, 1)).toList());
        } finally {
            reopened.close();
        }
    }

    private static void exec(DatabaseSettings s, String sql) throws SQLException {
        try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> rows(DatabaseSettings s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
