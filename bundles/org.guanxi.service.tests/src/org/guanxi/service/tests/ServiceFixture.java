package org.guanxi.service.tests;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.security.SecurityServiceImpl;
import org.guanxi.service.WorkingCalendarServiceImpl;

/** A fresh embedded database with the OS user signed in (an administrator), and the working calendar over it. */
final class ServiceFixture implements AutoCloseable {

    final JpaDatabase db;
    final SecurityServiceImpl security;
    final WorkingCalendarServiceImpl calendar;

    ServiceFixture(Path dir) throws SQLException {
        db = JpaDatabase.openEmbedded(dir.resolve("db"));
        security = new SecurityServiceImpl(db);
        security.signInOsUser();
        calendar = new WorkingCalendarServiceImpl(db, security);
    }

    /** A Beijing wall-clock time, e.g. {@code 2026-10-08T09:15}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Override
    public void close() {
        db.close();
    }
}
