package org.guanxi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.service.ExportLog;
import org.guanxi.tables.TableWriter;

/** Option values and output formats the commands share. */
final class Args {

    private Args() {
    }

    /** The value after option {@code args[i - 1]}. */
    static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new UsageException(CommandLine.TEXTS.get("unknown", args[i - 1]));
        }
        return args[i];
    }

    static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new UsageException(CommandLine.TEXTS.get("badDate", s));
        }
    }

    static YearMonth month(String s) {
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            throw new UsageException(CommandLine.TEXTS.get("badMonth", s));
        }
    }

    static int positive(String option, String s) {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(CommandLine.TEXTS.get("badCount", option, s));
    }

    /** One of the words an option takes, in lower case. */
    static String oneOf(String option, String s, List<String> words) {
        String w = s.toLowerCase(Locale.ROOT);
        if (!words.contains(w)) {
            throw new UsageException(CommandLine.TEXTS.get("badWord", option, s, String.join("|", words)));
        }
        return w;
    }

    static String money(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_UP));
    }

    /** A fraction as a percentage, or "-" without one. */
    static String percent(BigDecimal fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f %%", fraction.doubleValue() * 100);
    }

    /**
     * Rows to CSV (UTF-8 with a byte-order mark, so that spreadsheets show Chinese) or Excel for .xlsx: an export,
     * which needs {@code DATA_EXPORT} and is recorded.
     */
    static <T> void writeTable(Path file, String sheet, List<String> header, List<T> rows, Function<T, List<?>> row) {
        ExportLog exports = CommandLine.service(ExportLog.class);
        exports.check();
        try (TableWriter table = TableWriter.open(file, sheet, header)) {
            for (T r : rows) {
                table.row(row.apply(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        exports.record(sheet, rows.size(), file);
    }
}
