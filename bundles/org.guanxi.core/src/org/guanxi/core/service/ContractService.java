package org.guanxi.core.service;

import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.model.Contract;

/** Sales contracts: terms, period, renewal reminders and renewal into a successor contract. */
public interface ContractService {

    /** Validates and writes; a new one gets the next number and the current user as owner. */
    Contract save(Contract contract);

    Contract get(long id);

    /** A draft contract for an order: its customer, amount, and a one-year term from today. */
    Contract draftFor(long orderId);

    /** Marks a draft as signed on {@code signedOn} and in force. */
    Contract activate(long id, long version, LocalDate signedOn);

    /** Ends an active contract early. */
    Contract terminate(long id, long version, String reason);

    /**
     * Renews an active contract: a successor for the same period length starting the day after the end, as a draft;
     * the old one becomes RENEWED.
     */
    Contract renew(long id, long version);

    /** Active contracts whose renewal date (end minus notice) is on or before {@code day}, earliest end first. */
    List<Contract> renewalsDue(LocalDate day);

    /** Active contracts past their end become EXPIRED (auto-renewing ones are renewed and activated instead). */
    int expire(LocalDate day);

    List<Contract> ofCustomer(long customerId);

    /** All contracts, newest first. */
    List<Contract> list(int limit);
}
