package org.guanxi.sales.tests;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.sales.LeadServiceImpl;
import org.guanxi.sales.ObjectionServiceImpl;
import org.guanxi.sales.OpportunityServiceImpl;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;

/** A fresh embedded database with the sales services wired as DS would, the OS user signed in, English messages. */
final class SalesFixture implements AutoCloseable {

    final JpaDatabase db;
    final SecurityServiceImpl security;
    final AuditLogImpl audit;
    final CustomerServiceImpl customers;
    final LeadServiceImpl leads;
    final OpportunityServiceImpl opportunities;
    final ObjectionServiceImpl objections;
    private final Locale locale = Locale.getDefault();

    private SalesFixture(Path dir) throws SQLException {
        Locale.setDefault(Locale.ENGLISH);
        db = JpaDatabase.openEmbedded(dir.resolve("db"));
        security = new SecurityServiceImpl(db);
        security.signInOsUser();
        audit = new AuditLogImpl(db, security);
        customers = new CustomerServiceImpl(db, security, audit);
        leads = new LeadServiceImpl(db, security, audit, customers);
        opportunities = new OpportunityServiceImpl(db, security, audit);
        objections = new ObjectionServiceImpl(db, security, audit);
    }

    static SalesFixture open(Path dir) throws SQLException {
        return new SalesFixture(dir);
    }

    Customer customer(String name, String phone) {
        Customer c = new Customer();
        c.setKind(PartyKind.ORGANISATION);
        c.setName(name);
        c.setPhone(phone);
        return customers.save(c);
    }

    @Override
    public void close() {
        db.close();
        Locale.setDefault(locale);
    }
}
