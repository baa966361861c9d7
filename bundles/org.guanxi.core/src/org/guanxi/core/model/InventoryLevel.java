package org.guanxi.core.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Stock of one SKU in one warehouse as last reported by the SCM (库存). Keyed by (SKU, warehouse) and written only
 * by SCM files, in bulk; never edited in the CRM, so it has no surrogate id and no version.
 */
@Entity
@IdClass(InventoryLevel.Key.class)
@Table(name = "INVENTORY_LEVEL")
public class InventoryLevel {

    @Id
    @Column(name = "SKU", nullable = false, length = 40)
    private String sku;

    @Id
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

    /** The primary key: SKU and warehouse (a class with fields, as JPA id classes are filled by field). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String sku;
        private String warehouse;

        public Key() {
        }

        public Key(String sku, String warehouse) {
            this.sku = sku;
            this.warehouse = warehouse;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sku, k.sku) && Objects.equals(warehouse, k.warehouse);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, warehouse);
        }
    }
}
