package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A marketing campaign (营销活动) mailed to a saved segment: a subject and body per language with merge fields such as
 * {@code ${name}}, its budget and actual cost. Recipients, responses and results live in their own tables.
 */
@Entity
@Table(name = "CAMPAIGN")
public class Campaign extends TrackedEntity {

    @Column(name = "CODE", nullable = false, length = 32, unique = true)
    private String code;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "SEGMENT_ID")
    private Long segmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 12)
    private CampaignStatus status = CampaignStatus.DRAFT;

    @Column(name = "SENDER_NAME", length = 100)
    private String senderName;

    @Column(name = "SUBJECT_ZH", length = 200)
    private String subjectZh;

    @Column(name = "BODY_ZH", length = 8000)
    private String bodyZh;

    @Column(name = "SUBJECT_EN", length = 200)
    private String subjectEn;

    @Column(name = "BODY_EN", length = 8000)
    private String bodyEn;

    @Column(name = "BUDGET", precision = 15, scale = 2)
    private BigDecimal budget;

    @Column(name = "COST", nullable = false, precision = 15, scale = 2)
    private BigDecimal cost = BigDecimal.ZERO;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency = "CNY";

    @Column(name = "START_DATE")
    private LocalDate startDate;

    @Column(name = "END_DATE")
    private LocalDate endDate;

    @Column(name = "OWNER_LOGIN", nullable = false, length = 64)
    private String owner;

    /** The subject for a language ("zh" or "en"), falling back to the other language when that one is blank. */
    public String subject(String lang) {
        return pick(lang, subjectZh, subjectEn);
    }

    /** The body for a language, with the same fallback as {@link #subject(String)}. */
    public String body(String lang) {
        return pick(lang, bodyZh, bodyEn);
    }

    private static String pick(String lang, String zh, String en) {
        boolean hasZh = zh != null && !zh.isBlank();
        boolean hasEn = en != null && !en.isBlank();
        if ("en".equals(lang)) {
            return hasEn ? en : zh;
        }
        return hasZh ? zh : en;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getSegmentId() { return segmentId; }
    public void setSegmentId(Long segmentId) { this.segmentId = segmentId; }
    public CampaignStatus getStatus() { return status; }
    public void setStatus(CampaignStatus status) { this.status = status; }
    public String getSenderName() { return senderName; }
    public void setSenderName(String senderName) { this.senderName = senderName; }
    public String getSubjectZh() { return subjectZh; }
    public void setSubjectZh(String subjectZh) { this.subjectZh = subjectZh; }
    public String getBodyZh() { return bodyZh; }
    public void setBodyZh(String bodyZh) { this.bodyZh = bodyZh; }
    public String getSubjectEn() { return subjectEn; }
    public void setSubjectEn(String subjectEn) { this.subjectEn = subjectEn; }
    public String getBodyEn() { return bodyEn; }
    public void setBodyEn(String bodyEn) { this.bodyEn = bodyEn; }
    public BigDecimal getBudget() { return budget; }
    public void setBudget(BigDecimal budget) { this.budget = budget; }
    public BigDecimal getCost() { return cost; }
    public void setCost(BigDecimal cost) { this.cost = cost; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
}
