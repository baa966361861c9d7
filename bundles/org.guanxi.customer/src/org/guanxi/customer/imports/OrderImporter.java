package org.guanxi.customer.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import org.guanxi.core.AppClock;
import org.guanxi.tables.TableReader;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.service.OrderImportService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.customer.imports.OrderLineFile.Invoice;
import org.guanxi.customer.imports.OrderLineFile.Line;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/**
 * Imports order lines with their customers and products, the way a retailer would expect:
 * <ul>
 * <li>an invoice becomes a sales order (status INVOICED), its lines order lines;</li>
 * <li>a cancellation (invoice number starting with C) becomes a return (status RETURNED) with its negative
 * quantities, so that revenue is net of returns; returns are not counted as purchases;</li>
 * <li>lines without a customer are counted and left out: they cannot be credited to anybody;</li>
 * <li>customers and products are created on first sight (codes {@code OR<CustomerID>}, SKU = StockCode); cost is
 * unknown, so the pyramid ranks these customers by revenue;</li>
 * <li>an invoice already in the database is skipped, so the same file can be imported again safely.</li>
 * </ul>
 * The whole file is checked first; with any bad line nothing is written. Then everything is written in one
 * transaction with JDBC batches, together with an audit record of the import.
 */
@Component(service = OrderImportService.class)
public class OrderImporter implements OrderImportService {

    private static final Logger LOG = Logger.getLogger(OrderImporter.class.getName());
    static final String CUSTOMER_PREFIX = "OR";
    private static final Texts TEXTS = Texts.of(OrderImporter.class);
    private static final int BATCH = 2_000;

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public OrderImporter(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Report importOrders(Path file, Format format) {
        Preview p = preview(file, 0);
        Map<Integer, Field> mapping = new LinkedHashMap<>();
        for (int i = 0; i < p.headers().size(); i++) {
            Field f = OrderLineFile.ONLINE_RETAIL.get(p.headers().get(i));
            if (f != null) {
                mapping.put(i, f);
            }
        }
        if (mapping.size() < OrderLineFile.ONLINE_RETAIL.size()) {
            String name = file.getFileName().toString();
            return new Report(name, 0, 0, 0, 0, 0, 0, 0, 0, List.of(new Problem(name, 1, "", TEXTS.get("header",
                    String.join(",", OrderLineFile.ONLINE_RETAIL.keySet()), String.join(",", p.headers())))), 0);
        }
        return importOrders(file, mapping);
    }

    @Override
    public Preview preview(Path file, int rows) {
        security.check(Permission.SALES_WRITE);
        TableReader.Sample<Field> sample = TableReader.sample(file, rows, OrderLineFile::propose);
        return new Preview(file.getFileName().toString(), sample.headers(), sample.mapping(), sample.rows());
    }

    @Override
    public Report importOrders(Path file, Map<Integer, Field> mapping) {
        security.check(Permission.CUSTOMER_WRITE);
        security.check(Permission.SALES_WRITE);
        long start = System.nanoTime();
        OrderLineFile parsed;
        try {
            parsed = OrderLineFile.read(file, mapping, CUSTOMER_PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        List<Problem> problems = new ArrayList<>(parsed.problems);
        if (problems.isEmpty()) {
            problems.addAll(db.jdbc(c -> unknownCustomers(c, name, parsed)));
        }
        if (!problems.isEmpty()) {
            return new Report(name, parsed.lines, 0, 0, 0, 0, 0, parsed.withoutCustomer, 0, List.copyOf(problems),
                    (System.nanoTime() - start) / 1_000_000);
        }
        int[] counts = db.inTransaction(em -> write(em, name, parsed));
        Report r = new Report(name, parsed.lines, counts[5], counts[0], counts[1], counts[2], counts[3],
                parsed.withoutCustomer, counts[4], List.of(), (System.nanoTime() - start) / 1_000_000);
        LOG.info(() -> "Imported " + r);
        return r;
    }

    /** Lines naming a Guanxi customer code that does not exist: the file is refused, naming each. */
    private static List<Problem> unknownCustomers(Connection c, String file, OrderLineFile parsed) throws SQLException {
        List<Problem> out = new ArrayList<>();
        Map<String, Boolean> known = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM CUSTOMER WHERE CODE = ?")) {
            for (Invoice inv : parsed.invoices.values()) {
                if (inv.customer().startsWith(CUSTOMER_PREFIX)) {
                    continue;
                }
                boolean exists = known.computeIfAbsent(inv.customer(), code -> {
                    try {
                        ps.setString(1, code);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                if (!exists && out.size() < 100) {
                    out.add(new Problem(file, inv.firstLine(), parsed.header(Field.CUSTOMER), TEXTS.get("unknownCustomer", inv.customer())));
                }
            }
        }
        return out;
    }

    /** Returns {orders, returns, customers created, products created, invoices skipped, lines written}. */
    private int[] write(EntityManager em, String fileName, OrderLineFile parsed) {
        Connection c = em.unwrap(Connection.class);
        try {
            IdBlock ids = new IdBlock(c);
            Set<String> existingOrders = strings(c, "SELECT ORDER_NO FROM SALES_ORDER");
            Map<String, Long> customers = customers(c, parsed);
            Map<String, Long> products = ids(c, "SELECT SKU, ID FROM PRODUCT");
            int[] counts = new int[6];
            counts[2] = createCustomers(c, ids, parsed, customers);
            counts[3] = createProducts(c, ids, parsed, products);
            try (PreparedStatement order = c.prepareStatement("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, "
                    + "ORDER_DATE, STATUS, CURRENCY, TOTAL) VALUES (?, 1, ?, ?, ?, ?, 'GBP', ?)");
                    PreparedStatement line = c.prepareStatement("INSERT INTO ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, "
                            + "PRODUCT_ID, QUANTITY, UNIT_PRICE) VALUES (?, 1, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Invoice inv : parsed.invoices.values()) {
                    if (existingOrders.contains(inv.number())) {
                        counts[4]++;
                        continue;
                    }
                    long orderId = ids.next();
                    BigDecimal total = BigDecimal.ZERO;
                    int no = 0;
                    for (Line l : inv.lines()) {
                        BigDecimal qty = BigDecimal.valueOf(l.quantity());
                        total = total.add(qty.multiply(l.unitPrice()));
                        line.setLong(1, ids.next());
                        line.setLong(2, orderId);
                        line.setInt(3, ++no);
                        line.setLong(4, products.get(l.stockCode()));
                        line.setBigDecimal(5, qty);
                        line.setBigDecimal(6, l.unitPrice());
                        line.addBatch();
                        pending++;
                    }
                    counts[5] += no;
                    order.setLong(1, orderId);
                    order.setString(2, inv.number());
                    order.setLong(3, customers.get(inv.customer()));
                    order.setDate(4, Date.valueOf(inv.date().toLocalDate()));
                    order.setString(5, inv.isReturn() ? "RETURNED" : "INVOICED");
                    // unit prices may have fractions of a cent; an order's total is money
                    order.setBigDecimal(6, total.setScale(2, RoundingMode.HALF_UP));
                    order.addBatch();
                    counts[inv.isReturn() ? 1 : 0]++;
                    if (pending >= BATCH) {
                        // orders first: the lines refer to them
                        order.executeBatch();
                        line.executeBatch();
                        pending = 0;
                    }
                }
                order.executeBatch();
                line.executeBatch();
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("file", fileName);
            summary.put("orders", counts[0]);
            summary.put("returns", counts[1]);
            summary.put("lines", counts[5]);
            summary.put("customersCreated", counts[2]);
            summary.put("productsCreated", counts[3]);
            summary.put("skippedNoCustomer", parsed.withoutCustomer);
            summary.put("skippedExisting", counts[4]);
            audit.record(em, "OrderImport", AppClock.now().getEpochSecond(), Map.of(), summary);
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Import of " + fileName + " failed: " + e.getMessage(), e);
        }
    }

    /** Creates a customer for each source number seen for the first time; Guanxi codes were checked to exist. */
    private static int createCustomers(Connection c, IdBlock ids, OrderLineFile parsed, Map<String, Long> customers)
            throws SQLException {
        Map<String, String> countries = new LinkedHashMap<>();
        parsed.invoices.values().forEach(i -> countries.putIfAbsent(i.customer(), i.country()));
        int created = 0;
        Timestamp now = Timestamp.from(AppClock.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, NAME_KEY, CITY, "
                + "SOURCE, CREATED_AT, UPDATED_AT, PINYIN_KEY) VALUES (?, 1, ?, 'ORGANISATION', ?, ?, ?, 'IMPORT', ?, ?, ?)")) {
            for (Map.Entry<String, String> e : countries.entrySet()) {
                String code = e.getKey();
                if (customers.containsKey(code) || !code.startsWith(CUSTOMER_PREFIX)) {
                    continue;
                }
                long id = ids.next();
                String name = "Customer " + code.substring(CUSTOMER_PREFIX.length());
                ps.setLong(1, id);
                ps.setString(2, code);
                ps.setString(3, name);
                ps.setString(4, Customer.nameKeyOf(name));
                ps.setString(5, e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue());
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.setString(8, SearchKeys.pinyinKey(name));
                ps.addBatch();
                customers.put(code, id);
                created++;
            }
            ps.executeBatch();
        }
        return created;
    }

    /** Ids of the customers the file names: those created by earlier imports and the Guanxi codes it uses. */
    private static Map<String, Long> customers(Connection c, OrderLineFile parsed) throws SQLException {
        Map<String, Long> out = ids(c, "SELECT CODE, ID FROM CUSTOMER WHERE CODE LIKE '" + CUSTOMER_PREFIX + "%'");
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CUSTOMER WHERE CODE = ?")) {
            for (Invoice inv : parsed.invoices.values()) {
                if (out.containsKey(inv.customer())) {
                    continue;
                }
                ps.setString(1, inv.customer());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(inv.customer(), rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    private static int createProducts(Connection c, IdBlock ids, OrderLineFile parsed, Map<String, Long> products)
            throws SQLException {
        int created = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PRODUCT (ID, VERSION, SKU, NAME, UNIT_PRICE) VALUES (?, 1, ?, ?, ?)")) {
            for (Invoice inv : parsed.invoices.values()) {
                for (Line l : inv.lines()) {
                    if (products.containsKey(l.stockCode())) {
                        continue;
                    }
                    long id = ids.next();
                    ps.setLong(1, id);
                    ps.setString(2, l.stockCode());
                    ps.setString(3, l.description()); // at most 200 characters: longer ones were refused
                    ps.setBigDecimal(4, l.unitPrice().abs());
                    ps.addBatch();
                    products.put(l.stockCode(), id);
                    created++;
                }
            }
            ps.executeBatch();
        }
        return created;
    }

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Map<String, Long> ids(Connection c, String sql) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
