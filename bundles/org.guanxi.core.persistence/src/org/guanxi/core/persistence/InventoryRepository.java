package org.guanxi.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.InventoryLevel;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.InventoryService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Stock levels written in bulk with plain JDBC: one transaction per SCM file, existing rows updated by key and new
 * ones inserted, both in JDBC batches. (Not MERGE: Derby's network server fails on a parametrised MERGE.)
 */
@Component(service = InventoryService.class)
public class InventoryRepository implements InventoryService {

    private static final int BATCH = 1_000;

    private final Database db;
    private final SecurityService security;

    @Activate
    public InventoryRepository(@Reference Database db, @Reference SecurityService security) {
        this.db = db;
        this.security = security;
    }

    @Override
    public int upsert(List<StockReport> reports, String sourceFile) {
        security.check(Permission.INVENTORY_WRITE);
        Timestamp now = Timestamp.from(AppClock.now());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement lock = c.createStatement();
                    PreparedStatement update = c.prepareStatement("UPDATE INVENTORY_LEVEL SET ON_HAND = ?, RESERVED = ?, "
                            + "UPDATED_AT = ?, SOURCE_FILE = ? WHERE SKU = ? AND WAREHOUSE = ?");
                    // the parameters in the same order as the update's, so one piece of code fills either
                    PreparedStatement insert = c.prepareStatement("INSERT INTO INVENTORY_LEVEL (ON_HAND, RESERVED, "
                            + "UPDATED_AT, SOURCE_FILE, SKU, WAREHOUSE) VALUES (?, ?, ?, ?, ?, ?)")) {
                // a file touches many rows: one table lock instead of a row lock each (Derby would escalate anyway)
                lock.execute("LOCK TABLE INVENTORY_LEVEL IN EXCLUSIVE MODE");
                Set<String> existing = existing(c, reports);
                int pending = 0;
                for (StockReport r : reports) {
                    PreparedStatement ps = existing.contains(key(r.sku(), r.warehouse())) ? update : insert;
                    ps.setBigDecimal(1, r.onHand());
                    ps.setBigDecimal(2, r.reserved());
                    ps.setTimestamp(3, now);
                    ps.setString(4, sourceFile);
                    ps.setString(5, r.sku());
                    ps.setString(6, r.warehouse());
                    ps.addBatch();
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
     * The keys of the file's warehouses that exist, read in one pass over the primary key's index rather than a
     * lookup per row: a lookup per row cost more than the write, and UPDATE-then-INSERT made Derby build a "no row"
     * warning (with a message lookup) per new row. A file never names a key twice.
     */
    private static Set<String> existing(Connection c, List<StockReport> reports) throws SQLException {
        Set<String> warehouses = new HashSet<>();
        reports.forEach(r -> warehouses.add(r.warehouse()));
        Set<String> keys = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SKU, WAREHOUSE FROM INVENTORY_LEVEL")) {
            while (rs.next()) {
                String warehouse = rs.getString(2);
                if (warehouses.contains(warehouse)) {
                    keys.add(key(rs.getString(1), warehouse));
                }
            }
        }
        return keys;
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
