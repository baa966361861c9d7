package org.guanxi.tables;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a list for spreadsheets: Excel (.xlsx, a bold frozen header, numbers and dates as such) when the file name
 * says so, otherwise CSV in UTF-8 with a byte-order mark so that Excel shows Chinese correctly. Rows are streamed, so
 * a million customers need no more memory than a hundred.
 */
public abstract class TableWriter implements Closeable {

    /** Rows an Excel sheet holds below its header. */
    public static final int EXCEL_MAX_ROWS = 1_048_575;

    public static boolean isExcel(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    public static TableWriter open(Path file, String sheet, List<String> header) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return isExcel(file) ? new Excel(file, sheet, header) : new Csv(file, header);
    }

    /** One row; values may be text, numbers, dates, booleans or null. */
    public abstract void row(List<?> values) throws IOException;

    /**
     * Goes on in a new sheet of the same workbook, with its own header; the rows that follow go there. Only Excel has
     * sheets: a CSV file holds one table.
     */
    public void sheet(String name, List<String> header) throws IOException {
        throw new IOException("A CSV file holds one table: write several to an Excel workbook (.xlsx)");
    }

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /**
     * A CSV cell that a spreadsheet program shows as text, never runs as a formula (OWASP "CSV injection"): text
     * starting with = + - @, a tab or a carriage return gets a leading apostrophe, which Excel and LibreOffice hide.
     * Numbers, and text that is nothing but a number, stay as they are. (An .xlsx cell is typed text, so it needs
     * nothing of this.)
     */
    public static Object csvCell(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor) {
            return value;
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    private static final class Csv extends TableWriter {
        private final BufferedWriter out;
        private final CSVPrinter csv;

        Csv(Path file, List<String> header) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
        }

        @Override
        public void row(List<?> values) throws IOException {
            csv.printRecord(values.stream().map(TableWriter::csvCell).toList());
        }

        @Override
        public void close() throws IOException {
            csv.close(true);
        }
    }

    private static final class Excel extends TableWriter {
        private static final int FLUSH_EVERY = 10_000;
        private final OutputStream out;
        private final Workbook workbook;
        private Worksheet sheet;
        private int row;

        Excel(Path file, String sheetName, List<String> header) throws IOException {
            out = Files.newOutputStream(file);
            workbook = new Workbook(out, "Guanxi CRM", "1.0");
            sheet(sheetName, header);
        }

        @Override
        public void sheet(String sheetName, List<String> header) throws IOException {
            if (sheet != null) {
                sheet.finish();
            }
            row = 0;
            // sheet names: at most 31 characters, none of : \ / ? * [ ]
            sheet = workbook.newWorksheet(sheetName.replaceAll("[:\\\\/?*\\[\\]]", " ").substring(0, Math.min(31, sheetName.length())));
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().fillColor("DDE7F0").set();
                sheet.width(c, Math.max(10, Math.min(40, header.get(c).length() * 1.6 + 4)));
            }
            sheet.freezePane(0, 1);
        }

        @Override
        public void row(List<?> values) throws IOException {
            if (row == EXCEL_MAX_ROWS) {
                throw new IOException("An Excel sheet holds at most " + EXCEL_MAX_ROWS + " rows: export this list as CSV");
            }
            row++;
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                switch (v) {
                case null -> { }
                case Number n -> sheet.value(row, c, n instanceof BigDecimal d ? d : n);
                case LocalDate d -> {
                    sheet.value(row, c, d);
                    sheet.style(row, c).format("yyyy-mm-dd").set();
                }
                case Boolean b -> sheet.value(row, c, b);
                default -> sheet.value(row, c, v.toString());
                }
            }
            if (row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.finish();
            } finally {
                out.close();
            }
        }
    }
}
