package org.guanxi.core.model;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * A line of a quote or an order: a product, a quantity and its price — the list price, the discount granted in
 * percent and the resulting unit price. Imported orders carry no list price (the source system only had the price paid).
 */
@MappedSuperclass
public abstract class PricedLine extends BaseEntity {

    @Column(name = "LINE_NO", nullable = false)
    private int lineNo;

    @ManyToOne(optional = false)
    @JoinColumn(name = "PRODUCT_ID", nullable = false)
    private Product product;

    @Column(name = "QUANTITY", nullable = false, precision = 15, scale = 3)
    private BigDecimal quantity;

    @Column(name = "LIST_PRICE", precision = 15, scale = 4)
    private BigDecimal listPrice;

    @Column(name = "DISCOUNT_PCT", nullable = false, precision = 5, scale = 2)
    private BigDecimal discountPct = BigDecimal.ZERO;

    @Column(name = "UNIT_PRICE", nullable = false, precision = 15, scale = 4)
    private BigDecimal unitPrice;

    protected PricedLine() {
    }

    protected PricedLine(Product product, BigDecimal quantity, BigDecimal unitPrice) {
        this.product = product;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    /** Sets list price and discount and derives the unit price from them. */
    public void price(BigDecimal listPrice, BigDecimal discountPct) {
        this.listPrice = listPrice;
        this.discountPct = discountPct == null ? BigDecimal.ZERO : discountPct;
        this.unitPrice = Money.discounted(listPrice, this.discountPct);
    }

    public BigDecimal getAmount() {
        return Money.amount(quantity, unitPrice);
    }

    /** The amount at list price (the amount itself when there is no list price). */
    public BigDecimal getListAmount() {
        return listPrice == null ? getAmount() : Money.amount(quantity, listPrice);
    }

    public int getLineNo() { return lineNo; }
    public void setLineNo(int lineNo) { this.lineNo = lineNo; }
    public Product getProduct() { return product; }
    public void setProduct(Product product) { this.product = product; }
    public BigDecimal getQuantity() { return quantity; }
    public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
    public BigDecimal getListPrice() { return listPrice; }
    public void setListPrice(BigDecimal listPrice) { this.listPrice = listPrice; }
    public BigDecimal getDiscountPct() { return discountPct; }
    public void setDiscountPct(BigDecimal discountPct) { this.discountPct = discountPct; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
}
