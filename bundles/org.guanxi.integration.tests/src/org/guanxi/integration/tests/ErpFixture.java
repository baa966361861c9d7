package org.guanxi.integration.tests;

import org.guanxi.testing.TestSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.persistence.InventoryRepository;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.ErpPartnerSyncImpl;
import org.guanxi.integration.IntegrationRuntime;
import org.guanxi.integration.simulator.FakeErp;
import org.guanxi.sales.CatalogServiceImpl;
import org.guanxi.sales.ErpOrderSyncImpl;
import org.guanxi.sales.OrderServiceImpl;

/**
 * A test session with the services the routes need, the fake ERP on a free loopback port, and the
 * integration runtime on the shipped route files, configured as a deployment would be (integration.properties).
 */
final class ErpFixture extends TestSession {

    final Path home;
    final OrderServiceImpl orders;
    final ErpOrderSyncImpl erpSync;
    final ErpPartnerSyncImpl partnerSync;
    final CustomerServiceImpl customers;
    final CatalogServiceImpl catalog;
    final InventoryRepository inventory;
    final FakeErp erp;
    final int port;
    final IntegrationRuntime runtime;

    /** {@code settings}: extra lines for integration.properties. */
    ErpFixture(Path home, String... settings) throws SQLException, IOException {
        this(home, settings, null);
    }

    /** {@code secrets}: the content of secrets.properties (server configuration), or null for none. */
    ErpFixture(Path home, String[] settings, String secrets) throws SQLException, IOException {
        super(home);
        this.home = home;
        orders = new OrderServiceImpl(db, security, audit, outbox);
        erpSync = new ErpOrderSyncImpl(db, audit, outbox);
        customers = new CustomerServiceImpl(db, security, audit, outbox);
        partnerSync = new ErpPartnerSyncImpl(db, audit, outbox, security);
        catalog = new CatalogServiceImpl(db, security, audit);
        inventory = new InventoryRepository(db, security);
        erp = new FakeErp(home.resolve("fake-erp"), Duration.ZERO);
        port = org.guanxi.integration.simulator.Ports.free();
        String url = erp.start(port);
        StringBuilder props = new StringBuilder("erp.url=" + url + "\nidempiere.url=http://127.0.0.1:" + port
                + "/ADInterface/services/compositeInterface\nerp.relay.period=100\nerp.updates.period=300\n"
                + "erp.retry.firstDelay=300\nerp.retry.maxDelay=1000\nerp.retry.maxAttempts=50\n");
        for (String s : settings) {
            props.append(s).append('\n');
        }
        Files.writeString(home.resolve("integration.properties"), props);
        if (secrets != null) {
            Path file = home.resolve("secrets.properties");
            Files.writeString(file, secrets);
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        runtime = new IntegrationRuntime(db, inventory, outbox, erpSync, partnerSync, security, home);
        runtime.start();
        if (runtime.state() != IntegrationService.State.STARTED) {
            throw new IllegalStateException(runtime.failure());
        }
    }

    Customer customer(String name) {
        Customer c = new Customer();
        c.setKind(PartyKind.ORGANISATION);
        c.setName(name);
        c.setPhone("021-6000" + (1000 + name.length()));
        return customers.save(c);
    }

    Product product(String sku, String price, int onHand) {
        Product p = new Product();
        p.setSku(sku);
        p.setName("Product " + sku);
        p.setUnitPrice(new BigDecimal(price));
        p.setStockItem(true);
        p = catalog.saveProduct(p);
        inventory.upsert(List.of(new StockReport(sku, "WH1", BigDecimal.valueOf(onHand), BigDecimal.ZERO)), "test.csv");
        return p;
    }

    /** A draft of {@code quantity} units, confirmed through the order service (which writes the outbox message). */
    SalesOrder confirmed(Customer c, Product p, int quantity) {
        SalesOrder o = new SalesOrder();
        o.setCustomer(c);
        o.getLines().add(new OrderLine(p, BigDecimal.valueOf(quantity), null));
        o = orders.save(o);
        return orders.confirm(o.getId(), o.getVersion(), false);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(30), condition);
    }

    @Override
    public void close() {
        runtime.stop();
        erp.close();
        super.close();
    }
}
