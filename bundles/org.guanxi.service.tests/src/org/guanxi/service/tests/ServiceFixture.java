package org.guanxi.service.tests;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.guanxi.core.model.Customer;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.guanxi.service.CaseServiceImpl;
import org.guanxi.service.ComplaintServiceImpl;
import org.guanxi.service.KnowledgeBaseImpl;
import org.guanxi.service.ServiceLevelServiceImpl;
import org.guanxi.service.WorkingCalendarServiceImpl;

/**
 * A fresh embedded database with the OS user signed in (an administrator), and the service module's services over
 * it, wired as DS would wire them.
 */
final class ServiceFixture implements AutoCloseable {

    final JpaDatabase db;
    final SecurityServiceImpl security;
    final AuditLogImpl audit;
    final OutboxRepository outbox;
    final WorkingCalendarServiceImpl calendar;
    final ServiceLevelServiceImpl levels;
    final CaseServiceImpl cases;
    final ComplaintServiceImpl complaints;
    final KnowledgeBaseImpl knowledge;

    ServiceFixture(Path dir) throws SQLException {
        db = JpaDatabase.openEmbedded(dir.resolve("db"));
        security = new SecurityServiceImpl(db);
        security.signInOsUser();
        audit = new AuditLogImpl(db, security);
        outbox = new OutboxRepository(db);
        calendar = new WorkingCalendarServiceImpl(db, security);
        levels = new ServiceLevelServiceImpl(db, security, calendar);
        cases = new CaseServiceImpl(db, security, audit, levels);
        complaints = new ComplaintServiceImpl(db, security, audit, levels, outbox);
        knowledge = new KnowledgeBaseImpl(db, security);
    }

    /** A new customer; its id. */
    long customer(String code, String name) {
        return db.inTransaction(em -> {
            Customer c = new Customer();
            c.setCode(code);
            c.setName(name);
            em.persist(c);
            em.flush();
            return c.getId();
        });
    }

    /** Places a customer in a pyramid tier, as a value analysis run would. */
    void tier(long customerId, String tier) {
        db.jdbcTransaction(c -> {
            try (var run = c.prepareStatement("INSERT INTO VALUE_RUN (AS_OF, STARTED_AT, CUSTOMERS, USER_LOGIN) "
                    + "VALUES (CURRENT_DATE, CURRENT_TIMESTAMP, 1, 'test')", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                run.executeUpdate();
                try (var keys = run.getGeneratedKeys()) {
                    keys.next();
                    try (var row = c.prepareStatement("INSERT INTO CUSTOMER_VALUE (RUN_ID, CUSTOMER_ID, VALUE_12M, TIER, STAGE, "
                            + "R, F, M, RFM_SEGMENT, CLV_REALISED, CLV_PREDICTED, QUADRANT, STATUS) "
                            + "VALUES (?, ?, 0, ?, 'GROWTH', 3, 3, 3, 'LOYAL', 0, 0, 'CORE', 'ACTIVE')")) {
                        row.setLong(1, keys.getLong(1));
                        row.setLong(2, customerId);
                        row.setString(3, tier);
                        return row.executeUpdate();
                    }
                }
            }
        });
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
