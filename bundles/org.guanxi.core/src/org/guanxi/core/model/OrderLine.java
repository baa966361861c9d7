package org.guanxi.core.model;

import java.math.BigDecimal;

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

    public OrderLine() {
    }

    public OrderLine(Product product, BigDecimal quantity, BigDecimal unitPrice) {
        super(product, quantity, unitPrice);
    }

    public SalesOrder getOrder() { return order; }
    public void setOrder(SalesOrder order) { this.order = order; }
}
