package org.guanxi.core.model;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A sales activity in the calendar (销售活动): a call, visit, meeting or task of a rep, about a customer, lead or
 * opportunity, with its time, participants, reminder and, once done, its outcome. Times are the rep's local wall-clock
 * times: a visit at 10:00 stays at 10:00.
 */
@Entity
@Table(name = "ACTIVITY")
public class Activity extends TrackedEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 12)
    private ActivityKind kind = ActivityKind.CALL;

    @Column(name = "SUBJECT", nullable = false, length = 200)
    private String subject;

    @Column(name = "STARTS_AT", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "ENDS_AT")
    private LocalDateTime endsAt;

    @Column(name = "ALL_DAY", nullable = false)
    private boolean allDay;

    @Column(name = "LOCATION", length = 200)
    private String location;

    @Column(name = "CUSTOMER_ID")
    private Long customerId;

    @Column(name = "CONTACT_ID")
    private Long contactId;

    @Column(name = "OPPORTUNITY_ID")
    private Long opportunityId;

    @Column(name = "LEAD_ID")
    private Long leadId;

    @Column(name = "OWNER_LOGIN", nullable = false, length = 64)
    private String owner;

    @Column(name = "PARTICIPANTS", length = 400)
    private String participants;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 12)
    private ActivityStatus status = ActivityStatus.PLANNED;

    @Column(name = "OUTCOME", length = 2000)
    private String outcome;

    @Column(name = "NOTES", length = 2000)
    private String notes;

    @Column(name = "REMIND_AT")
    private LocalDateTime remindAt;

    @Column(name = "REMINDED_AT")
    private Instant remindedAt;

    /** The timeline entry written when the activity was done. */
    @Column(name = "INTERACTION_ID")
    private Long interactionId;

    public ActivityKind getKind() { return kind; }
    public void setKind(ActivityKind kind) { this.kind = kind; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public boolean isAllDay() { return allDay; }
    public void setAllDay(boolean allDay) { this.allDay = allDay; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public Long getCustomerId() { return customerId; }
    public void setCustomerId(Long customerId) { this.customerId = customerId; }
    public Long getContactId() { return contactId; }
    public void setContactId(Long contactId) { this.contactId = contactId; }
    public Long getOpportunityId() { return opportunityId; }
    public void setOpportunityId(Long opportunityId) { this.opportunityId = opportunityId; }
    public Long getLeadId() { return leadId; }
    public void setLeadId(Long leadId) { this.leadId = leadId; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getParticipants() { return participants; }
    public void setParticipants(String participants) { this.participants = participants; }
    public ActivityStatus getStatus() { return status; }
    public void setStatus(ActivityStatus status) { this.status = status; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public LocalDateTime getRemindAt() { return remindAt; }
    public void setRemindAt(LocalDateTime remindAt) { this.remindAt = remindAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public void setRemindedAt(Instant remindedAt) { this.remindedAt = remindedAt; }
    public Long getInteractionId() { return interactionId; }
    public void setInteractionId(Long interactionId) { this.interactionId = interactionId; }
}
