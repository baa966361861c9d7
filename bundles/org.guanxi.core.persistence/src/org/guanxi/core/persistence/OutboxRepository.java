package org.guanxi.core.persistence;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.OutboxEvent;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.OutboxMessage.Status;
import org.guanxi.core.service.Outbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/** The OUTBOX table. Appending persists through the caller's entity manager, inside the caller's transaction. */
@Component(service = Outbox.class)
public class OutboxRepository implements Outbox {

    private final Database db;

    @Activate
    public OutboxRepository(@Reference Database db) {
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

    /**
     * SQL rather than JPQL for the optimizer hint: walking IX_OUTBOX_STATUS_ID in id order lets Derby stop after
     * {@code max} messages instead of testing every pending message's predecessors and sorting them all. The hint is a
     * comment to other databases.
     */
    private static final String DUE = "SELECT m.* FROM OUTBOX m --DERBY-PROPERTIES index=IX_OUTBOX_STATUS_ID\n"
            + "WHERE m.STATUS = 'PENDING' AND m.NEXT_ATTEMPT_AT <= ? AND m.TOPIC LIKE ? "
            + "AND NOT EXISTS (SELECT 1 FROM OUTBOX o --DERBY-PROPERTIES index=IX_OUTBOX_AGGREGATE\n"
            + "WHERE o.AGGREGATE_TYPE = m.AGGREGATE_TYPE AND o.AGGREGATE_ID = m.AGGREGATE_ID AND o.ID < m.ID "
            + "AND o.STATUS IN ('PENDING', 'PARKED')) ORDER BY m.ID";

    /** Whether any message of a topic range is pending: an index-only probe of IX_OUTBOX_STATUS_TOPIC. */
    private static final String ANY_PENDING = "SELECT 1 FROM OUTBOX --DERBY-PROPERTIES index=IX_OUTBOX_STATUS_TOPIC\n"
            + "WHERE STATUS = 'PENDING' AND TOPIC >= ? AND TOPIC < ?";

    @Override
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> due(String topicPrefix, int max) {
        String prefix = topicPrefix.replace("%", "");
        // the first string after every topic that starts with the prefix: "order." → "order/"
        String after = prefix.isEmpty() ? "\uffff"
                : prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        return db.read(em -> {
            if (em.createNativeQuery(ANY_PENDING).setParameter(1, prefix).setParameter(2, after).setMaxResults(1)
                    .getResultList().isEmpty()) {
                return List.of();
            }
            return (List<OutboxMessage>) em.createNativeQuery(DUE, OutboxMessage.class)
                    .setParameter(1, java.sql.Timestamp.from(AppClock.now())).setParameter(2, prefix + "%")
                    .setMaxResults(max).getResultList();
        });
    }

    @Override
    public void acknowledge(EntityManager em, long messageId, String answer) {
        // plain JDBC on the transaction's connection: loading the message would read its payload again for nothing,
        // and EclipseLink's bulk and native updates cost more than the update itself
        int changed = Database.jdbc(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE OUTBOX SET STATUS = 'SENT', SENT_AT = ?, ATTEMPTS = ATTEMPTS + 1 "
                    + "WHERE ID = ? AND STATUS <> 'SENT'")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(AppClock.now()));
                ps.setLong(2, messageId);
                return ps.executeUpdate();
            }
        });
        if (changed == 0) {
            if (em.find(OutboxMessage.class, messageId) == null) {
                throw new IllegalArgumentException("No outbox message " + messageId);
            }
            return; // a second answer to the same message (a redelivery the receiver recognised) changes nothing
        }
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
                Instant next = AppClock.now().plus(policy.delayAfter(attempts));
                m.setNextAttemptAt(next);
                em.persist(new OutboxEvent(messageId, OutboxEvent.Kind.RETRY, null, error));
            }
            return m;
        });
    }
}
