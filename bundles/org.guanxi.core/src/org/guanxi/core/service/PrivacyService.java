package org.guanxi.core.service;

import java.nio.file.Path;

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
}
