package org.guanxi.core.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Imports order lines from files (CSV, optionally gzip-compressed, or Excel .xlsx) with their customers and products.
 * The columns are mapped to fields, proposed from the header (Chinese or English); a line's customer is either the
 * code of a Guanxi customer (C0001234) or the customer's number in the source system, for which a customer
 * {@code OR<number>} is created on first sight. All lines or none are imported.
 */
public interface OrderImportService {

    /** Column layouts this service reads. */
    enum Format {
        /**
         * The UCI Online Retail layout: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
         * CustomerID, Country.
         */
        ONLINE_RETAIL
    }

    /** What a column can hold; ORDER_NO, PRODUCT_CODE, QUANTITY, ORDER_DATE and UNIT_PRICE must be mapped. */
    enum Field {
        ORDER_NO, PRODUCT_CODE, DESCRIPTION, QUANTITY, ORDER_DATE, UNIT_PRICE, CUSTOMER, COUNTRY
    }

    /** The header, the proposed mapping (column index to field) and the first rows of a file. */
    record Preview(String file, List<String> headers, Map<Integer, Field> mapping, List<List<String>> rows) {
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

    /** The Online Retail layout, its columns found by their header names. */
    Report importOrders(Path file, Format format);

    Preview preview(Path file, int rows);

    Report importOrders(Path file, Map<Integer, Field> mapping);
}
