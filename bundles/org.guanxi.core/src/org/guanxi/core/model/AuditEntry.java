package org.guanxi.core.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One changed field of one entity: who, when, old → new. Written in the same transaction as the change.
 * Audit rows are never updated, so they carry no version.
 */
@Entity
@Table(name = "AUDIT_LOG")
public class AuditEntry {

    public enum Action { CREATE, UPDATE, DELETE, MERGE, UNMERGE, IMPORT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "CHANGED_AT", nullable = false)
    private Instant at;

    @Column(name = "USER_LOGIN", nullable = false, length = 64)
    private String user;

    @Column(name = "ENTITY", nullable = false, length = 60)
    private String entity;

    @Column(name = "ENTITY_ID", nullable = false)
    private long entityId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "ACTION", nullable = false, length = 10)
    private Action action;

    @Column(name = "FIELD", length = 60)
    private String field;

    @Column(name = "OLD_VALUE", length = 2000)
    private String oldValue;

    @Column(name = "NEW_VALUE", length = 2000)
    private String newValue;

    public AuditEntry() {
    }

    public AuditEntry(Instant at, String user, String entity, long entityId, Action action, String field,
            String oldValue, String newValue) {
        this.at = at;
        this.user = user;
        this.entity = entity;
        this.entityId = entityId;
        this.action = action;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public String getUser() { return user; }
    public String getEntity() { return entity; }
    public long getEntityId() { return entityId; }
    public Action getAction() { return action; }
    public String getField() { return field; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
}
