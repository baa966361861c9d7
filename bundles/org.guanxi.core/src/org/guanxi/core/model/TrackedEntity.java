package org.guanxi.core.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import org.guanxi.core.AppClock;

/**
 * An entity that records when it was created and last changed. Subclasses derive their own columns (search keys,
 * stage timestamps) in {@link #beforeWrite(Instant)}, which runs at the same moment.
 */
@MappedSuperclass
public abstract class TrackedEntity extends BaseEntity {

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @PrePersist
    @PreUpdate
    void touch() {
        Instant now = AppClock.now();
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
        beforeWrite(now);
    }

    /** Called before every insert and update, after the timestamps are set. */
    protected void beforeWrite(Instant now) {
    }

    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
