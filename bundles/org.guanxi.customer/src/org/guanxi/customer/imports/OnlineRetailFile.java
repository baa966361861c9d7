package org.guanxi.customer.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.service.OrderImportService.Problem;

/**
 * Reads an order-line file in the UCI Online Retail layout (plain or gzip) into invoices, checking every line.
 * Lines without a customer are counted, not kept: nobody can be credited with them.
 */
final class OnlineRetailFile {

    static final List<String> COLUMNS = List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
            "UnitPrice", "CustomerID", "Country");
    private static final Texts TEXTS = Texts.of(OnlineRetailFile.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]", Locale.ROOT);
    private static final int MAX_PROBLEMS = 100;

    record Line(String stockCode, String description, long quantity, BigDecimal unitPrice) {
    }

    record Invoice(String number, long customer, LocalDateTime date, String country, long firstLine, List<Line> lines) {
        boolean isReturn() {
            return number.startsWith("C") || number.startsWith("c");
        }
    }

    final Map<String, Invoice> invoices = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();
    long lines;
    long linesWithCustomer;
    long withoutCustomer;

    static OnlineRetailFile read(Path file) throws IOException {
        OnlineRetailFile f = new OnlineRetailFile();
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setTrim(true).get())) {
            if (!parser.getHeaderNames().containsAll(COLUMNS)) {
                f.problem(name, 1, "", TEXTS.get("header", String.join(",", COLUMNS), String.join(",", parser.getHeaderNames())));
                return f;
            }
            for (CSVRecord r : parser) {
                f.lines++;
                f.add(name, parser.getCurrentLineNumber(), r);
                if (f.problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            f.problem(name, f.lines + 1, "", TEXTS.get("csv", e.getMessage()));
        }
        return f;
    }

    private void add(String file, long line, CSVRecord r) {
        if (!r.isConsistent()) {
            problem(file, line, "", TEXTS.get("columns", COLUMNS.size(), r.size()));
            return;
        }
        String invoice = r.get("InvoiceNo");
        String customerText = r.get("CustomerID");
        int before = problems.size();
        if (invoice.isEmpty()) {
            problem(file, line, "InvoiceNo", TEXTS.get("required"));
        }
        String stock = r.get("StockCode");
        if (stock.isEmpty()) {
            problem(file, line, "StockCode", TEXTS.get("required"));
        } else if (stock.length() > 40) {
            problem(file, line, "StockCode", TEXTS.get("tooLong", 40));
        }
        long quantity = 0;
        try {
            quantity = Long.parseLong(r.get("Quantity"));
        } catch (NumberFormatException e) {
            problem(file, line, "Quantity", TEXTS.get("integer", r.get("Quantity")));
        }
        BigDecimal price = null;
        try {
            price = new BigDecimal(r.get("UnitPrice"));
        } catch (NumberFormatException e) {
            problem(file, line, "UnitPrice", TEXTS.get("number", r.get("UnitPrice")));
        }
        LocalDateTime date = null;
        try {
            date = LocalDateTime.parse(r.get("InvoiceDate"), DATE);
        } catch (DateTimeParseException e) {
            problem(file, line, "InvoiceDate", TEXTS.get("date", r.get("InvoiceDate")));
        }
        long customer = -1;
        if (!customerText.isEmpty()) {
            try {
                // written like 17850.0 in this file
                customer = new BigDecimal(customerText).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problem(file, line, "CustomerID", TEXTS.get("integer", customerText));
            }
        }
        if (problems.size() > before) {
            return;
        }
        if (customer < 0) {
            withoutCustomer++;
            return;
        }
        linesWithCustomer++;
        Invoice inv = invoices.get(invoice);
        if (inv == null) {
            inv = new Invoice(invoice, customer, date, r.get("Country"), line, new ArrayList<>());
            invoices.put(invoice, inv);
        } else if (inv.customer() != customer) {
            problem(file, line, "CustomerID", TEXTS.get("otherCustomer", invoice, inv.customer(), inv.firstLine()));
            return;
        }
        String description = r.get("Description");
        inv.lines().add(new Line(stock.toUpperCase(Locale.ROOT), description.isEmpty() ? stock : description, quantity, price));
    }

    private void problem(String file, long line, String field, String reason) {
        problems.add(new Problem(file, line, field, reason));
    }
}
