package org.guanxi.core.service;

import java.nio.file.Path;
import java.util.List;

/** Imports order lines from files (CSV, optionally gzip-compressed) with their customers and products. */
public interface OrderImportService {

    /** Column layouts this service reads. */
    enum Format {
        /**
         * The UCI Online Retail layout: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
         * CustomerID, Country.
         */
        ONLINE_RETAIL
    }

    /** A line that breaks a rule: file, line number, field and why. */
    record Problem(String file, long line, String field, String reason) {
    }

    /**
     * What an import did. When {@code problems} is not empty nothing was imported. Lines without a customer are
     * counted in {@code skippedNoCustomer}; invoices already in the database in {@code skippedExisting}.
     */
    record Report(String file, long lines, long linesImported, int orders, int returns, int customersCreated,
            int productsCreated, long skippedNoCustomer, int skippedExisting, List<Problem> problems, long millis) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    Report importOrders(Path file, Format format);
}
