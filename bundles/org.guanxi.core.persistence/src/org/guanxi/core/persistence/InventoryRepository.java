package org.guanxi.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.InventoryLevel;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.InventoryService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Stock levels written in bulk with plain JDBC: one transaction per SCM file, existing rows updated by id and new
 * ones inserted, both in JDBC batches. (Not MERGE: Derby's network server fails on a parametrised MERGE.)
 */
@Component(service = InventoryService.class)
public class InventoryRepository implements InventoryService {

    private static final int BATCH = 1_000;

    @Reference
    private Database db;

    @Reference
    private SecurityService security;

    public InventoryRepository() {
    }

    public InventoryRepository(Database db, SecurityService security) {
        this.db = db;
        this.security = security;
    }

    @Override
    public int upsert(List<StockReport> reports, String sourceFile) {
        security.check(Permission.INVENTORY_WRITE);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement lock = c.createStatement();
                    PreparedStatement update = c.prepareStatement("UPDATE INVENTORY_LEVEL SET ON_HAND = ?, RESERVED = ?, "
                            + "UPDATED_AT = ?, SOURCE_FILE = ?, VERSION = VERSION + 1 WHERE ID = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO INVENTORY_LEVEL (ID, VERSION, SKU, WAREHOUSE, "
                            + "ON_HAND, RESERVED, UPDATED_AT, SOURCE_FILE) VALUES (?, 1, ?, ?, ?, ?, ?, ?)")) {
                // a file touches many rows: one table lock instead of a row lock each (Derby would escalate anyway)
                lock.execute("LOCK TABLE INVENTORY_LEVEL IN EXCLUSIVE MODE");
                Map<String, Long> existing = existing(c, reports);
                IdBlock ids = new IdBlock(c);
                int pending = 0;
                for (StockReport r : reports) {
                    Long id = existing.get(key(r.sku(), r.warehouse()));
                    if (id != null) {
                        update.setBigDecimal(1, r.onHand());
                        update.setBigDecimal(2, r.reserved());
                        update.setTimestamp(3, now);
                        update.setString(4, sourceFile);
                        update.setLong(5, id);
                        update.addBatch();
                    } else {
                        insert.setLong(1, ids.next());
                        insert.setString(2, r.sku());
                        insert.setString(3, r.warehouse());
                        insert.setBigDecimal(4, r.onHand());
                        insert.setBigDecimal(5, r.reserved());
                        insert.setTimestamp(6, now);
                        insert.setString(7, sourceFile);
                        insert.addBatch();
                    }
                    if (++pending == BATCH) {
                        update.executeBatch();
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                update.executeBatch();
                insert.executeBatch();
                c.commit();
                return reports.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Inventory update failed: " + e.getMessage(), e);
        }
    }

    /**
     * The ids of the file's keys that exist, read once per warehouse rather than per row: a lookup per row cost more
     * than the write, and UPDATE-then-INSERT made Derby build a "no row" warning (with a message lookup) per new row.
     * A file never names a key twice.
     */
    private static Map<String, Long> existing(Connection c, List<StockReport> reports) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        Set<String> warehouses = new TreeSet<>();
        reports.forEach(r -> warehouses.add(r.warehouse()));
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, SKU FROM INVENTORY_LEVEL WHERE WAREHOUSE = ?")) {
            for (String warehouse : warehouses) {
                ps.setString(1, warehouse);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(key(rs.getString(2), warehouse), rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    private static String key(String sku, String warehouse) {
        return sku + '\u0000' + warehouse;
    }

    @Override
    public List<InventoryLevel> levels(String sku) {
        return db.read(em -> em.createQuery("SELECT i FROM InventoryLevel i WHERE i.sku = :sku ORDER BY i.warehouse",
                InventoryLevel.class).setParameter("sku", sku).getResultList());
    }

    @Override
    public int count() {
        return db.read(em -> em.createQuery("SELECT COUNT(i) FROM InventoryLevel i", Long.class).getSingleResult()).intValue();
    }
}
