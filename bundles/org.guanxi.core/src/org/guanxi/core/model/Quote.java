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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A quote (报价单) revision. Revising a quote that was sent keeps the old revision as it was and starts a new row
 * with the same number and the next revision, so what the customer received is never overwritten.
 */
@Entity
@Table(name = "QUOTE")
public class Quote extends TrackedEntity {

    @Column(name = "QUOTE_NO", nullable = false, length = 32)
    private String quoteNo;

    @Column(name = "REVISION", nullable = false)
    private int revision = 1;

    @Column(name = "CUSTOMER_ID", nullable = false)
    private Long customerId;

    @Column(name = "CONTACT_ID")
    private Long contactId;

    @Column(name = "OPPORTUNITY_ID")
    private Long opportunityId;

    @Column(name = "PRICE_LIST_ID")
    private Long priceListId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private QuoteStatus status = QuoteStatus.DRAFT;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency = "CNY";

    @Column(name = "VALID_UNTIL", nullable = false)
    private LocalDate validUntil;

    @Column(name = "LIST_TOTAL", nullable = false, precision = 15, scale = 2)
    private BigDecimal listTotal = BigDecimal.ZERO;

    @Column(name = "TOTAL", nullable = false, precision = 15, scale = 2)
    private BigDecimal total = BigDecimal.ZERO;

    @Column(name = "MAX_DISCOUNT", nullable = false, precision = 5, scale = 2)
    private BigDecimal maxDiscount = BigDecimal.ZERO;

    @Column(name = "OWNER_LOGIN", nullable = false, length = 64)
    private String owner;

    @Column(name = "APPROVED_BY", length = 64)
    private String approvedBy;

    @Column(name = "APPROVED_AT")
    private Instant approvedAt;

    @Column(name = "ORDER_ID")
    private Long orderId;

    @Column(name = "NOTES", length = 2000)
    private String notes;

    @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<QuoteLine> lines = new ArrayList<>();

    public void addLine(QuoteLine line) {
        line.setQuote(this);
        line.setLineNo(lines.size() + 1);
        lines.add(line);
        recompute();
    }

    /** Totals and the largest discount from the lines. */
    public void recompute() {
        total = lines.stream().map(PricedLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        listTotal = lines.stream().map(PricedLine::getListAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        maxDiscount = lines.stream().map(PricedLine::getDiscountPct).reduce(BigDecimal.ZERO, BigDecimal::max);
    }

    public String getQuoteNo() { return quoteNo; }
    public void setQuoteNo(String quoteNo) { this.quoteNo = quoteNo; }
    public int getRevision() { return revision; }
    public void setRevision(int revision) { this.revision = revision; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getContactId() { return contactId; }
    public void setContactId(Long contactId) { this.contactId = contactId; }
    public Long getOpportunityId() { return opportunityId; }
    public void setOpportunityId(Long opportunityId) { this.opportunityId = opportunityId; }
    public Long getPriceListId() { return priceListId; }
    public void setPriceListId(Long priceListId) { this.priceListId = priceListId; }
    public QuoteStatus getStatus() { return status; }
    public void setStatus(QuoteStatus status) { this.status = status; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public BigDecimal getListTotal() { return listTotal; }
    public BigDecimal getTotal() { return total; }
    public BigDecimal getMaxDiscount() { return maxDiscount; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getApprovedBy() { return approvedBy; }
    public void setApprovedBy(String approvedBy) { this.approvedBy = approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public void setApprovedAt(Instant approvedAt) { this.approvedAt = approvedAt; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public List<QuoteLine> getLines() { return lines; }
}
