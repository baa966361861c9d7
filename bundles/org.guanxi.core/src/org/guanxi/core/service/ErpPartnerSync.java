package org.guanxi.core.service;

/**
 * Customer master data between Guanxi and the ERP's business partners, used by the integration routes. Customers
 * created or changed in Guanxi reach the ERP through the outbox (topic {@link Outbox#CUSTOMER_CHANGED}); partners
 * changed in the ERP come back through {@link #apply}. Each side's change carries the ERP's partner version, so a
 * change made on both sides at once is seen and reported, never silently lost. Every method can be repeated with the
 * same facts without changing anything.
 */
public interface ErpPartnerSync {

    /**
     * The ERP's partner version the CRM last saw for the customer of an outbox message (null: not yet in the ERP):
     * read when the message is sent, so that a change queued before the previous one was acknowledged still says
     * which version it changes.
     */
    Long knownVersion(long messageId);

    /** The ERP accepted a customer message: its partner number and new version are written back, the message marked sent. */
    void accepted(long messageId, String partnerNo, Long version, String answer);

    /** A business partner as the ERP reports it after a change there. */
    record PartnerUpdate(String code, String partnerNo, long version, String name, String taxId, String phone,
            String email) {
    }

    enum Outcome {
        /** the customer now has the ERP's values */
        APPLIED,
        /** a partner the CRM did not know became a new customer */
        CREATED,
        /** the CRM has this version already (its own change coming back, or a repeated update) */
        ALREADY_KNOWN,
        /**
         * the customer has a change of its own not yet accepted by the ERP: the CRM's values stay, the ERP's are
         * recorded in the customer's history, and the CRM's change is sent as an update of the ERP's version
         */
        CONFLICT
    }

    Outcome apply(PartnerUpdate update);

    /**
     * Initial load: queues a message for every customer the ERP does not have yet (no partner number) and none is
     * waiting for — customers that bulk imports and demo data wrote without one (queuing a message per imported row
     * would halve an import's speed). Repeating it queues nothing twice. Needs {@code INTEGRATION_ADMIN}; returns how
     * many were queued.
     */
    int queueMissing();
}
