package org.guanxi.customer.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.service.OrderImportService.Field;
import org.guanxi.core.service.OrderImportService.Problem;
import org.guanxi.tables.Synonyms;
import org.guanxi.tables.TableFileException;
import org.guanxi.tables.TableReader;

/**
 * Reads an order-line file (CSV, gzip-compressed CSV or Excel) into invoices with a column mapping, checking every
 * line. Lines without a customer are counted, not kept: nobody can be credited with them. A customer is either a
 * Guanxi customer code (C0001234) or the customer's number in the source system (17850, also written 17850.0).
 */
final class OrderLineFile {

    /** The UCI Online Retail header names. */
    static final Map<String, Field> ONLINE_RETAIL = Map.of("InvoiceNo", Field.ORDER_NO, "StockCode", Field.PRODUCT_CODE,
            "Description", Field.DESCRIPTION, "Quantity", Field.QUANTITY, "InvoiceDate", Field.ORDER_DATE, "UnitPrice",
            Field.UNIT_PRICE, "CustomerID", Field.CUSTOMER, "Country", Field.COUNTRY);
    static final List<Field> REQUIRED = List.of(Field.ORDER_NO, Field.PRODUCT_CODE, Field.QUANTITY, Field.ORDER_DATE,
            Field.UNIT_PRICE);
    /** Header names in Chinese or English that propose a field. */
    private static final Synonyms<Field> NAMES = new Synonyms<Field>()
            .add(Field.ORDER_NO, "invoiceno", "orderno", "order", "invoice", "订单号", "单号", "发票号", "订单编号")
            .add(Field.PRODUCT_CODE, "stockcode", "sku", "productcode", "itemcode", "商品编码", "产品编码", "货号", "物料编码")
            .add(Field.DESCRIPTION, "description", "product", "item", "商品名称", "产品名称", "品名", "描述")
            .add(Field.QUANTITY, "quantity", "qty", "数量")
            .add(Field.ORDER_DATE, "invoicedate", "orderdate", "date", "日期", "订单日期", "下单日期", "开票日期")
            .add(Field.UNIT_PRICE, "unitprice", "price", "单价", "价格")
            .add(Field.CUSTOMER, "customerid", "customer", "customercode", "customerno", "客户", "客户编号", "客户代码")
            .add(Field.COUNTRY, "country", "city", "国家", "城市", "地区");

    private static final Texts TEXTS = Texts.of(OrderLineFile.class);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu[-][/]M[-][/]d[ H:mm[:ss]]", Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final int MAX_PROBLEMS = 100;
    /** ORDER_LINE.QUANTITY is DECIMAL(15,3), UNIT_PRICE DECIMAL(15,4), SALES_ORDER.TOTAL DECIMAL(15,2). */
    private static final long MAX_QUANTITY = 1_000_000_000_000L;
    private static final BigDecimal MAX_PRICE = new BigDecimal("100000000000");
    private static final BigDecimal MAX_TOTAL = new BigDecimal("10000000000000");

    record Line(String stockCode, String description, long quantity, BigDecimal unitPrice) {
    }

    /** {@code customer}: a Guanxi customer code, or the source's number with the import prefix. */
    record Invoice(String number, String customer, LocalDateTime date, String country, long firstLine, List<Line> lines) {
        boolean isReturn() {
            return isReturn(number);
        }

        /** A cancellation's invoice number starts with C. */
        static boolean isReturn(String number) {
            return number.startsWith("C") || number.startsWith("c");
        }
    }

    final Map<String, Invoice> invoices = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();
    long lines;
    long linesWithCustomer;
    long withoutCustomer;
    private final Map<Field, Integer> columns = new EnumMap<>(Field.class);
    private final Map<Field, String> headers = new EnumMap<>(Field.class);
    private final String sourcePrefix;

    private OrderLineFile(Map<Integer, Field> mapping, String sourcePrefix) {
        mapping.forEach((column, field) -> columns.put(field, column));
        this.sourcePrefix = sourcePrefix;
    }

    /** The field a header names, or null. */
    static Field propose(String header) {
        return NAMES.propose(header);
    }

    static OrderLineFile read(Path file, Map<Integer, Field> mapping, String sourcePrefix) throws IOException {
        OrderLineFile f = new OrderLineFile(mapping, sourcePrefix);
        String name = file.getFileName().toString();
        List<Field> missing = REQUIRED.stream().filter(r -> !f.columns.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            f.problem(name, 1, "", TEXTS.get("unmapped", missing));
            return f;
        }
        try (TableReader table = TableReader.open(file)) {
            Iterator<TableReader.Line> it = table.iterator();
            if (it.hasNext()) {
                TableReader.Line header = it.next();
                f.columns.forEach((field, column) -> f.headers.put(field, header.get(column)));
            }
            while (it.hasNext()) {
                TableReader.Line r = it.next();
                f.lines++;
                f.add(name, r);
                if (f.problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof TableFileException bad) {
                f.problem(name, bad.line(), bad.column(), bad.reason());
            } else {
                f.problem(name, f.lines + 1, "", TEXTS.get("csv", e.getMessage()));
            }
        } catch (IllegalStateException e) {
            f.problem(name, f.lines + 1, "", TEXTS.get("csv", e.getMessage()));
        }
        return f;
    }

    private String get(TableReader.Line r, Field field) {
        Integer column = columns.get(field);
        return column == null ? "" : r.get(column).strip();
    }

    private void add(String file, TableReader.Line r) {
        long line = r.number();
        String invoice = get(r, Field.ORDER_NO);
        String customerText = get(r, Field.CUSTOMER);
        int before = problems.size();
        if (invoice.isEmpty()) {
            problem(file, line, Field.ORDER_NO, TEXTS.get("required"));
        }
        String stock = get(r, Field.PRODUCT_CODE);
        if (stock.isEmpty()) {
            problem(file, line, Field.PRODUCT_CODE, TEXTS.get("required"));
        } else if (stock.length() > 40) {
            problem(file, line, Field.PRODUCT_CODE, TEXTS.get("tooLong", 40));
        }
        long quantity = 0;
        try {
            quantity = new BigDecimal(get(r, Field.QUANTITY)).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problem(file, line, Field.QUANTITY, TEXTS.get("integer", get(r, Field.QUANTITY)));
        }
        BigDecimal price = null;
        try {
            price = new BigDecimal(get(r, Field.UNIT_PRICE));
        } catch (NumberFormatException e) {
            problem(file, line, Field.UNIT_PRICE, TEXTS.get("number", get(r, Field.UNIT_PRICE)));
        }
        LocalDateTime date = null;
        try {
            date = dateTime(get(r, Field.ORDER_DATE));
        } catch (DateTimeParseException e) {
            problem(file, line, Field.ORDER_DATE, TEXTS.get("date", get(r, Field.ORDER_DATE)));
        }
        String customer = null;
        if (!customerText.isEmpty()) {
            if (customerText.matches("(?i)C\\d{1,15}")) {
                customer = customerText.toUpperCase(Locale.ROOT);
            } else {
                try {
                    // the source's customer number, written like 17850.0 in the Online Retail file
                    customer = sourcePrefix + new BigDecimal(customerText).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    problem(file, line, Field.CUSTOMER, TEXTS.get("customer", customerText));
                }
            }
        }
        if (problems.size() > before) {
            return;
        }
        if (customer == null) {
            withoutCustomer++;
            return;
        }
        // what is kept must fit its column whole and make sense as an invoice; lines without a customer are only counted
        String description = get(r, Field.DESCRIPTION);
        String country = get(r, Field.COUNTRY);
        check(file, line, Field.ORDER_NO, invoice.length() > 32, TEXTS.get("tooLong", 32));
        check(file, line, Field.DESCRIPTION, description.length() > 200, TEXTS.get("tooLong", 200));
        check(file, line, Field.COUNTRY, country.length() > 100, TEXTS.get("tooLong", 100));
        check(file, line, Field.QUANTITY, Math.abs(quantity) >= MAX_QUANTITY, TEXTS.get("tooLarge", MAX_QUANTITY - 1));
        check(file, line, Field.QUANTITY, !Invoice.isReturn(invoice) && quantity <= 0, TEXTS.get("quantityOnInvoice", quantity));
        check(file, line, Field.UNIT_PRICE, price.signum() < 0, TEXTS.get("negativePrice", price.toPlainString()));
        check(file, line, Field.UNIT_PRICE, price.abs().compareTo(MAX_PRICE) >= 0 || price.scale() > 4,
                TEXTS.get("price", price.toString()));
        check(file, line, Field.UNIT_PRICE, price.abs().compareTo(MAX_PRICE) < 0
                && BigDecimal.valueOf(quantity).multiply(price).abs().compareTo(MAX_TOTAL) >= 0,
                TEXTS.get("lineTotal", MAX_TOTAL.toPlainString()));
        check(file, line, Field.ORDER_DATE, date.isAfter(AppClock.localNow()), TEXTS.get("future", date.toString().replace('T', ' ')));
        if (problems.size() > before) {
            return;
        }
        linesWithCustomer++;
        Invoice inv = invoices.get(invoice);
        if (inv == null) {
            inv = new Invoice(invoice, customer, date, country, line, new ArrayList<>());
            invoices.put(invoice, inv);
        } else if (!inv.customer().equals(customer)) {
            problem(file, line, Field.CUSTOMER, TEXTS.get("otherCustomer", invoice, inv.customer(), inv.firstLine()));
            return;
        }
        inv.lines().add(new Line(stock.toUpperCase(Locale.ROOT), description.isEmpty() ? stock : description, quantity, price));
    }

    /** 2010-12-01 08:26, 2010/12/1 8:26:00 or a plain date (midnight). */
    static LocalDateTime dateTime(String text) {
        var parsed = DATE_TIME.parseBest(text, LocalDateTime::from, LocalDate::from);
        return parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
    }

    private void check(String file, long line, Field field, boolean wrong, String reason) {
        if (wrong) {
            problem(file, line, field, reason);
        }
    }

    private void problem(String file, long line, Field field, String reason) {
        problem(file, line, header(field), reason);
    }

    /** The column's name in the file, as problem reports name it. */
    String header(Field field) {
        String header = headers.get(field);
        return header == null || header.isEmpty() ? field.name() : header;
    }

    private void problem(String file, long line, String field, String reason) {
        problems.add(new Problem(file, line, field, reason));
    }
}
