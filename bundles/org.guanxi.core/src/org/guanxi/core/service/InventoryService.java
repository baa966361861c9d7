package org.guanxi.core.service;

import java.math.BigDecimal;
import java.util.List;

import org.guanxi.core.model.InventoryLevel;

/** Stock levels as reported by the SCM. */
public interface InventoryService {

    record StockReport(String sku, String warehouse, BigDecimal onHand, BigDecimal reserved) {
    }

    /** Inserts or updates all levels in one transaction; returns how many rows were written. */
    int upsert(List<StockReport> reports, String sourceFile);

    List<InventoryLevel> levels(String sku);

    int count();
}
