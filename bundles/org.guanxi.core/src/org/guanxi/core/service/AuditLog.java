package org.guanxi.core.service;

import java.sql.Connection;
import java.sql.SQLException;
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

    /** The same for services that work in JDBC: written on {@code c}, in its transaction. */
    void record(Connection c, String entity, long entityId, Map<String, ?> before, Map<String, ?> after) throws SQLException;

    /**
     * One row for what is not a change of fields (a merge, an undone merge, an import), on {@code c}, in its
     * transaction, by the current user at the clock's time.
     */
    void event(Connection c, String entity, long entityId, AuditEntry.Action action, String field, String oldValue,
            String newValue) throws SQLException;

    List<AuditEntry> history(String entity, long entityId);

    /**
     * One field's value for {@link #record}, also when it is null (which {@code Map.of} refuses): a field that had no
     * value before is a change of it, not a creation.
     */
    static Map<String, Object> field(String name, Object value) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put(name, value);
        return m;
    }
}
