package org.guanxi.core.persistence.tests;

import org.guanxi.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.guanxi.core.db.SqlClock;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.SchemaMigrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @TempDir
    Path tmp;

    private DataSource database(String name) throws SQLException {
        return TestDatabases.dataSource(tmp.resolve(name));
    }

    @Test
    void freshDatabaseGetsEveryMigration() throws SQLException {
        SchemaMigrator m = new SchemaMigrator(database("fresh"), TestDatabases.dialect());
        assertTrue(m.latestVersion() >= 2, "at least two migrations ship");
        assertEquals(m.latestVersion(), m.migrate());
        assertEquals(m.latestVersion(), m.migrate(), "a second run changes nothing");
    }

    @Test
    void databaseOfTheFirstReleaseIsUpgradedThroughEveryMigrationWithoutLosingRows() throws Exception {
        DataSource ds = database("old");
        SchemaMigrator m = new SchemaMigrator(ds, TestDatabases.dialect());
        assertEquals(1, m.migrateTo(1));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // rows as the previous release wrote them (no NAME_KEY column yet in V1)
            for (int i = 1; i <= 300; i++) {
                st.executeUpdate("INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, PHONE, CREATED_AT, UPDATED_AT) VALUES ("
                        + i + ", 1, 'C" + i + "', 'PERSON', '  Wang Fang " + i + "', '1380000" + i + "', "
                        + SqlClock.now() + ", " + SqlClock.now() + ")");
            }
            st.executeUpdate("INSERT INTO CONTACT (ID, VERSION, CUSTOMER_ID, NAME) VALUES (1000, 1, 7, '李娜')");
        }

        assertEquals(m.latestVersion(), m.migrate());

        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            assertEquals(300, count(st, "SELECT COUNT(*) FROM CUSTOMER"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM CONTACT WHERE NAME = '李娜'"));
            assertEquals(300, count(st, "SELECT COUNT(*) FROM CUSTOMER WHERE NAME_KEY LIKE 'wang fang %'"),
                    "the new search key is filled in for existing rows");
            try (PreparedStatement ps = c.prepareStatement("SELECT NAME_KEY FROM CUSTOMER WHERE ID = 42");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("wang fang 42", rs.getString(1));
            }
        }

        // and EclipseLink works on the upgraded database
        JpaDatabase db = TestDatabases.open(tmp.resolve("old"));
        try {
            assertEquals(300L, db.read(em -> em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult()));
            assertEquals("wangfang42", db.read(em -> em.find(org.guanxi.core.model.Customer.class, 42L)).getPinyinKey(),
                    "the pinyin search key is filled in for rows of the old schema");
            assertEquals("138000042", db.read(em -> em.find(org.guanxi.core.model.Customer.class, 42L)).getPhoneKey(),
                    "so is the phone key of the screen pop");
            assertEquals(m.latestVersion(), db.schemaVersion());
        } finally {
            db.close();
        }
    }

    @Test
    void aDatabaseFromANewerBuildIsRefused() throws SQLException {
        DataSource ds = database("newer");
        SchemaMigrator m = new SchemaMigrator(ds, TestDatabases.dialect());
        m.migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO SCHEMA_VERSION (VERSION, DESCRIPTION, APPLIED_AT) VALUES (999, 'future', " + SqlClock.now() + ")");
        }
        SQLException e = assertThrows(SQLException.class, m::migrate);
        assertTrue(e.getMessage().contains("999"), e.getMessage());
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
