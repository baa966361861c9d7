package org.guanxi.core.model;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "QUOTE_LINE")
public class QuoteLine extends PricedLine {

    @ManyToOne(optional = false)
    @JoinColumn(name = "QUOTE_ID", nullable = false)
    private Quote quote;

    public QuoteLine() {
    }

    /** A line at list price with a discount; the unit price follows. */
    public QuoteLine(Product product, BigDecimal quantity, BigDecimal listPrice, BigDecimal discountPct) {
        setProduct(product);
        setQuantity(quantity);
        price(listPrice, discountPct);
    }

    public Quote getQuote() { return quote; }
    public void setQuote(Quote quote) { this.quote = quote; }
}
