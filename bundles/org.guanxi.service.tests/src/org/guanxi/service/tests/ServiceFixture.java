package org.guanxi.service.tests;

import org.guanxi.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.guanxi.core.db.SqlClock;
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
        db = TestDatabases.open(dir.resolve("db"));
        security = new SecurityServiceImpl(db);
        security.signInAsProcess();
        audit = new AuditLogImpl(db, security);
        outbox = new OutboxRepository(db);
        calendar = new WorkingCalendarServiceImpl(db, security, audit);
        levels = new ServiceLevelServiceImpl(db, security, calendar, audit);
        cases = new CaseServiceImpl(db, security, audit, levels);
        complaints = new ComplaintServiceImpl(db, security, audit, levels, outbox);
        knowledge = new KnowledgeBaseImpl(db, security, audit);
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

    /** An id from the entities' sequence (a value taken here is never handed out by JPA). */
    static long nextId(java.sql.Connection c) throws java.sql.SQLException {
        try (var ps = c.prepareStatement(org.guanxi.core.db.SqlDialect.of(c).nextValue("GX_ID_SEQ")); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A product; its id. */
    long product(String sku, String name) {
        return db.jdbcTransaction(c -> {
            long id = nextId(c);
            try (var ps = c.prepareStatement("INSERT INTO PRODUCT (ID, VERSION, SKU, NAME, UNIT_PRICE) VALUES (?, 1, ?, ?, 100)")) {
                ps.setLong(1, id);
                ps.setString(2, sku);
                ps.setString(3, name);
                ps.executeUpdate();
            }
            return id;
        });
    }

    /** An order of {@code quantity} units of {@code product} worth {@code total} on {@code day}; its id. */
    long order(long customer, String day, String total, String status, long product, int quantity) {
        return db.jdbcTransaction(c -> {
            long id = nextId(c);
            try (var ps = c.prepareStatement("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, ORDER_DATE, "
                    + "STATUS, CURRENCY, TOTAL) VALUES (?, 1, ?, ?, ?, ?, 'CNY', ?)")) {
                ps.setLong(1, id);
                ps.setString(2, "SO-" + id);
                ps.setLong(3, customer);
                ps.setDate(4, java.sql.Date.valueOf(day));
                ps.setString(5, status);
                ps.setBigDecimal(6, new java.math.BigDecimal(total));
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("INSERT INTO ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, PRODUCT_ID, "
                    + "QUANTITY, UNIT_PRICE) VALUES (?, 1, ?, 1, ?, ?, 1)")) {
                ps.setLong(1, nextId(c));
                ps.setLong(2, id);
                ps.setLong(3, product);
                ps.setInt(4, quantity);
                ps.executeUpdate();
            }
            return id;
        });
    }

    /** Places a customer in a pyramid tier, as a value analysis run would. */
    void tier(long customerId, String tier) {
        db.jdbcTransaction(c -> {
            try (var run = c.prepareStatement("INSERT INTO VALUE_RUN (AS_OF, STARTED_AT, CUSTOMERS, USER_LOGIN) "
                    + "VALUES (" + SqlClock.today() + ", " + SqlClock.now() + ", 1, 'test')", java.sql.Statement.RETURN_GENERATED_KEYS)) {
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
