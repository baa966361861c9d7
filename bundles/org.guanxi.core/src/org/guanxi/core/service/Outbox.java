package org.guanxi.core.service;

import java.util.List;

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
}
