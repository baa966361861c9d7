package org.guanxi.core.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.OutboxEvent;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.OutboxMessage.Status;
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

    @Override
    public List<OutboxEvent> history(long messageId) {
        return db.read(em -> em.createQuery("SELECT e FROM OutboxEvent e WHERE e.messageId = :id ORDER BY e.id", OutboxEvent.class)
                .setParameter("id", messageId).getResultList());
    }

    @Override
    public List<Delivery> deliveries(String topicPrefix) {
        return db.read(em -> {
            Map<Long, String> answers = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT e.messageId, e.detail FROM OutboxEvent e WHERE e.kind = :ack ORDER BY e.id DESC",
                    Object[].class).setParameter("ack", OutboxEvent.Kind.ACKNOWLEDGED).getResultList()) {
                answers.put((Long) row[0], (String) row[1]);
            }
            return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.topic LIKE :topic ORDER BY m.id", OutboxMessage.class)
                    .setParameter("topic", topicPrefix.replace("%", "") + "%").getResultStream()
                    .map(m -> new Delivery(m.getId(), m.getTopic(), m.getIdempotencyKey(), m.getStatus(), m.getAttempts(),
                            answers.get(m.getId())))
                    .toList();
        });
    }

    @Override
    public List<OutboxMessage> due(String topicPrefix, int max) {
        return db.read(em -> em.createQuery("SELECT m FROM OutboxMessage m WHERE m.status = :pending AND m.nextAttemptAt <= :now "
                + "AND m.topic LIKE :topic AND NOT EXISTS (SELECT o FROM OutboxMessage o WHERE o.aggregateType = m.aggregateType "
                + "AND o.aggregateId = m.aggregateId AND o.id < m.id AND o.status IN :open) ORDER BY m.id", OutboxMessage.class)
                .setParameter("pending", Status.PENDING).setParameter("now", Instant.now())
                .setParameter("topic", topicPrefix.replace("%", "") + "%").setParameter("open", List.of(Status.PENDING, Status.PARKED))
                .setMaxResults(max).getResultList());
    }

    @Override
    public void acknowledge(EntityManager em, long messageId, String answer) {
        OutboxMessage m = em.find(OutboxMessage.class, messageId);
        if (m.getStatus() == Status.SENT) {
            return; // a second answer to the same message (a redelivery the receiver recognised) changes nothing
        }
        m.setStatus(Status.SENT);
        m.setSentAt(Instant.now());
        m.setAttempts(m.getAttempts() + 1);
        em.persist(new OutboxEvent(messageId, OutboxEvent.Kind.ACKNOWLEDGED, null, answer));
    }

    @Override
    public OutboxMessage failed(long messageId, String error, boolean permanent, RetryPolicy policy) {
        return db.inTransaction(em -> {
            OutboxMessage m = em.find(OutboxMessage.class, messageId);
            if (m.getStatus() != Status.PENDING) {
                return m;
            }
            int attempts = m.getAttempts() + 1;
            m.setAttempts(attempts);
            m.setLastError(error == null || error.length() <= 2000 ? error : error.substring(0, 1999) + "…");
            if (permanent || attempts >= policy.maxAttempts()) {
                m.setStatus(Status.PARKED);
                em.persist(new OutboxEvent(messageId, OutboxEvent.Kind.PARKED, null, error));
            } else {
                Instant next = Instant.now().plus(policy.delayAfter(attempts));
                m.setNextAttemptAt(next);
                em.persist(new OutboxEvent(messageId, OutboxEvent.Kind.RETRY, null, error));
            }
            return m;
        });
    }
}
