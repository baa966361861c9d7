package org.guanxi.core.service;

import java.util.List;

import org.guanxi.core.model.OutboxMessage;

/**
 * Parked outbox messages (the dead-letter store): what the receiver refused or what could not be delivered after all
 * attempts. A user with the integration permission reads the full error, corrects the content if needed and sends
 * it again, or decides it is not to be sent; both are audited and go into the message's history.
 */
public interface DeadLetterService {

    /** Parked messages, newest first. */
    List<OutboxMessage> parked(int limit);

    /**
     * Sends a parked message again, at once, with {@code payload} as its new content when it differs (it must be
     * well-formed XML). The message keeps its idempotency key, so a receiver that got it before recognises it.
     */
    OutboxMessage replay(long messageId, String payload);

    /** Marks a parked message as not to be sent, with the reason. */
    OutboxMessage discard(long messageId, String reason);
}
