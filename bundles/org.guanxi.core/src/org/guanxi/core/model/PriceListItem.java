package org.guanxi.core.model;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A product's price in a list from a minimum quantity on (volume tiers are several items). */
@Entity
@Table(name = "PRICE_LIST_ITEM")
public class PriceListItem extends BaseEntity {

    @Column(name = "PRICE_LIST_ID", nullable = false)
    private Long priceListId;

    @Column(name = "PRODUCT_ID", nullable = false)
    private Long productId;

    @Column(name = "MIN_QUANTITY", nullable = false, precision = 15, scale = 3)
    private BigDecimal minQuantity = BigDecimal.ONE;

    @Column(name = "UNIT_PRICE", nullable = false, precision = 15, scale = 4)
    private BigDecimal unitPrice;

    public PriceListItem() {
    }

    public PriceListItem(Long priceListId, Long productId, BigDecimal minQuantity, BigDecimal unitPrice) {
        this.priceListId = priceListId;
        this.productId = productId;
        this.minQuantity = minQuantity;
        this.unitPrice = unitPrice;
    }

    public Long getPriceListId() { return priceListId; }
    public void setPriceListId(Long priceListId) { this.priceListId = priceListId; }
    public Long getProductId() { return productId; }
    public void setProductId(Long productId) { this.productId = productId; }
    public BigDecimal getMinQuantity() { return minQuantity; }
    public void setMinQuantity(BigDecimal minQuantity) { this.minQuantity = minQuantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
}
