package org.guanxi.core.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.guanxi.core.AppClock;

/**
 * A message for an external system, written in the transaction of the change it reports (the transactional outbox)
 * and relayed by the integration routes. The idempotency key is unique: the same change cannot be queued twice, and
 * the receiver can recognise a message it has already processed.
 */
@Entity
@Table(name = "OUTBOX")
public class OutboxMessage {

    public enum Status { PENDING, SENT, PARKED, DISCARDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "TOPIC", nullable = false, length = 60)
    private String topic;

    @Column(name = "AGGREGATE_TYPE", nullable = false, length = 40)
    private String aggregateType;

    @Column(name = "AGGREGATE_ID", nullable = false)
    private long aggregateId;

    @Column(name = "IDEMPOTENCY_KEY", nullable = false, length = 100, unique = true)
    private String idempotencyKey;

    @Lob
    @Column(name = "PAYLOAD", nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private Status status = Status.PENDING;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "LAST_ERROR", length = 2000)
    private String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "SENT_AT")
    private Instant sentAt;

    public OutboxMessage() {
    }

    public OutboxMessage(String topic, String aggregateType, long aggregateId, String idempotencyKey, String payload) {
        this.topic = topic;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.idempotencyKey = idempotencyKey;
        this.payload = payload;
        this.createdAt = AppClock.now();
        this.nextAttemptAt = createdAt;
    }

    public Long getId() { return id; }
    public String getTopic() { return topic; }
    public String getAggregateType() { return aggregateType; }
    public long getAggregateId() { return aggregateId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public void setSentAt(Instant sentAt) { this.sentAt = sentAt; }
}
