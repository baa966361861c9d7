package org.guanxi.core.model;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A product or service that can be sold; the SKU is shared with the ERP and the SCM. */
@Entity
@Table(name = "PRODUCT")
public class Product extends BaseEntity {

    @Column(name = "SKU", nullable = false, length = 40, unique = true)
    private String sku;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "CATEGORY", length = 100)
    private String category;

    @Column(name = "UNIT_PRICE", nullable = false, precision = 15, scale = 4)
    private BigDecimal unitPrice = BigDecimal.ZERO;

    @Column(name = "UNIT_COST", precision = 15, scale = 2)
    private BigDecimal unitCost;

    /** False for services, which are sold without stock and skip the available-to-promise check. */
    @Column(name = "STOCK_ITEM", nullable = false)
    private boolean stockItem = true;

    public boolean isStockItem() { return stockItem; }
    public void setStockItem(boolean stockItem) { this.stockItem = stockItem; }
    public String getSku() { return sku; }
    public void setSku(String sku) { this.sku = sku; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
    public BigDecimal getUnitCost() { return unitCost; }
    public void setUnitCost(BigDecimal unitCost) { this.unitCost = unitCost; }
}
