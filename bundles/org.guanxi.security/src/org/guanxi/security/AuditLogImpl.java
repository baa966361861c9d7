package org.guanxi.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.AuditEntry.Action;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/** Field-level audit rows, written through the caller's entity manager so they share its transaction. */
@Component(service = AuditLog.class)
public class AuditLogImpl implements AuditLog {

    private static final int MAX_VALUE = 2000;

    @Reference
    private Database db;

    @Reference
    private SecurityService security;

    public AuditLogImpl() {
    }

    public AuditLogImpl(Database db, SecurityService security) {
        this.db = db;
        this.security = security;
    }

    @Override
    public void record(EntityManager em, String entity, long entityId, Map<String, ?> before, Map<String, ?> after) {
        Action action = before.isEmpty() ? Action.CREATE : after.isEmpty() ? Action.DELETE : Action.UPDATE;
        Instant now = AppClock.now();
        String user = security.currentUser();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        boolean any = false;
        for (String field : fields) {
            String oldValue = text(before.get(field));
            String newValue = text(after.get(field));
            if (!Objects.equals(oldValue, newValue)) {
                em.persist(new AuditEntry(now, user, entity, entityId, action, field, oldValue, newValue));
                any = true;
            }
        }
        if (!any && action != Action.UPDATE) {
            em.persist(new AuditEntry(now, user, entity, entityId, action, null, null, null));
        }
    }

    @Override
    public List<AuditEntry> history(String entity, long entityId) {
        return db.read(em -> em.createQuery(
                "SELECT a FROM AuditEntry a WHERE a.entity = :e AND a.entityId = :id ORDER BY a.at, a.id", AuditEntry.class)
                .setParameter("e", entity).setParameter("id", entityId).getResultList());
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 1) + "…" : s;
    }
}
