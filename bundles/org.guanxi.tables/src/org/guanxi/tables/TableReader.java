package org.guanxi.tables;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.guanxi.core.i18n.Texts;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The lines of an import file as text cells, each with the number a user finds it under: the line of a CSV file or
 * the row of the first sheet of an Excel workbook (.xlsx). Excel cells are turned into the text a user sees in them:
 * dates as 1985-03-21, numbers without exponent or trailing zeros (a phone typed as a number stays 13800138000).
 * Empty lines and rows are skipped. CSV files are read as spreadsheets write them: UTF-8 with or without BOM, GB18030
 * (GBK) or UTF-16 with BOM ({@link TextEncoding}), comma, semicolon or tab separated, optionally gzip-compressed. What
 * cannot be read as it is — another encoding, control characters, a line with the wrong number of cells, a broken
 * workbook — stops the reading with a {@link TableFileException} naming file, line and column (thrown from iteration
 * wrapped in an {@link UncheckedIOException}).
 */
public abstract class TableReader implements Iterable<TableReader.Line>, Closeable {

    static final Texts TEXTS = Texts.of(TableReader.class);

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
        } catch (TableFileException e) {
            throw e.unchecked();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks every line as it is read: a control character (NUL and the like; tab and line breaks are text) or the
     * character U+FFFD in a cell, or a line with fewer cells than the header, or more that are not empty, stops the
     * reading with the line and column. A sheet's row may end early (Excel leaves out empty cells at the end).
     */
    private static Iterator<Line> checked(String file, Iterator<Line> lines, boolean shortRowsAllowed) {
        return new Iterator<>() {
            List<String> header;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Line next() {
                Line l = lines.next();
                for (int c = 0; c < l.size(); c++) {
                    String reason = badCharacter(l.get(c));
                    if (reason != null) {
                        throw refused(l.number(), column(c), reason);
                    }
                }
                if (header == null) {
                    header = l.cells();
                    return l;
                }
                int last = l.size();
                while (last > header.size() && l.get(last - 1).isEmpty()) {
                    last--;
                }
                if (last > header.size() || l.size() < header.size() && !shortRowsAllowed) {
                    throw refused(l.number(), null, TEXTS.get("reason.cells", l.size(), header.size()));
                }
                return last < l.size() ? new Line(l.number(), List.copyOf(l.cells().subList(0, last))) : l;
            }

            private String column(int c) {
                String name = header != null && c < header.size() ? header.get(c) : "";
                return TEXTS.get("column", c + 1, name.isEmpty() ? "-" : name);
            }

            private UncheckedIOException refused(long line, String column, String reason) {
                return new TableFileException(file, line, column, reason).unchecked();
            }
        };
    }

    /**
     * What goes wrong while a file is read (bad quoting, a broken sheet) as a {@link TableFileException} of the line
     * being read, {@code reasonKey} saying what kind of file it is.
     */
    private static Iterator<Line> guarded(String file, Iterator<Line> lines, LongSupplier line, String reasonKey) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return lines.hasNext();
                } catch (RuntimeException e) {
                    throw unreadable(e);
                }
            }

            @Override
            public Line next() {
                try {
                    return lines.next();
                } catch (RuntimeException e) {
                    throw unreadable(e);
                }
            }

            private RuntimeException unreadable(RuntimeException e) {
                if (e instanceof java.util.NoSuchElementException) {
                    return e;
                }
                String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                        : e.getMessage() != null ? e.getMessage() : e.toString();
                return new TableFileException(file, line.getAsLong(), null, TEXTS.get(reasonKey, why), e).unchecked();
            }
        };
    }

    /** Why a cell's text cannot be imported (a control character, U+FFFD), or null; for every reader of text files. */
    public static String badCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\uFFFD') {
                return TEXTS.get("reason.replacement", i + 1);
            }
            if (Character.isISOControl(ch) && ch != '\t' && ch != '\n' && ch != '\r') {
                return TEXTS.get("reason.control", String.format("%04X", (int) ch), i + 1);
            }
        }
        return null;
    }

    public static boolean isExcel(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** Opens a CSV file (also .csv.gz) or an Excel workbook (.xlsx, its first sheet); the caller closes it. */
    public static TableReader open(Path file) throws IOException {
        return isExcel(file) ? new Excel(file) : new Csv(file);
    }

    private static final class Csv extends TableReader {
        private final String name;
        private final CSVParser parser;

        Csv(Path file) throws IOException {
            name = file.getFileName().toString();
            TextEncoding.Detected encoding = TextEncoding.detect(name, () -> input(file));
            parser = parser(file, encoding);
        }

        /** In the detected encoding, the separator (comma, semicolon or tab) guessed from the header line. */
        private static CSVParser parser(Path file, TextEncoding.Detected encoding) throws IOException {
            char delimiter = delimiter(file, encoding);
            BufferedReader reader = reader(file, encoding);
            return CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                    .setIgnoreEmptyLines(true).get());
        }

        private static BufferedReader reader(Path file, TextEncoding.Detected encoding) throws IOException {
            InputStream in = input(file);
            in.skipNBytes(encoding.bom());
            return new BufferedReader(new InputStreamReader(in, encoding.charset()), 1 << 16);
        }

        /** The file's bytes; a .gz file is decompressed on the fly. */
        private static InputStream input(Path file) throws IOException {
            InputStream raw = Files.newInputStream(file);
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        }

        private static char delimiter(Path file, TextEncoding.Detected encoding) throws IOException {
            String header;
            try (BufferedReader r = reader(file, encoding)) {
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
            Iterator<Line> lines = parser.stream().map(r -> new Line(parser.getCurrentLineNumber(), r.toList())).iterator();
            return checked(name, guarded(name, lines, () -> parser.getCurrentLineNumber() + 1, "reason.csv"), false);
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

        private final String name;

        Excel(Path file) throws IOException {
            name = file.getFileName().toString();
            try {
                // cell formats are needed to tell a date from a number
                workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                rows = workbook.getFirstSheet().openStream();
            } catch (IOException | RuntimeException e) {
                throw new TableFileException(name, 0, null, TEXTS.get("reason.excel", e.getMessage()), e);
            }
        }

        @Override
        public Iterator<Line> iterator() {
            long[] last = { 0 };
            Iterator<Line> lines = rows.map(Excel::line).filter(l -> l.cells().stream().anyMatch(c -> !c.isEmpty()))
                    .peek(l -> last[0] = l.number()).iterator();
            // a sheet's XML is read while iterating: a broken one fails here, not at open
            return checked(name, guarded(name, lines, () -> last[0] + 1, "reason.excel"), true);
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
