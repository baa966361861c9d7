package org.guanxi.core.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.guanxi.core.AppClock;

/** One step in the life of an outbox message: its history as the order's message view shows it. */
@Entity
@Table(name = "OUTBOX_EVENT")
public class OutboxEvent {

    public enum Kind {
        /** the receiver accepted it (detail: its answer) */
        ACKNOWLEDGED,
        /** an attempt failed and another is planned (detail: the error and the time of the next attempt) */
        RETRY,
        /** no more automatic attempts: bad data, or attempts used up; waits for a user */
        PARKED,
        /** a user sent it again, possibly with corrected content */
        REPLAYED,
        /** a user decided it is not to be sent */
        DISCARDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "MESSAGE_ID", nullable = false)
    private long messageId;

    @Column(name = "HAPPENED_AT", nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 16)
    private Kind kind;

    @Column(name = "ACTOR", length = 64)
    private String actor;

    @Column(name = "DETAIL", length = 2000)
    private String detail;

    public OutboxEvent() {
    }

    public OutboxEvent(long messageId, Kind kind, String actor, String detail) {
        this.messageId = messageId;
        this.at = AppClock.now();
        this.kind = kind;
        this.actor = actor;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
    }

    public Long getId() { return id; }
    public long getMessageId() { return messageId; }
    public Instant getAt() { return at; }
    public Kind getKind() { return kind; }
    public String getActor() { return actor; }
    public String getDetail() { return detail; }
}
