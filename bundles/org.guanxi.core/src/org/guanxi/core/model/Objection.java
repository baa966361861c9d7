package org.guanxi.core.model;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.guanxi.core.AppClock;

/** One objection (客户异议) raised by a customer or lead, with the handling method the rep used and the outcome. */
@Entity
@Table(name = "OBJECTION")
public class Objection extends BaseEntity {

    @Column(name = "CUSTOMER_ID")
    private Long customerId;

    @Column(name = "LEAD_ID")
    private Long leadId;

    @Column(name = "OPPORTUNITY_ID")
    private Long opportunityId;

    @Column(name = "PRODUCT_ID")
    private Long productId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 16)
    private ObjectionKind kind;

    @Column(name = "STATEMENT", nullable = false, length = 1000)
    private String statement;

    @Enumerated(EnumType.STRING)
    @Column(name = "METHOD", length = 16)
    private ObjectionMethod method;

    @Column(name = "RESPONSE", length = 1000)
    private String response;

    @Enumerated(EnumType.STRING)
    @Column(name = "OUTCOME", nullable = false, length = 16)
    private ObjectionOutcome outcome = ObjectionOutcome.UNRESOLVED;

    @Column(name = "REP_LOGIN", nullable = false, length = 64)
    private String rep;

    @Column(name = "RAISED_ON", nullable = false)
    private LocalDate raisedOn;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @PrePersist
    void created() {
        createdAt = AppClock.now();
    }

    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getLeadId() { return leadId; }
    public void setLeadId(Long leadId) { this.leadId = leadId; }
    public Long getOpportunityId() { return opportunityId; }
    public void setOpportunityId(Long opportunityId) { this.opportunityId = opportunityId; }
    public Long getProductId() { return productId; }
    public void setProductId(Long productId) { this.productId = productId; }
    public ObjectionKind getKind() { return kind; }
    public void setKind(ObjectionKind kind) { this.kind = kind; }
    public String getStatement() { return statement; }
    public void setStatement(String statement) { this.statement = statement; }
    public ObjectionMethod getMethod() { return method; }
    public void setMethod(ObjectionMethod method) { this.method = method; }
    public String getResponse() { return response; }
    public void setResponse(String response) { this.response = response; }
    public ObjectionOutcome getOutcome() { return outcome; }
    public void setOutcome(ObjectionOutcome outcome) { this.outcome = outcome; }
    public String getRep() { return rep; }
    public void setRep(String rep) { this.rep = rep; }
    public LocalDate getRaisedOn() { return raisedOn; }
    public void setRaisedOn(LocalDate raisedOn) { this.raisedOn = raisedOn; }
    public Instant getCreatedAt() { return createdAt; }
}
