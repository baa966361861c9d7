package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "ORDER_LINE")
public class OrderLine extends PricedLine {

    @ManyToOne(optional = false)
    @JoinColumn(name = "ORDER_ID", nullable = false)
    private SalesOrder order;

    /** When the order was confirmed, while the line's quantity is promised to the customer; null otherwise. */
    @Column(name = "PROMISED_AT")
    private Instant promisedAt;

    public OrderLine() {
    }

    public OrderLine(Product product, BigDecimal quantity, BigDecimal unitPrice) {
        super(product, quantity, unitPrice);
    }

    public Instant getPromisedAt() { return promisedAt; }
    public void setPromisedAt(Instant promisedAt) { this.promisedAt = promisedAt; }
    public SalesOrder getOrder() { return order; }
    public void setOrder(SalesOrder order) { this.order = order; }
}
