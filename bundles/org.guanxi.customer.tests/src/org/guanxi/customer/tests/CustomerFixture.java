package org.guanxi.customer.tests;

import java.nio.file.Path;
import java.sql.SQLException;

import org.guanxi.customer.privacy.PrivacyServiceImpl;
import org.guanxi.security.ExportLogImpl;
import org.guanxi.testing.TestSession;

/** A test session with the customer module's privacy service at hand. */
final class CustomerFixture extends TestSession {

    private CustomerFixture(Path dir) throws SQLException {
        super(dir);
    }

    static CustomerFixture open(Path dir) throws SQLException {
        return new CustomerFixture(dir);
    }

    /** The privacy service on this database, looking for the person's files in {@code dataFolder}. */
    PrivacyServiceImpl privacy(Path dataFolder) {
        return new PrivacyServiceImpl(db, security, new ExportLogImpl(db, security, audit), audit, dataFolder);
    }
}
