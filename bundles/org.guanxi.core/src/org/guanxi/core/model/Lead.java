package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A sales lead (销售线索): a person or company that may buy, until it is qualified and converted into a customer with an
 * opportunity. The rep rates each {@link Criterion}; the score is computed from those ratings when the lead is saved.
 */
@Entity
@Table(name = "SALES_LEAD")
public class Lead extends TrackedEntity {

    @Column(name = "CODE", nullable = false, length = 32, unique = true)
    private String code;

    @Column(name = "PERSON_NAME", length = 200)
    private String personName;

    @Column(name = "COMPANY", length = 200)
    private String company;

    @Column(name = "NAME_KEY", nullable = false, length = 200)
    private String nameKey;

    @Column(name = "PINYIN_KEY", nullable = false, length = 400)
    private String pinyinKey;

    @Column(name = "PHONE", length = 40)
    private String phone;

    @Column(name = "PHONE_KEY", length = 40)
    private String phoneKey;

    @Column(name = "EMAIL", length = 200)
    private String email;

    @Column(name = "EMAIL_KEY", length = 200)
    private String emailKey;

    @Column(name = "CITY", length = 100)
    private String city;

    @Enumerated(EnumType.STRING)
    @Column(name = "SOURCE", nullable = false, length = 16)
    private LeadSource source = LeadSource.OTHER;

    @Column(name = "SOURCE_DETAIL", length = 200)
    private String sourceDetail;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private LeadStatus status = LeadStatus.NEW;

    @Column(name = "OWNER_LOGIN", nullable = false, length = 64)
    private String owner;

    @Column(name = "NEED")
    private Integer need;

    @Column(name = "BUDGET")
    private Integer budget;

    @Column(name = "AUTHORITY")
    private Integer authority;

    @Column(name = "CREDIT")
    private Integer credit;

    @Column(name = "FIT")
    private Integer fit;

    @Column(name = "SCORE")
    private Integer score;

    @Column(name = "ESTIMATED_AMOUNT", precision = 15, scale = 2)
    private BigDecimal estimatedAmount;

    @Column(name = "NOTES", length = 2000)
    private String notes;

    @Column(name = "CUSTOMER_ID")
    private Long customerId;

    @Column(name = "OPPORTUNITY_ID")
    private Long opportunityId;

    /** The campaign this came from, if any (for the campaign's responses and return). */
    @Column(name = "CAMPAIGN_ID")
    private Long campaignId;

    @Override
    protected void beforeWrite(Instant now) {
        nameKey = SearchKeys.nameKey(displayName());
        pinyinKey = SearchKeys.pinyinKey(displayName());
        phoneKey = SearchKeys.phoneKey(phone);
        emailKey = SearchKeys.emailKey(email);
    }

    /** The company for a business lead, else the person. */
    public String displayName() {
        return company != null && !company.isBlank() ? company : personName == null ? "" : personName;
    }

    /** The rep's ratings, 0–5, of the criteria judged so far. */
    public Map<Criterion, Integer> ratings() {
        Map<Criterion, Integer> m = new EnumMap<>(Criterion.class);
        put(m, Criterion.NEED, need);
        put(m, Criterion.BUDGET, budget);
        put(m, Criterion.AUTHORITY, authority);
        put(m, Criterion.CREDIT, credit);
        put(m, Criterion.FIT, fit);
        return m;
    }

    private static void put(Map<Criterion, Integer> m, Criterion c, Integer v) {
        if (v != null) {
            m.put(c, v);
        }
    }

    public Integer rating(Criterion c) {
        return ratings().get(c);
    }

    /** Sets a rating, 0–5, or clears it with null. */
    public void rate(Criterion c, Integer value) {
        switch (c) {
            case NEED -> need = value;
            case BUDGET -> budget = value;
            case AUTHORITY -> authority = value;
            case CREDIT -> credit = value;
            case FIT -> fit = value;
        }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getPersonName() { return personName; }
    public void setPersonName(String personName) { this.personName = personName; }
    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public LeadSource getSource() { return source; }
    public void setSource(LeadSource source) { this.source = source; }
    public String getSourceDetail() { return sourceDetail; }
    public void setSourceDetail(String sourceDetail) { this.sourceDetail = sourceDetail; }
    public LeadStatus getStatus() { return status; }
    public void setStatus(LeadStatus status) { this.status = status; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public Integer getScore() { return score; }
    public void setScore(Integer score) { this.score = score; }
    public BigDecimal getEstimatedAmount() { return estimatedAmount; }
    public void setEstimatedAmount(BigDecimal estimatedAmount) { this.estimatedAmount = estimatedAmount; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getOpportunityId() { return opportunityId; }
    public void setOpportunityId(Long opportunityId) { this.opportunityId = opportunityId; }
}
