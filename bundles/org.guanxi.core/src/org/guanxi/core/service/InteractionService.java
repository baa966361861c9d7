package org.guanxi.core.service;

import java.util.List;

import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Interaction;

/** The interaction timeline: every contact with a customer on every channel. */
public interface InteractionService {

    /** Records a contact that happens now, by the signed-in user. */
    Interaction log(long customerId, Channel channel, String subject, String notes);

    /** The newest {@code limit} interactions of a customer, newest first. */
    List<Interaction> timeline(long customerId, int limit);
}
