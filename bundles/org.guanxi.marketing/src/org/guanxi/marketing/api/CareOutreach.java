package org.guanxi.marketing.api;

import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.Masking;
import org.guanxi.core.model.CareOccasion;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.SkipReason;

/**
 * Care execution (关怀执行): the care plans' tasks in the agents' work list, each with its message ready in the
 * customer's language — an e-mail sent through the EDM channel (the campaigns' mail server, consent and suppression
 * list) or an SMS text queued for the SMS gateway — and the task done once the greeting is out.
 */
public interface CareOutreach {

    /** Topic of an SMS for the gateway, relayed from the outbox by the sms-outbox route. */
    String SMS_TOPIC = "sms.send";

    /** A care task with its prepared messages; {@code emailBlocked}/{@code smsBlocked} say why a channel is closed. */
    record Outreach(long taskId, long customerId, String customerName, CareOccasion occasion, LocalDate due,
            String assignee, String language, String email, String phone, String emailSubject, String emailBody,
            String sms, SkipReason emailBlocked, SkipReason smsBlocked) {

        /** As shown to someone without {@code PERSONAL_DATA}: the address and the number masked. */
        public Outreach masked() {
            return new Outreach(taskId, customerId, customerName, occasion, due, assignee, language,
                    Masking.mask(Masking.Kind.EMAIL, email), Masking.mask(Masking.Kind.PHONE, phone), emailSubject,
                    emailBody, sms, emailBlocked, smsBlocked);
        }
    }

    /** Open care tasks due on or before {@code until}, earliest first; {@code assignee} null for everyone's. */
    List<Outreach> due(LocalDate until, String assignee, int limit);

    /** One open care task with its messages. */
    Outreach prepare(long taskId);

    /**
     * Sends the greeting on {@code channel} (EMAIL or SMS) with the text as the agent left it ({@code subject} for
     * e-mail only), completes the task and notes the contact in the customer's timeline. Needs {@code CUSTOMER_WRITE}.
     */
    void send(long taskId, Channel channel, String subject, String text);
}
