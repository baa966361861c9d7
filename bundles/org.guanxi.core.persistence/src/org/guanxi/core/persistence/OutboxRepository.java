package org.guanxi.core.persistence;

import java.util.List;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.service.Outbox;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/** The OUTBOX table. Appending persists through the caller's entity manager, inside the caller's transaction. */
@Component(service = Outbox.class)
public class OutboxRepository implements Outbox {

    @Reference
    private Database db;

    public OutboxRepository() {
    }

    public OutboxRepository(Database db) {
        this.db = db;
    }

    @Override
    public OutboxMessage append(EntityManager em, String topic, String aggregateType, long aggregateId,
            String idempotencyKey, String payload) {
        if (!em.getTransaction().isActive()) {
            // a message outside a transaction could commit without its change, which is what the outbox prevents
            throw new IllegalStateException("Outbox messages are written inside the transaction of their change");
        }
        OutboxMessage m = new OutboxMessage(topic, aggregateType, aggregateId, idempotencyKey, payload);
        em.persist(m);
        return m;
    }

    @Override
    public List<OutboxMessage> of(String aggregateType, long aggregateId) {
        return db.read(em -> em.createQuery("SELECT m FROM OutboxMessage m WHERE m.aggregateType = :t AND m.aggregateId = :id "
                + "ORDER BY m.id", OutboxMessage.class).setParameter("t", aggregateType).setParameter("id", aggregateId)
                .getResultList());
    }

    @Override
    public long count(OutboxMessage.Status status) {
        return db.read(em -> em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.status = :s", Long.class)
                .setParameter("s", status).getSingleResult());
    }
}
