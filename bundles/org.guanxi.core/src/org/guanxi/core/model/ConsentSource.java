package org.guanxi.core.model;

/**
 * Where a consent or its withdrawal came from: staff in the customer editor, a customer import, the person's own
 * unsubscribe (link or reply), a merge of two records of the same person (the stricter answer stands), the demo data,
 * or the state before the ledger existed.
 */
public enum ConsentSource {
    EDITOR, IMPORT, UNSUBSCRIBE, MERGE, DEMO, BEFORE_LEDGER
}
