package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A sales opportunity (商机) moving through the pipeline. {@code probability} is null while the stage's configured
 * default applies, so that changing the defaults re-weights every such deal in the forecast.
 */
@Entity
@Table(name = "OPPORTUNITY")
public class Opportunity extends TrackedEntity {

    @Column(name = "CODE", nullable = false, length = 32, unique = true)
    private String code;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "CUSTOMER_ID", nullable = false)
    private Long customerId;

    @Column(name = "CONTACT_ID")
    private Long contactId;

    @Column(name = "LEAD_ID")
    private Long leadId;

    /** The campaign this came from, if any (for the campaign's responses and return). */
    @Column(name = "CAMPAIGN_ID")
    private Long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STAGE", nullable = false, length = 16)
    private SalesStage stage = SalesStage.PROSPECTING;

    @Column(name = "PROBABILITY")
    private Integer probability;

    @Column(name = "AMOUNT", nullable = false, precision = 15, scale = 2)
    private BigDecimal amount = BigDecimal.ZERO;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency = "CNY";

    @Column(name = "EXPECTED_CLOSE", nullable = false)
    private LocalDate expectedClose;

    @Column(name = "OWNER_LOGIN", nullable = false, length = 64)
    private String owner;

    @Column(name = "COMPETITORS", length = 400)
    private String competitors;

    @Column(name = "NEXT_STEP", length = 400)
    private String nextStep;

    @Column(name = "CLOSE_REASON", length = 400)
    private String closeReason;

    @Column(name = "CLOSED_ON")
    private LocalDate closedOn;

    @Column(name = "STAGE_CHANGED_AT", nullable = false)
    private Instant stageChangedAt;

    @Override
    protected void beforeWrite(Instant now) {
        if (stageChangedAt == null) {
            stageChangedAt = now;
        }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getContactId() { return contactId; }
    public void setContactId(Long contactId) { this.contactId = contactId; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getLeadId() { return leadId; }
    public void setLeadId(Long leadId) { this.leadId = leadId; }
    public SalesStage getStage() { return stage; }
    public void setStage(SalesStage stage) { this.stage = stage; }
    public Integer getProbability() { return probability; }
    public void setProbability(Integer probability) { this.probability = probability; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getExpectedClose() { return expectedClose; }
    public void setExpectedClose(LocalDate expectedClose) { this.expectedClose = expectedClose; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getCompetitors() { return competitors; }
    public void setCompetitors(String competitors) { this.competitors = competitors; }
    public String getNextStep() { return nextStep; }
    public void setNextStep(String nextStep) { this.nextStep = nextStep; }
    public String getCloseReason() { return closeReason; }
    public void setCloseReason(String closeReason) { this.closeReason = closeReason; }
    public LocalDate getClosedOn() { return closedOn; }
    public void setClosedOn(LocalDate closedOn) { this.closedOn = closedOn; }
    public Instant getStageChangedAt() { return stageChangedAt; }
    public void setStageChangedAt(Instant stageChangedAt) { this.stageChangedAt = stageChangedAt; }
}
