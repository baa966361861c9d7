package org.guanxi.core.persistence.tests;

import java.nio.file.Path;
import java.sql.SQLException;

import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;

/** A fresh embedded Derby database in a test's temporary folder. */
final class TempDatabase {

    private TempDatabase() {
    }

    static DatabaseSettings settings(Path dir) {
        return new DatabaseSettings("jdbc:derby:" + dir.resolve("db") + ";create=true", null, null);
    }

    static JpaDatabase open(Path dir) throws SQLException {
        JpaDatabase db = new JpaDatabase();
        db.open(settings(dir));
        return db;
    }
}
