package org.guanxi.core.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.guanxi.core.AppClock;

/** One entry of a case's timeline; entries are never changed. */
@Entity
@Table(name = "CASE_NOTE")
public class CaseNote extends BaseEntity {

    @Column(name = "CASE_ID", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 12)
    private CaseNoteKind kind;

    @Column(name = "AUTHOR", nullable = false, length = 64)
    private String author;

    @Column(name = "BODY", nullable = false, length = 4000)
    private String body;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    public CaseNote() {
    }

    public CaseNote(long caseId, CaseNoteKind kind, String author, String body) {
        this.caseId = caseId;
        this.kind = kind;
        this.author = author;
        this.body = body;
    }

    @PrePersist
    void created() {
        if (createdAt == null) {
            createdAt = AppClock.now();
        }
    }

    public Long getCaseId() { return caseId; }
    public CaseNoteKind getKind() { return kind; }
    public String getAuthor() { return author; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
