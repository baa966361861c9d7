package org.guanxi.core.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's rights under the Personal Information Protection Law (PIPL Art. 44–47), served by an administrator or a
 * privacy officer ({@code PRIVACY_ADMIN}).
 */
public interface PrivacyService {

    /** What an export wrote: the two files, and how many tables and rows they hold. */
    record Export(Path json, Path workbook, int tables, int rows) {
    }

    /**
     * Everything held about the customer with this code (Art. 45): the customer's row, every row of every table that
     * refers to it — found through the database's foreign keys, so the tables of every module, also later ones — and
     * the rows that refer to those (order lines, answers, notes), and the audit trail's entries about them; as one
     * JSON file for machines and one Excel workbook for people (a sheet per table), in {@code folder}. Needs
     * {@code PRIVACY_ADMIN} and {@code DATA_EXPORT}, and is recorded as an export.
     */
    Export export(String customerCode, Path folder);

    /**
     * What an erasure changed: how many persons, rows anonymised or removed, in how many tables, and files in the
     * data folder.
     */
    record Erasure(int persons, int tables, int rows, int files) {
    }

    /**
     * Anonymises the customer with this code everywhere (Art. 47): the personal fields of every row about the person
     * (names, phones, e-mail addresses, ID and tax numbers, addresses, birthdays, what they said and what was noted
     * about them), every other occurrence of the person's phones, addresses, numbers (and of the name, unless another
     * person shares it) in any table, the audit trails included, and in the data folder's files. Business facts stay
     * (the customer's code, orders, amounts, dates, products, cities), so every total is unchanged. Needs
     * {@code PRIVACY_ADMIN} and a reason, which is recorded with who and when; cannot be undone.
     */
    Erasure erase(String customerCode, String reason);

    /** A customer whose retention period has run out: nothing happened with them since {@code lastActivity}. */
    record Due(String code, String name, LocalDate lastActivity) {
    }

    /**
     * The customers whose details have been kept {@code months} after their last activity (the record created or
     * changed, an order placed or delivered, an invoice, a contract's end, an interaction, a case, a call, a survey
     * answer, a points booking) and who have no business still open (an order not yet delivered, an unpaid invoice, a
     * contract in force, a case not resolved): PIPL Art. 19 keeps personal data no longer than needed. Customers
     * already erased are not listed. Needs {@code PRIVACY_ADMIN}; changes nothing.
     */
    List<Due> due(int months);

    /**
     * Erases every customer {@link #due} lists (Art. 47), each in its own transaction with the retention period as
     * its recorded reason, the data folder searched once for all of them. Needs {@code PRIVACY_ADMIN}.
     */
    Erasure applyRetention(int months);

    /**
     * Records kept under rules of their own (Art. 19): leads that never became customers, untouched for the period
     * (their person's name, phone, e-mail address and notes), and calls older than the period (the caller's number and
     * the call's note). The records themselves stay for the statistics.
     */
    enum Kind {
        LEADS, CALLS
    }

    /** How many records of the kind are past {@code months} and still hold personal details. Needs {@code PRIVACY_ADMIN}. */
    int expired(Kind kind, int months);

    /**
     * Anonymises the records {@link #expired} counts, and the audit trail's values of their anonymised fields, in one
     * transaction recorded with the rule; returns how many. Needs {@code PRIVACY_ADMIN}.
     */
    int expire(Kind kind, int months);

    /**
     * The periods the product applies by itself once a day (on a single desktop, and in the team server): for customers
     * without activity, leads never converted, calls; a null period is not applied.
     */
    record RetentionRules(Integer customerMonths, Integer leadMonths, Integer callMonths) {

        public boolean none() {
            return customerMonths == null && leadMonths == null && callMonths == null;
        }
    }

    RetentionRules retentionRules();

    /** Sets the daily rules (each period at least a month, or null); needs {@code PRIVACY_ADMIN}; audited. */
    void saveRetentionRules(RetentionRules rules);
}
