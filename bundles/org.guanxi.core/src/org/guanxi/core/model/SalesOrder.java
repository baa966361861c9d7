package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A sales order (销售订单) with its lines; the ERP order number comes back from the integration. */
@Entity
@Table(name = "SALES_ORDER")
public class SalesOrder extends BaseEntity {

    @Column(name = "ORDER_NO", nullable = false, length = 32, unique = true)
    private String orderNo;

    @ManyToOne(optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private Customer customer;

    @Column(name = "ORDER_DATE", nullable = false)
    private LocalDate orderDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private OrderStatus status = OrderStatus.DRAFT;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency = "CNY";

    @Column(name = "TOTAL", nullable = false, precision = 15, scale = 2)
    private BigDecimal total = BigDecimal.ZERO;

    @Column(name = "ERP_ORDER_NO", length = 40)
    private String erpOrderNo;

    /** The day the goods reached the customer, as reported by the ERP. */
    @Column(name = "DELIVERED_ON")
    private LocalDate deliveredOn;

    @Column(name = "QUOTE_ID")
    private Long quoteId;

    @Column(name = "OPPORTUNITY_ID")
    private Long opportunityId;

    @Column(name = "OWNER_LOGIN", length = 64)
    private String owner;

    /** The delivery date the customer asked for. */
    @Column(name = "REQUESTED_DATE")
    private LocalDate requestedDate;

    @Column(name = "SHIP_TO", length = 400)
    private String shipTo;

    @Column(name = "NOTES", length = 2000)
    private String notes;

    @Column(name = "CONFIRMED_AT")
    private Instant confirmedAt;

    @Column(name = "CANCEL_REASON", length = 400)
    private String cancelReason;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    public void addLine(OrderLine line) {
        line.setOrder(this);
        line.setLineNo(lines.size() + 1);
        lines.add(line);
        recompute();
    }

    public void recompute() {
        total = lines.stream().map(PricedLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The largest line discount in percent. */
    public BigDecimal maxDiscount() {
        return lines.stream().map(PricedLine::getDiscountPct).reduce(BigDecimal.ZERO, BigDecimal::max);
    }

    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public LocalDate getOrderDate() { return orderDate; }
    public void setOrderDate(LocalDate orderDate) { this.orderDate = orderDate; }
    public OrderStatus getStatus() { return status; }
    public void setStatus(OrderStatus status) { this.status = status; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getTotal() { return total; }
    public String getErpOrderNo() { return erpOrderNo; }
    public void setErpOrderNo(String erpOrderNo) { this.erpOrderNo = erpOrderNo; }
    public List<OrderLine> getLines() { return lines; }
    public Long getQuoteId() { return quoteId; }
    public void setQuoteId(Long quoteId) { this.quoteId = quoteId; }
    public Long getOpportunityId() { return opportunityId; }
    public void setOpportunityId(Long opportunityId) { this.opportunityId = opportunityId; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public LocalDate getRequestedDate() { return requestedDate; }
    public void setRequestedDate(LocalDate requestedDate) { this.requestedDate = requestedDate; }
    public String getShipTo() { return shipTo; }
    public void setShipTo(String shipTo) { this.shipTo = shipTo; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public void setConfirmedAt(Instant confirmedAt) { this.confirmedAt = confirmedAt; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public void setDeliveredOn(LocalDate deliveredOn) { this.deliveredOn = deliveredOn; }
}
