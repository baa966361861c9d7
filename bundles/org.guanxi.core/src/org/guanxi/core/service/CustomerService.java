package org.guanxi.core.service;

import java.util.List;

import org.guanxi.core.model.Customer;

/**
 * Customer master data. Search text is matched as a prefix of the name, phone, member card or customer code;
 * results are ordered by name and paged in the query, so lists stay fast at any size.
 */
public interface CustomerService {

    /**
     * How many customers match. A search counts at most {@code atMost + 1} matches, so that a short prefix over a
     * million customers answers as fast as a long one; a result above {@code atMost} means "more than atMost".
     * Without search text all customers are counted.
     */
    int count(String searchText, int atMost);

    /** The exact number of matches (a short prefix may count many index entries). */
    default int count(String searchText) {
        return count(searchText, Integer.MAX_VALUE - 1);
    }

    List<CustomerRow> find(String searchText, int offset, int limit);

    /** A detached customer with contacts and addresses. */
    Customer get(long id);

    /**
     * Validates and writes a new or changed customer (with its contacts and addresses), audits every changed field
     * and returns the stored state.
     *
     * @throws ValidationException when a rule is broken (nothing written)
     * @throws ConflictException when the customer was changed by someone else since it was read
     */
    Customer save(Customer customer);

    /**
     * Validates and creates a new customer inside a transaction the caller runs, for steps that must commit together
     * (a lead's conversion). Audited like {@link #save}; the caller publishes the change after its commit.
     */
    Customer createIn(jakarta.persistence.EntityManager em, Customer customer);

    /**
     * The person's consent ledger, newest first: every consent given or withdrawn (channel, purpose, when, source, who
     * recorded it). A save that changes a consent or the personalisation refusal adds to it in its transaction.
     */
    List<org.guanxi.core.model.ConsentEvent> consentHistory(long customerId);

    /** Deletes the customer as read at {@code version}. */
    void delete(long id, long version);

    /** The next free customer code, e.g. {@code C000123}. */
    String nextCode();
}
