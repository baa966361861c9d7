package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A payment (回款) received against an invoice, as the ERP reports it. */
@Entity
@Table(name = "PAYMENT")
public class Payment extends BaseEntity {

    @Column(name = "INVOICE_ID", nullable = false)
    private Long invoiceId;

    @Column(name = "PAID_ON", nullable = false)
    private LocalDate paidOn;

    @Column(name = "AMOUNT", nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(name = "METHOD", length = 20)
    private String method;

    @Column(name = "REFERENCE", length = 100)
    private String reference;

    public Long getInvoiceId() { return invoiceId; }
    public void setInvoiceId(Long invoiceId) { this.invoiceId = invoiceId; }
    public LocalDate getPaidOn() { return paidOn; }
    public void setPaidOn(LocalDate paidOn) { this.paidOn = paidOn; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
}
