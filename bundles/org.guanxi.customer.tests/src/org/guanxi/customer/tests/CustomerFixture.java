package org.guanxi.customer.tests;

import org.guanxi.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;

/** A fresh embedded database with the security services, the OS user signed in and English messages. */
final class ServiceFixture implements AutoCloseable {

    final JpaDatabase db;
    final SecurityServiceImpl security;
    final AuditLogImpl audit;
    private final Locale locale = Locale.getDefault();

    private ServiceFixture(Path dir) throws SQLException {
        Locale.setDefault(Locale.ENGLISH);
        db = TestDatabases.open(dir.resolve("db"));
        security = new SecurityServiceImpl(db);
        security.signInAsProcess();
        audit = new AuditLogImpl(db, security);
    }

    static ServiceFixture open(Path dir) throws SQLException {
        return new ServiceFixture(dir);
    }

    /** The privacy service on this database, looking for the person's files in {@code dataFolder}. */
    org.guanxi.customer.privacy.PrivacyServiceImpl privacy(Path dataFolder) {
        return new org.guanxi.customer.privacy.PrivacyServiceImpl(db, security,
                new org.guanxi.security.ExportLogImpl(db, security, audit), audit, dataFolder);
    }

    @Override
    public void close() {
        db.close();
        Locale.setDefault(locale);
    }
}
