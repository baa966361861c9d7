package org.guanxi.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.guanxi.core.AppClock;
import org.guanxi.core.Masking;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.AuditEntry.Action;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/** Field-level audit rows, written through the caller's entity manager so they share its transaction. */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {

    private static final int MAX_VALUE = 2000;

    private final Database db;
    private final SecurityService security;

    @Activate
    public AuditLogImpl(@Reference Database db, @Reference SecurityService security) {
        this.db = db;
        this.security = security;
    }

    @Override
    public void record(EntityManager em, String entity, long entityId, Map<String, ?> before, Map<String, ?> after) {
        changes(entity, entityId, before, after).forEach(em::persist);
    }

    @Override
    public void record(Connection c, String entity, long entityId, Map<String, ?> before, Map<String, ?> after)
            throws SQLException {
        insert(c, changes(entity, entityId, before, after));
    }

    @Override
    public void event(Connection c, String entity, long entityId, Action action, String field, String oldValue, String newValue)
            throws SQLException {
        insert(c, List.of(new AuditEntry(AppClock.now(), security.currentUser(), entity, entityId, action, field, oldValue, newValue)));
    }

    private static void insert(Connection c, List<AuditEntry> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO AUDIT_LOG (CHANGED_AT, USER_LOGIN, ENTITY, ENTITY_ID, "
                + "ACTION, FIELD, OLD_VALUE, NEW_VALUE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry a : changes) {
                ps.setTimestamp(1, java.sql.Timestamp.from(a.getAt()));
                ps.setString(2, a.getUser());
                ps.setString(3, a.getEntity());
                ps.setLong(4, a.getEntityId());
                ps.setString(5, a.getAction().name());
                ps.setString(6, a.getField());
                ps.setString(7, a.getOldValue());
                ps.setString(8, a.getNewValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One entry per field whose value differs, or one without a field for a creation or deletion that has none. */
    private List<AuditEntry> changes(String entity, long entityId, Map<String, ?> before, Map<String, ?> after) {
        Action action = before.isEmpty() ? Action.CREATE : after.isEmpty() ? Action.DELETE : Action.UPDATE;
        Instant now = AppClock.now();
        String user = security.currentUser();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<AuditEntry> out = new ArrayList<>();
        for (String field : fields) {
            String oldValue = text(before.get(field));
            String newValue = text(after.get(field));
            if (!Objects.equals(oldValue, newValue)) {
                out.add(new AuditEntry(now, user, entity, entityId, action, field, oldValue, newValue));
            }
        }
        if (out.isEmpty() && action != Action.UPDATE) {
            out.add(new AuditEntry(now, user, entity, entityId, action, null, null, null));
        }
        return out;
    }

    @Override
    public List<AuditEntry> history(String entity, long entityId) {
        List<AuditEntry> entries = new ArrayList<>(db.read(em -> em.createQuery(
                "SELECT a FROM AuditEntry a WHERE a.entity = :e AND a.entityId = :id ORDER BY a.at, a.id", AuditEntry.class)
                .setParameter("e", entity).setParameter("id", entityId).getResultList()));
        if (db.shared()) {
            entries.addAll(db.jdbc(c -> bypassingChanges(c, entity, entityId)));
            entries.sort(Comparator.comparing(AuditEntry::getAt));
        }
        // the trail's personal values are shown as masked as the record's own
        return security.hasPermission(Permission.PERSONAL_DATA) ? entries : entries.stream().map(AuditLogImpl::masked).toList();
    }

    private static AuditEntry masked(AuditEntry e) {
        if ("payload".equals(e.getField())) {
            // an ERP message as edited before a replay: the customer's numbers and addresses in one text
            return new AuditEntry(e.getAt(), e.getUser(), e.getEntity(), e.getEntityId(), e.getAction(), e.getField(),
                    e.getOldValue() == null ? null : "…", e.getNewValue() == null ? null : "…");
        }
        Masking.Kind oldKind = Masking.kindOfField(e.getField(), e.getOldValue());
        Masking.Kind newKind = Masking.kindOfField(e.getField(), e.getNewValue());
        if (oldKind == null) {
            return e;
        }
        return new AuditEntry(e.getAt(), e.getUser(), e.getEntity(), e.getEntityId(), e.getAction(), e.getField(),
                Masking.mask(oldKind, e.getOldValue()), Masking.mask(newKind, e.getNewValue()));
    }

    /**
     * A team database records every change itself (DATA_CHANGE, written by triggers): the ones made in a transaction
     * that recorded nothing here went around the services (psql, a report tool) and belong in the history too. Only
     * those who may read the database's trail (administrators) see them.
     */
    private static List<AuditEntry> bypassingChanges(Connection c, String entity, long entityId) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet may = st.executeQuery("SELECT to_regclass('data_change') IS NOT NULL "
                        + "AND has_table_privilege('data_change', 'SELECT')")) {
            if (!may.next() || !may.getBoolean(1)) {
                return out;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT CHANGED_AT, DB_USER, ACTION, FIELD, OLD_VALUE, NEW_VALUE "
                + "FROM DATA_CHANGE d WHERE d.ENTITY = ? AND d.ENTITY_ID = ? AND NOT EXISTS (SELECT 1 FROM AUDIT_LOG a "
                + "WHERE a.TX_ID = d.TX_ID AND a.ENTITY = d.ENTITY AND a.ENTITY_ID = d.ENTITY_ID) ORDER BY d.ID")) {
            ps.setString(1, entity);
            ps.setLong(2, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), entity, entityId,
                            Action.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 1) + "…" : s;
    }
}
