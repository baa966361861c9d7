package org.guanxi.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.model.Contract;
import org.guanxi.core.model.ContractStatus;

/** Sales contracts: terms, period, renewal reminders and renewal into a successor contract. */
public interface ContractService {

    /** A contract as the list shows it, with its customer's name and the day its renewal is due. */
    record ContractRow(long id, long version, String contractNo, String title, String customer, ContractStatus status,
            LocalDate startDate, LocalDate endDate, LocalDate renewalDate, BigDecimal amount, String currency,
            boolean autoRenew, String owner) {
    }

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

    /**
     * Contracts whose number, title or customer (name or pinyin) starts with the text, in one status (null: all),
     * newest first; with {@code renewalsDueOn}, only active ones whose renewal is due by that day, earliest end first.
     */
    List<ContractRow> find(String text, ContractStatus status, LocalDate renewalsDueOn, int limit);
}
