package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Stock of one SKU in one warehouse as last reported by the SCM (库存). */
@Entity
@Table(name = "INVENTORY_LEVEL", uniqueConstraints = @UniqueConstraint(columnNames = { "SKU", "WAREHOUSE" }))
public class InventoryLevel extends BaseEntity {

    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Column(name = "WAREHOUSE", nullable = false, length = 40)
    private String warehouse;

    @Column(name = "ON_HAND", nullable = false, precision = 15, scale = 3)
    private BigDecimal onHand;

    @Column(name = "RESERVED", nullable = false, precision = 15, scale = 3)
    private BigDecimal reserved = BigDecimal.ZERO;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "SOURCE_FILE", length = 260)
    private String sourceFile;

    public BigDecimal getAvailable() {
        return onHand.subtract(reserved);
    }

    public String getSku() { return sku; }
    public void setSku(String sku) { this.sku = sku; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public BigDecimal getOnHand() { return onHand; }
    public void setOnHand(BigDecimal onHand) { this.onHand = onHand; }
    public BigDecimal getReserved() { return reserved; }
    public void setReserved(BigDecimal reserved) { this.reserved = reserved; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public String getSourceFile() { return sourceFile; }
    public void setSourceFile(String sourceFile) { this.sourceFile = sourceFile; }
}
