package org.guanxi.tables;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The lines of an import file as text cells, each with the number a user finds it under: the line of a CSV file or
 * the row of the first sheet of an Excel workbook (.xlsx). Excel cells are turned into the text a user sees in them:
 * dates as 1985-03-21, numbers without exponent or trailing zeros (a phone typed as a number stays 13800138000).
 * Empty lines and rows are skipped. CSV files are read as spreadsheets write them: UTF-8 with or without BOM, comma,
 * semicolon or tab separated, optionally gzip-compressed.
 */
public abstract class TableReader implements Iterable<TableReader.Line>, Closeable {

    /** One line or row; {@code number} counts from 1 at the header. */
    public record Line(long number, List<String> cells) {

        public String get(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public int size() {
            return cells.size();
        }
    }

    /** The header, a field proposed per column (each field once, first column wins) and the first rows of a file. */
    public record Sample<F>(List<String> headers, Map<Integer, F> mapping, List<List<String>> rows) {
    }

    /** Reads the header and {@code rows} lines; {@code propose} names the field a header stands for, or null. */
    public static <F> Sample<F> sample(Path file, int rows, Function<String, F> propose) {
        try (TableReader table = open(file)) {
            List<String> headers = new ArrayList<>();
            Map<Integer, F> mapping = new LinkedHashMap<>();
            List<List<String>> first = new ArrayList<>();
            for (Line r : table) {
                if (headers.isEmpty()) {
                    for (int i = 0; i < r.size(); i++) {
                        headers.add(r.get(i));
                        F f = propose.apply(r.get(i));
                        if (f != null && !mapping.containsValue(f)) {
                            mapping.put(i, f);
                        }
                    }
                } else if (first.size() < rows) {
                    first.add(r.cells());
                } else {
                    break;
                }
            }
            return new Sample<>(headers, mapping, first);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public static boolean isExcel(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** Opens a CSV file (also .csv.gz) or an Excel workbook (.xlsx, its first sheet); the caller closes it. */
    public static TableReader open(Path file) throws IOException {
        return isExcel(file) ? new Excel(file) : new Csv(file);
    }

    private static final class Csv extends TableReader {
        private final CSVParser parser;

        Csv(Path file) throws IOException {
            parser = parser(file);
        }

        /** UTF-8 with or without BOM, the separator (comma, semicolon or tab) guessed from the header line. */
        private static CSVParser parser(Path file) throws IOException {
            char delimiter = delimiter(file);
            PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(input(file), StandardCharsets.UTF_8), 1 << 16), 1);
            int first = reader.read();
            if (first != '\uFEFF' && first != -1) {
                reader.unread(first);
            }
            return CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                    .setIgnoreEmptyLines(true).get());
        }

        /** The file's bytes; a .gz file is decompressed on the fly. */
        private static InputStream input(Path file) throws IOException {
            InputStream raw = Files.newInputStream(file);
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        }

        private static char delimiter(Path file) throws IOException {
            String header;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(input(file), StandardCharsets.UTF_8))) {
                header = r.readLine();
            }
            if (header == null) {
                return ',';
            }
            long commas = header.chars().filter(c -> c == ',').count();
            long semicolons = header.chars().filter(c -> c == ';').count();
            long tabs = header.chars().filter(c -> c == '\t').count();
            return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
        }

        @Override
        public Iterator<Line> iterator() {
            Iterator<CSVRecord> records = parser.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public Line next() {
                    CSVRecord r = records.next();
                    return new Line(parser.getCurrentLineNumber(), r.toList());
                }
            };
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static final class Excel extends TableReader {
        /** Day 0 of Excel's date numbers (1900 system, after its 29 February 1900 that never was). */
        private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
        private final ReadableWorkbook workbook;
        private final Stream<Row> rows;

        Excel(Path file) throws IOException {
            try {
                // cell formats are needed to tell a date from a number
                workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file.getFileName() + " is not an Excel workbook (.xlsx): " + e.getMessage(), e);
            }
            rows = workbook.getFirstSheet().openStream();
        }

        @Override
        public Iterator<Line> iterator() {
            return rows.map(Excel::line).filter(l -> l.cells().stream().anyMatch(c -> !c.isEmpty())).iterator();
        }

        private static Line line(Row row) {
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            return new Line(row.getRowNum(), cells);
        }

        static String text(Cell cell) {
            if (cell == null) {
                return "";
            }
            return switch (cell.getType()) {
            case NUMBER -> number(cell, cell.asNumber());
            case STRING -> cell.asString().strip();
            case BOOLEAN -> cell.asBoolean().toString();
            case EMPTY -> "";
            // a formula shows the value Excel last computed: a number or date like any other, or text
            case FORMULA -> {
                String raw = cell.getRawValue() == null ? "" : cell.getRawValue().strip();
                yield raw.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?") ? number(cell, new BigDecimal(raw)) : raw;
            }
            // an error code (#N/A …), which validation then reports with its row
            default -> cell.getRawValue() == null ? "" : cell.getRawValue().strip();
            };
        }

        /** A number as the cell shows it: a date, digits padded to a format like 000000, or plain digits. */
        private static String number(Cell cell, BigDecimal n) {
            if (isDate(cell)) {
                return EXCEL_EPOCH.plusDays(n.longValue()).toString();
            }
            String plain = n.stripTrailingZeros().toPlainString();
            String format = cell.getDataFormatString();
            if (format != null && format.matches("0+") && plain.matches("\\d+") && plain.length() < format.length()) {
                return "0".repeat(format.length() - plain.length()) + plain;
            }
            return plain;
        }

        /** Excel keeps dates as day numbers; only the cell's format tells them apart from numbers. */
        private static boolean isDate(Cell cell) {
            Integer id = cell.getDataFormatId();
            if (id != null && (id >= 14 && id <= 17 || id == 22 || id >= 27 && id <= 36 || id >= 50 && id <= 58)) {
                return true;
            }
            String format = cell.getDataFormatString();
            if (format == null) {
                return false;
            }
            // quoted text and escaped characters ("年", \-) are not date codes
            String codes = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^\\]]*\\]", "")
                    .toLowerCase(Locale.ROOT);
            return codes.contains("y") || codes.contains("d");
        }

        @Override
        public void close() throws IOException {
            rows.close();
            workbook.close();
        }
    }
}
