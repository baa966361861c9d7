package org.guanxi.core.service;

import java.util.List;
import java.util.Map;

import org.guanxi.core.model.AuditEntry;

import jakarta.persistence.EntityManager;

/**
 * The audit trail. Services call {@link #record} inside their own transaction, so a change and its audit rows
 * commit together or not at all.
 */
public interface AuditLog {

    /**
     * Writes one row per field whose value differs between {@code before} and {@code after}. An empty
     * {@code before} means created, an empty {@code after} deleted.
     */
    void record(EntityManager em, String entity, long entityId, Map<String, ?> before, Map<String, ?> after);

    List<AuditEntry> history(String entity, long entityId);
}
