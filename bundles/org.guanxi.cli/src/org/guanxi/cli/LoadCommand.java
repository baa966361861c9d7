package org.guanxi.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.sales.api.CatalogService;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.DemoDataService;
import org.guanxi.sales.api.OrderService;

/**
 * {@code load orders N [--seed S]}: enters and confirms N sales orders (one to three lines, back orders allowed) for
 * random customers and products, through the order service, so each queues its message to the ERP as a user's
 * order does: load for the sync, for the crash test and for demos. An empty database gets the demo data first, as
 * the desktop's first start does.
 */
final class LoadCommand {

    private final DemoDataService demo;
    private final CustomerService customers;
    private final CatalogService catalog;
    private final OrderService orders;
    private final PrintStream out;

    LoadCommand(DemoDataService demo, CustomerService customers, CatalogService catalog, OrderService orders, PrintStream out) {
        this.demo = demo;
        this.customers = customers;
        this.catalog = catalog;
        this.orders = orders;
        this.out = out;
    }

    int run(String[] args) {
        if (args.length < 3 || !"orders".equals(args[1])) {
            throw new UsageException(CommandLine.TEXTS.get("unknown", String.join(" ", args)));
        }
        int n = Args.positive("load orders", args[2]);
        long seed = 20261123L;
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--seed")) {
                seed = Args.positive("--seed", Args.value(args, ++i));
            } else {
                throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        if (demo.isEmpty()) {
            out.println(CommandLine.TEXTS.get("load.demo", DemoDataService.DEFAULT_CUSTOMERS));
            demo.generate(DemoDataService.DEFAULT_CUSTOMERS, seed, done -> { });
        }
        List<CustomerRow> people = customers.find("", 0, 2_000);
        List<Product> products = catalog.products("", 1_000).stream().filter(p -> p.getUnitPrice() != null).toList();
        if (people.isEmpty() || products.isEmpty()) {
            throw new IllegalStateException(CommandLine.TEXTS.get("load.nothing"));
        }
        Random random = new Random(seed);
        Map<Long, Customer> loaded = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            SalesOrder o = new SalesOrder();
            o.setCustomer(loaded.computeIfAbsent(people.get(random.nextInt(people.size())).id(), customers::get));
            for (int l = 1 + random.nextInt(3); l > 0; l--) {
                Product p = products.get(random.nextInt(products.size()));
                o.getLines().add(new OrderLine(p, BigDecimal.valueOf(1 + random.nextInt(5)), null));
            }
            o = orders.save(o);
            orders.confirm(o.getId(), o.getVersion(), true);
            if (i % 1_000 == 0 && i < n) {
                out.println(CommandLine.TEXTS.get("load.progress", i, n));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println(CommandLine.TEXTS.get("load.done", n, String.format(java.util.Locale.ROOT, "%.1f", seconds),
                Math.round(n / Math.max(seconds, 1e-3))));
        return 0;
    }
}
