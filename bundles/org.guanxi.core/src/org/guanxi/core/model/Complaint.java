package org.guanxi.core.model;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What a complaint (投诉) adds to its case: classification, the responsible department, the root cause, the
 * compensation given and the customer's confirmation. A complaint is closed only with the customer's verdict or an
 * explicit reason why there is none.
 */
@Entity
@Table(name = "COMPLAINT")
public class Complaint {

    @Id
    @Column(name = "CASE_ID")
    private Long caseId;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "CATEGORY", nullable = false, length = 16)
    private ComplaintCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "SEVERITY", nullable = false, length = 10)
    private ComplaintSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "DEPARTMENT", nullable = false, length = 20)
    private Department department;

    @Enumerated(EnumType.STRING)
    @Column(name = "ROOT_CAUSE", length = 28)
    private RootCause rootCause;

    @Enumerated(EnumType.STRING)
    @Column(name = "COMPENSATION", nullable = false, length = 12)
    private Compensation compensation = Compensation.NONE;

    @Column(name = "COMPENSATION_AMOUNT", precision = 15, scale = 2)
    private BigDecimal compensationAmount;

    @Column(name = "COMPENSATION_NOTE", length = 400)
    private String compensationNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "VERDICT", length = 20)
    private Verdict verdict;

    @Column(name = "VERDICT_COMMENT", length = 1000)
    private String verdictComment;

    @Column(name = "CONFIRMED_AT")
    private Instant confirmedAt;

    @Column(name = "CLOSE_REASON", length = 400)
    private String closeReason;

    /** The follow-up satisfaction score, 1 (very dissatisfied) to 5 (very satisfied). */
    @Column(name = "FOLLOW_UP_SCORE")
    private Integer followUpScore;

    @Column(name = "REOPENED", nullable = false)
    private int reopened;

    public Long getCaseId() { return caseId; }
    public void setCaseId(Long caseId) { this.caseId = caseId; }
    public long getVersion() { return version; }
    public ComplaintCategory getCategory() { return category; }
    public void setCategory(ComplaintCategory category) { this.category = category; }
    public ComplaintSeverity getSeverity() { return severity; }
    public void setSeverity(ComplaintSeverity severity) { this.severity = severity; }
    public Department getDepartment() { return department; }
    public void setDepartment(Department department) { this.department = department; }
    public RootCause getRootCause() { return rootCause; }
    public void setRootCause(RootCause rootCause) { this.rootCause = rootCause; }
    public Compensation getCompensation() { return compensation; }
    public void setCompensation(Compensation compensation) { this.compensation = compensation; }
    public BigDecimal getCompensationAmount() { return compensationAmount; }
    public void setCompensationAmount(BigDecimal compensationAmount) { this.compensationAmount = compensationAmount; }
    public String getCompensationNote() { return compensationNote; }
    public void setCompensationNote(String compensationNote) { this.compensationNote = compensationNote; }
    public Verdict getVerdict() { return verdict; }
    public void setVerdict(Verdict verdict) { this.verdict = verdict; }
    public String getVerdictComment() { return verdictComment; }
    public void setVerdictComment(String verdictComment) { this.verdictComment = verdictComment; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public void setConfirmedAt(Instant confirmedAt) { this.confirmedAt = confirmedAt; }
    public String getCloseReason() { return closeReason; }
    public void setCloseReason(String closeReason) { this.closeReason = closeReason; }
    public Integer getFollowUpScore() { return followUpScore; }
    public void setFollowUpScore(Integer followUpScore) { this.followUpScore = followUpScore; }
    public int getReopened() { return reopened; }
    public void setReopened(int reopened) { this.reopened = reopened; }
}
