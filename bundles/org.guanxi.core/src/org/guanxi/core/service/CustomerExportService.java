package org.guanxi.core.service;

import java.nio.file.Path;

/**
 * Writes customer lists to files for spreadsheets and other systems: as Excel when the file name ends in
 * {@code .xlsx}, otherwise as CSV in UTF-8 with a byte-order mark so that spreadsheet programs show Chinese correctly.
 * Each export needs {@code DATA_EXPORT} and is recorded ({@link ExportLog}).
 */
public interface CustomerExportService {

    /**
     * Writes every customer the search finds (the same search as the customer list). Returns the number of customers
     * written.
     */
    int export(String searchText, Path file);

    /**
     * Writes the latest value analysis of every customer (tier, stage, status, type, RFM, CLV, quadrant, reasons).
     * Returns the number of customers written.
     */
    int exportValues(Path file);
}
