package org.guanxi.sales.tests;

import org.guanxi.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Product;
import org.guanxi.core.persistence.InventoryRepository;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.sales.ActivityServiceImpl;
import org.guanxi.sales.CatalogServiceImpl;
import org.guanxi.sales.LeadImportServiceImpl;
import org.guanxi.sales.ContractServiceImpl;
import org.guanxi.sales.LeadServiceImpl;
import org.guanxi.sales.ObjectionServiceImpl;
import org.guanxi.sales.OpportunityServiceImpl;
import org.guanxi.sales.OrderServiceImpl;
import org.guanxi.sales.QuoteServiceImpl;
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
    final CatalogServiceImpl catalog;
    final QuoteServiceImpl quotes;
    final OutboxRepository outbox;
    final OrderServiceImpl orders;
    final ContractServiceImpl contracts;
    final InventoryRepository inventory;
    final ActivityServiceImpl activities;
    final LeadImportServiceImpl leadImport;
    private final Locale locale = Locale.getDefault();

    private SalesFixture(Path dir) throws SQLException {
        Locale.setDefault(Locale.ENGLISH);
        db = TestDatabases.open(dir.resolve("db"));
        security = new SecurityServiceImpl(db);
        security.signInAsProcess();
        audit = new AuditLogImpl(db, security);
        customers = new CustomerServiceImpl(db, security, audit, new OutboxRepository(db));
        leads = new LeadServiceImpl(db, security, audit, customers);
        opportunities = new OpportunityServiceImpl(db, security, audit);
        objections = new ObjectionServiceImpl(db, security, audit);
        catalog = new CatalogServiceImpl(db, security, audit);
        quotes = new QuoteServiceImpl(db, security, audit);
        outbox = new OutboxRepository(db);
        orders = new OrderServiceImpl(db, security, audit, outbox);
        contracts = new ContractServiceImpl(db, security, audit);
        inventory = new InventoryRepository(db, security);
        activities = new ActivityServiceImpl(db, security, audit);
        leadImport = new LeadImportServiceImpl(db, security, audit);
    }

    /** A product at a list price; a stock item gets {@code onHand} units (none reserved) in warehouse WH1. */
    Product product(String sku, String price, Integer onHand) {
        Product p = new Product();
        p.setSku(sku);
        p.setName("Product " + sku);
        p.setUnitPrice(new java.math.BigDecimal(price));
        p.setStockItem(onHand != null);
        p = catalog.saveProduct(p);
        if (onHand != null) {
            stock(sku, onHand, 0);
        }
        return p;
    }

    void stock(String sku, int onHand, int reserved) {
        inventory.upsert(java.util.List.of(new StockReport(sku, "WH1", java.math.BigDecimal.valueOf(onHand),
                java.math.BigDecimal.valueOf(reserved))), "test.csv");
    }

    /** Signs in a new user with the given roles (the administrator creates them). */
    void signIn(String login, String... roles) {
        security.signInAsProcess();
        security.createUser(login, login, "secret".toCharArray(), roles);
        if (!security.login(login, "secret".toCharArray())) {
            throw new IllegalStateException("cannot sign in " + login);
        }
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
