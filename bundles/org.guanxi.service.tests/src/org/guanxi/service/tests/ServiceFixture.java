package org.guanxi.service.tests;

import org.guanxi.testing.TestSession;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.guanxi.core.model.Customer;
import org.guanxi.service.CaseServiceImpl;
import org.guanxi.service.ComplaintServiceImpl;
import org.guanxi.service.KnowledgeBaseImpl;
import org.guanxi.service.ServiceLevelServiceImpl;
import org.guanxi.service.WorkingCalendarServiceImpl;

/** A test session with the service module's services over it, wired as DS would wire them. */
final class ServiceFixture extends TestSession {

    final WorkingCalendarServiceImpl calendar;
    final ServiceLevelServiceImpl levels;
    final CaseServiceImpl cases;
    final ComplaintServiceImpl complaints;
    final KnowledgeBaseImpl knowledge;

    ServiceFixture(Path dir) throws SQLException {
        super(dir);
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

    /** A Beijing wall-clock time, e.g. {@code 2026-10-08T09:15}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
