package org.guanxi.core.service;

import java.util.List;
import java.util.function.Function;

import java.time.Duration;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.OutboxEvent;
import org.guanxi.core.model.OutboxMessage;

import jakarta.persistence.EntityManager;

/**
 * The transactional outbox: a service writes its change and the message that reports it with the same entity
 * manager, so both commit or neither does. The integration routes relay pending messages.
 */
public interface Outbox {

    /** Topic of an order confirmed in Guanxi, for the ERP. */
    String ORDER_CONFIRMED = "order.confirmed";
    /** Topic of a confirmed order cancelled in Guanxi. */
    String ORDER_CANCELLED = "order.cancelled";
    /** Topic of a customer created or changed in Guanxi, for the ERP's business partner. */
    String CUSTOMER_CHANGED = "customer.changed";

    /**
     * Queues a message in {@code em}'s transaction.
     *
     * A message whose idempotency key exists already fails the whole transaction at commit.
     */
    OutboxMessage append(EntityManager em, String topic, String aggregateType, long aggregateId, String idempotencyKey,
            String payload);

    /** The messages about one record, oldest first (an order's message history). */
    List<OutboxMessage> of(String aggregateType, long aggregateId);

    /** How many messages are in a state. */
    long count(OutboxMessage.Status status);

    /** What happened to a message, oldest first. */
    List<OutboxEvent> history(long messageId);

    /** A message's fate in one line: its key, state, attempts so far and the receiver's first answer (if sent). */
    record Delivery(long messageId, String topic, String idempotencyKey, OutboxMessage.Status status, int attempts,
            String answer) {
    }

    /** Every message whose topic starts with {@code topicPrefix}, oldest first: for reports and reconciliation. */
    List<Delivery> deliveries(String topicPrefix);

    // ------------------------------------------------------------------------------------- for the relay routes

    /**
     * Pending messages due now whose topic starts with {@code topicPrefix}, oldest first. Only the oldest unsent
     * message of each record is offered, so that a record's messages reach the receiver in the order they were
     * written (a cancellation never overtakes its confirmation).
     */
    List<OutboxMessage> due(String topicPrefix, int max);

    /** Marks a message sent inside {@code em}'s transaction (with the receiver's write-back) and records the answer. */
    void acknowledge(EntityManager em, long messageId, String answer);

    /**
     * The id of the record a message is about when it is of {@code aggregateType}, else null — read without the
     * message's payload, which a write-back does not need.
     */
    default Long aggregateId(EntityManager em, long messageId, String aggregateType) {
        List<Long> ids = em.createQuery("SELECT m.aggregateId FROM OutboxMessage m WHERE m.id = :id AND m.aggregateType = :type",
                Long.class).setParameter("id", messageId).setParameter("type", aggregateType).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * The receiver's write-back and the message marked sent, in one transaction of {@code db}; returns what
     * {@code writeBack} returns (the id of the record it changed, say, to announce once committed).
     */
    default <T> T acknowledge(Database db, long messageId, String answer, Function<EntityManager, T> writeBack) {
        return db.inTransaction(em -> {
            T result = writeBack.apply(em);
            acknowledge(em, messageId, answer);
            return result;
        });
    }

    /** How a relay retries: the first pause, growth up to a longest pause, and attempts before a message is parked. */
    record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

        /** The pause after the {@code attempts}-th failed attempt: doubling from the first delay up to the longest. */
        public Duration delayAfter(int attempts) {
            Duration d = firstDelay;
            for (int i = 1; i < attempts && d.compareTo(maxDelay) < 0; i++) {
                d = d.multipliedBy(2);
            }
            return d.compareTo(maxDelay) > 0 ? maxDelay : d;
        }
    }

    /**
     * Records a failed attempt. A {@code permanent} failure (the receiver refused the content) or the last attempt the
     * policy allows parks the message for a user; otherwise it is due again after the policy's pause.
     */
    OutboxMessage failed(long messageId, String error, boolean permanent, RetryPolicy policy);
}
