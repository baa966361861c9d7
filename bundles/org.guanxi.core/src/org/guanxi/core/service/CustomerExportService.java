package org.guanxi.core.service;

import java.nio.file.Path;

/** Writes customer lists to files for spreadsheets and other systems. */
public interface CustomerExportService {

    /**
     * Writes every customer the search finds (the same search as the customer list) as CSV, UTF-8 with a byte-order
     * mark so that spreadsheet programs show Chinese correctly; returns the number of customers written.
     */
    int exportCsv(String searchText, Path file);
}
