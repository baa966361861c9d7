package org.guanxi.core.model;

/** What a role may do. Every service write checks one of these before it touches the database. */
public enum Permission {
    CUSTOMER_READ, CUSTOMER_WRITE, CUSTOMER_DELETE,
    SALES_WRITE,
    /** segments and campaigns: define them, send, record what comes back */
    MARKETING_WRITE,
    INVENTORY_WRITE,
    INTEGRATION_ADMIN,
    USER_ADMIN,
    /** work on service cases and complaints */
    SERVICE_WRITE,
    /** the service module's settings: working calendar, service levels, queues */
    SERVICE_ADMIN,
    /** write lists, reports and analyses to files: personal data leaving the product, each time recorded */
    DATA_EXPORT,
    /** serve a person's rights under the PIPL: export everything held about them, erase them */
    PRIVACY_ADMIN,
    /** see phones, e-mail addresses, ID and tax numbers and street addresses in full; others see them masked */
    PERSONAL_DATA,
    /** show one masked value in full, each time recorded (who, whose, which field, when) */
    PERSONAL_DATA_REVEAL
}
