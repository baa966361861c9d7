package org.guanxi.sales.tests;

import org.guanxi.testing.TestSession;
import java.nio.file.Path;
import java.sql.SQLException;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Product;
import org.guanxi.core.persistence.InventoryRepository;
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

/** A test session with the sales services wired as DS would. */
final class SalesFixture extends TestSession {

    final CustomerServiceImpl customers;
    final LeadServiceImpl leads;
    final OpportunityServiceImpl opportunities;
    final ObjectionServiceImpl objections;
    final CatalogServiceImpl catalog;
    final QuoteServiceImpl quotes;
    final OrderServiceImpl orders;
    final ContractServiceImpl contracts;
    final InventoryRepository inventory;
    final ActivityServiceImpl activities;
    final LeadImportServiceImpl leadImport;

    private SalesFixture(Path dir) throws SQLException {
        super(dir);
        customers = new CustomerServiceImpl(db, security, audit, outbox);
        leads = new LeadServiceImpl(db, security, audit, customers);
        opportunities = new OpportunityServiceImpl(db, security, audit);
        objections = new ObjectionServiceImpl(db, security, audit);
        catalog = new CatalogServiceImpl(db, security, audit);
        quotes = new QuoteServiceImpl(db, security, audit);
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
}
