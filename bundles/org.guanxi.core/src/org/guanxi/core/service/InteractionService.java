package org.guanxi.core.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Interaction;

/** The interaction timeline: every contact with a customer on every channel. */
public interface InteractionService {

    /** Records a contact that happens now, by the signed-in user. */
    Interaction log(long customerId, Channel channel, String subject, String notes);

    /**
     * Records a contact another module's work brings with it (a call ended, a greeting sent) by the signed-in user,
     * on {@code c} in that work's transaction, so both are stored or neither; subject and notes are cut to the
     * columns' sizes (200 and 4,000 characters).
     */
    void record(Connection c, long customerId, Channel channel, Instant at, String subject, String notes) throws SQLException;

    /** The newest {@code limit} interactions of a customer, newest first. */
    List<Interaction> timeline(long customerId, int limit);
}
