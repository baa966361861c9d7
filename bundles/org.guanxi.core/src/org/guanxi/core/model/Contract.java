package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A sales contract (销售合同) with its terms, period and renewal notice. */
@Entity
@Table(name = "SALES_CONTRACT")
public class Contract extends TrackedEntity {

    @Column(name = "CONTRACT_NO", nullable = false, length = 32, unique = true)
    private String contractNo;

    @Column(name = "TITLE", nullable = false, length = 200)
    private String title;

    @Column(name = "CUSTOMER_ID", nullable = false)
    private Long customerId;

    @Column(name = "ORDER_ID")
    private Long orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private ContractStatus status = ContractStatus.DRAFT;

    @Column(name = "SIGNED_ON")
    private LocalDate signedOn;

    @Column(name = "START_DATE", nullable = false)
    private LocalDate startDate;

    @Column(name = "END_DATE", nullable = false)
    private LocalDate endDate;

    @Column(name = "AMOUNT", nullable = false, precision = 15, scale = 2)
    private BigDecimal amount = BigDecimal.ZERO;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency = "CNY";

    @Column(name = "PAYMENT_TERMS", length = 200)
    private String paymentTerms;

    @Column(name = "TERMS", length = 4000)
    private String terms;

    @Column(name = "AUTO_RENEW", nullable = false)
    private boolean autoRenew;

    @Column(name = "RENEWAL_NOTICE_DAYS", nullable = false)
    private int renewalNoticeDays = 30;

    @Column(name = "RENEWED_FROM_ID")
    private Long renewedFromId;

    @Column(name = "OWNER_LOGIN", nullable = false, length = 64)
    private String owner;

    /** The day from which the renewal is due: the notice period before the end. */
    public LocalDate renewalDate() {
        return endDate.minusDays(renewalNoticeDays);
    }

    public String getContractNo() { return contractNo; }
    public void setContractNo(String contractNo) { this.contractNo = contractNo; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public ContractStatus getStatus() { return status; }
    public void setStatus(ContractStatus status) { this.status = status; }
    public LocalDate getSignedOn() { return signedOn; }
    public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getPaymentTerms() { return paymentTerms; }
    public void setPaymentTerms(String paymentTerms) { this.paymentTerms = paymentTerms; }
    public String getTerms() { return terms; }
    public void setTerms(String terms) { this.terms = terms; }
    public boolean isAutoRenew() { return autoRenew; }
    public void setAutoRenew(boolean autoRenew) { this.autoRenew = autoRenew; }
    public int getRenewalNoticeDays() { return renewalNoticeDays; }
    public void setRenewalNoticeDays(int renewalNoticeDays) { this.renewalNoticeDays = renewalNoticeDays; }
    public Long getRenewedFromId() { return renewedFromId; }
    public void setRenewedFromId(Long renewedFromId) { this.renewedFromId = renewedFromId; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
}
