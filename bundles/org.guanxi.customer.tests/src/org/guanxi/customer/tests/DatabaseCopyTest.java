package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.guanxi.core.model.Customer;
import org.guanxi.core.persistence.DatabaseCopy;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --to}: a standalone data folder with the demo's data (every module's tables) moves into an empty
 * PostgreSQL database with equal row counts and checksums, and the team database goes on from there without
 * handing out a copied id or number again. Runs in the PostgreSQL pass.
 */
class DatabaseCopyTest {

    @TempDir
    Path tmp;

    @Test
    void aDemoDataFolderMovesToPostgreSqlVerifiedAndWorksOn() throws Exception {
        assumeTrue(TestDatabases.onPostgreSql(), "copies into the PostgreSQL server of the PostgreSQL pass");
        DatabaseSettings team = TestDatabases.settings(tmp.resolve("team"));
        long lastId;
        JpaDatabase standalone = JpaDatabase.openEmbedded(tmp.resolve("standalone"));
        try {
            new SecurityServiceImpl(standalone).signInAsProcess();
            new DemoDataGenerator(standalone).generate(150, 3, n -> { });
            lastId = standalone.read(em -> em.createQuery("SELECT MAX(c.id) FROM Customer c", Long.class).getSingleResult());

            DatabaseCopy.Report report = DatabaseCopy.copy(standalone.unpooledDataSource(), team, t -> { });
            assertTrue(report.verified(), () -> report.tables().stream().filter(t -> !t.same()).toList().toString());
            assertTrue(report.tables().size() > 60, "every table: " + report.tables().size());
            assertEquals(150, report.tables().stream().filter(t -> t.name().equals("CUSTOMER")).findFirst().orElseThrow()
                    .targetRows());
            assertTrue(report.rows() > 1_000, "rows: " + report.rows());
            assertThrows(IllegalStateException.class, () -> DatabaseCopy.copy(standalone.unpooledDataSource(), team, t -> { }),
                    "only into an empty database");
        } finally {
            standalone.close();
        }

        JpaDatabase db = TestDatabases.open(tmp.resolve("team"));
        try {
            SecurityServiceImpl security = new SecurityServiceImpl(db);
            security.signInAsProcess();
            CustomerServiceImpl customers = new CustomerServiceImpl(db, security, new AuditLogImpl(db, security),
                    new OutboxRepository(db));
            assertEquals(150, customers.count(""));
            Customer c = new Customer();
            c.setName("迁移后的新客户");
            Customer saved = customers.save(c);
            assertTrue(saved.getId() > lastId, "a new id after the copied ones: " + saved.getId() + " > " + lastId);
            assertEquals(1, customers.count(saved.getCode()), "a customer code not handed out before");
        } finally {
            db.close();
        }
    }
}
