package org.guanxi.core.service;

import java.util.List;

import org.guanxi.core.model.Customer;

/**
 * Customer master data. Search text is matched as a prefix of the name, phone, member card or customer code;
 * results are ordered by name and paged in the query, so lists stay fast at any size.
 */
public interface CustomerService {

    int count(String searchText);

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

    /** Deletes the customer as read at {@code version}. */
    void delete(long id, long version);

    /** The next free customer code, e.g. {@code C000123}. */
    String nextCode();
}
