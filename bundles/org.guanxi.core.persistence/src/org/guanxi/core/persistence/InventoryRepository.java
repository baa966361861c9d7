package org.guanxi.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.InventoryLevel;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.InventoryService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Stock levels written in bulk with plain JDBC: one transaction per SCM file, UPDATE first and INSERT where no
 * row was updated. (Not MERGE: Derby's network server fails on a parametrised MERGE.)
 */
@Component(service = InventoryService.class)
public class InventoryRepository implements InventoryService {

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
            try (PreparedStatement update = c.prepareStatement("UPDATE INVENTORY_LEVEL SET ON_HAND = ?, RESERVED = ?, "
                    + "UPDATED_AT = ?, SOURCE_FILE = ?, VERSION = VERSION + 1 WHERE SKU = ? AND WAREHOUSE = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO INVENTORY_LEVEL (ID, VERSION, SKU, WAREHOUSE, "
                            + "ON_HAND, RESERVED, UPDATED_AT, SOURCE_FILE) VALUES (?, 1, ?, ?, ?, ?, ?, ?)")) {
                IdBlock ids = new IdBlock(c);
                for (StockReport r : reports) {
                    update.setBigDecimal(1, r.onHand());
                    update.setBigDecimal(2, r.reserved());
                    update.setTimestamp(3, now);
                    update.setString(4, sourceFile);
                    update.setString(5, r.sku());
                    update.setString(6, r.warehouse());
                    if (update.executeUpdate() == 0) {
                        insert.setLong(1, ids.next());
                        insert.setString(2, r.sku());
                        insert.setString(3, r.warehouse());
                        insert.setBigDecimal(4, r.onHand());
                        insert.setBigDecimal(5, r.reserved());
                        insert.setTimestamp(6, now);
                        insert.setString(7, sourceFile);
                        insert.executeUpdate();
                    }
                }
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
