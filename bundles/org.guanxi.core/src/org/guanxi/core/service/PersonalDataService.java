package org.guanxi.core.service;

/**
 * Personal values for people who see them masked (without {@code PERSONAL_DATA}): showing one in full needs
 * {@code PERSONAL_DATA_REVEAL} (or {@code PERSONAL_DATA}) and is recorded in the audit trail as entity
 * {@value #ENTITY}: who, whose (the customer's id), which field, when.
 */
public interface PersonalDataService {

    String ENTITY = "Reveal";

    /** The customer's values that are masked. */
    enum Field {
        PHONE, EMAIL, ID_NUMBER, TAX_ID
    }

    /** Whether the person signed in sees personal values in full. */
    boolean showsInFull();

    /** Whether the person signed in may show a masked value. */
    boolean mayReveal();

    /** The customer's value in full, or null when there is none; recorded. */
    String reveal(long customerId, Field field);
}
