package org.guanxi.integration;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javax.xml.parsers.DocumentBuilderFactory;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.OutboxEvent;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.OutboxMessage.Status;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.DeadLetterService;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.xml.sax.InputSource;

import jakarta.persistence.EntityManager;

/** The dead-letter store on the OUTBOX table: parked messages, replayed or discarded by a user, audited. */
@Component(service = DeadLetterService.class)
public class DeadLetters implements DeadLetterService {

    static final String ENTITY = "OutboxMessage";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public DeadLetters(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public List<OutboxMessage> parked(int limit) {
        security.check(Permission.INTEGRATION_ADMIN);
        return db.read(em -> em.createQuery("SELECT m FROM OutboxMessage m WHERE m.status = :s ORDER BY m.id DESC", OutboxMessage.class)
                .setParameter("s", Status.PARKED).setMaxResults(Math.max(1, limit)).getResultList());
    }

    @Override
    public OutboxMessage replay(long messageId, String payload) {
        security.check(Permission.INTEGRATION_ADMIN);
        if (payload != null) {
            checkXml(payload);
        }
        return change(messageId, (em, msg) -> {
            boolean edited = payload != null && !payload.equals(msg.getPayload());
            if (edited) {
                msg.setPayload(payload);
            }
            msg.setStatus(Status.PENDING);
            msg.setNextAttemptAt(AppClock.now());
            em.persist(new OutboxEvent(msg.getId(), OutboxEvent.Kind.REPLAYED, security.currentUser(), edited ? "content corrected" : null));
        });
    }

    @Override
    public OutboxMessage discard(long messageId, String reason) {
        security.check(Permission.INTEGRATION_ADMIN);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "reason", reason, 400);
        Checks.throwIfAny(errors);
        return change(messageId, (em, msg) -> {
            msg.setStatus(Status.DISCARDED);
            em.persist(new OutboxEvent(msg.getId(), OutboxEvent.Kind.DISCARDED, security.currentUser(), reason.strip()));
        });
    }

    private OutboxMessage change(long messageId, BiConsumer<EntityManager, OutboxMessage> change) {
        OutboxMessage changed = db.inTransaction(em -> {
            OutboxMessage m = em.find(OutboxMessage.class, messageId);
            if (m == null) {
                throw new NotFoundException(ENTITY, messageId);
            }
            if (m.getStatus() != Status.PARKED) {
                throw new GuanxiException("error.notParked", m.getIdempotencyKey());
            }
            Map<String, Object> before = snapshot(m);
            change.accept(em, m);
            audit.record(em, ENTITY, m.getId(), before, snapshot(m));
            return m;
        });
        Events.post(events, Topics.INTEGRATION_CHANGED, messageId);
        return changed;
    }

    private static Map<String, Object> snapshot(OutboxMessage m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", m.getStatus());
        s.put("payload", m.getPayload());
        return s;
    }

    private static void checkXml(String payload) {
        try {
            DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new InputSource(new StringReader(payload)));
        } catch (Exception e) {
            throw new ValidationException(List.of(new FieldError("payload", "error.xml", String.valueOf(e.getMessage()))));
        }
    }
}
