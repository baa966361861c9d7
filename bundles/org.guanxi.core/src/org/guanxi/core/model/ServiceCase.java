package org.guanxi.core.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A service case (服务工单): a customer's question, request or complaint, from intake to closure. Its deadlines come
 * from the service level of the customer's tier at opening and the case's priority, in working time.
 */
@Entity
@Table(name = "SERVICE_CASE")
public class ServiceCase extends TrackedEntity {

    @Column(name = "CASE_NO", nullable = false, length = 16, updatable = false)
    private String caseNo;

    @Column(name = "CUSTOMER_ID", nullable = false)
    private Long customerId;

    @Column(name = "ORDER_ID")
    private Long orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 12)
    private CaseKind kind = CaseKind.REQUEST;

    @Enumerated(EnumType.STRING)
    @Column(name = "PHASE", nullable = false, length = 12)
    private CasePhase phase = CasePhase.AFTER_SALE;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRIORITY", nullable = false, length = 8)
    private CasePriority priority = CasePriority.NORMAL;

    @Enumerated(EnumType.STRING)
    @Column(name = "CHANNEL", nullable = false, length = 12)
    private Channel channel = Channel.PHONE;

    @Column(name = "QUEUE_CODE", nullable = false, length = 32)
    private String queue;

    @Column(name = "ASSIGNEE", length = 64)
    private String assignee;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private CaseStatus status = CaseStatus.OPEN;

    @Column(name = "SUBJECT", nullable = false, length = 200)
    private String subject;

    @Column(name = "DESCRIPTION", length = 4000)
    private String description;

    @Column(name = "ANSWER", length = 4000)
    private String answer;

    @Column(name = "ARTICLE_ID")
    private Long articleId;

    /** The customer's tier when the case opened: the basis of its deadlines. */
    @Enumerated(EnumType.STRING)
    @Column(name = "TIER", nullable = false, length = 12)
    private Tier tier;

    @Column(name = "OPENED_AT", nullable = false)
    private Instant openedAt;

    @Column(name = "FIRST_RESPONSE_DUE", nullable = false)
    private Instant firstResponseDue;

    @Column(name = "RESOLUTION_DUE", nullable = false)
    private Instant resolutionDue;

    @Column(name = "FIRST_RESPONSE_AT")
    private Instant firstResponseAt;

    @Column(name = "RESOLVED_AT")
    private Instant resolvedAt;

    @Column(name = "CLOSED_AT")
    private Instant closedAt;

    /** 0: on time; 1: the first response is overdue; 2: the resolution is overdue. */
    @Column(name = "ESCALATION_LEVEL", nullable = false)
    private int escalationLevel;

    @Column(name = "ESCALATED_AT")
    private Instant escalatedAt;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "NEXT_DUE", nullable = false)
    private Instant nextDue;

    @Column(name = "CREATED_BY", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Override
    protected void beforeWrite(Instant now) {
        active = status.isActive();
        nextDue = firstResponseAt == null ? firstResponseDue : resolutionDue;
    }

    public boolean isActive() { return active; }
    public Instant getNextDue() { return nextDue; }
    public String getCaseNo() { return caseNo; }
    public void setCaseNo(String caseNo) { this.caseNo = caseNo; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public CaseKind getKind() { return kind; }
    public void setKind(CaseKind kind) { this.kind = kind; }
    public CasePhase getPhase() { return phase; }
    public void setPhase(CasePhase phase) { this.phase = phase; }
    public CasePriority getPriority() { return priority; }
    public void setPriority(CasePriority priority) { this.priority = priority; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public CaseStatus getStatus() { return status; }
    public void setStatus(CaseStatus status) { this.status = status; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public Long getArticleId() { return articleId; }
    public void setArticleId(Long articleId) { this.articleId = articleId; }
    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }
    public Instant getOpenedAt() { return openedAt; }
    public void setOpenedAt(Instant openedAt) { this.openedAt = openedAt; }
    public Instant getFirstResponseDue() { return firstResponseDue; }
    public void setFirstResponseDue(Instant firstResponseDue) { this.firstResponseDue = firstResponseDue; }
    public Instant getResolutionDue() { return resolutionDue; }
    public void setResolutionDue(Instant resolutionDue) { this.resolutionDue = resolutionDue; }
    public Instant getFirstResponseAt() { return firstResponseAt; }
    public void setFirstResponseAt(Instant firstResponseAt) { this.firstResponseAt = firstResponseAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public int getEscalationLevel() { return escalationLevel; }
    public void setEscalationLevel(int escalationLevel) { this.escalationLevel = escalationLevel; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public void setEscalatedAt(Instant escalatedAt) { this.escalatedAt = escalatedAt; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
}
