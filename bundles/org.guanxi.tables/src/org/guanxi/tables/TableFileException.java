package org.guanxi.tables;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file that cannot be read as a table as it is: not UTF-8 or GB18030, a control character in a cell, a line with
 * more or fewer cells than the header, a broken workbook. Its message names file, line, column and reason; the file
 * is refused whole.
 */
public class TableFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String reason;

    public TableFileException(String file, long line, String column, String reason) {
        this(file, line, column, reason, null);
    }

    public TableFileException(String file, long line, String column, String reason, Throwable cause) {
        super(TableReader.TEXTS.get(line <= 0 ? "problem.file" : column == null ? "problem.line" : "problem.cell", file,
                line, column, reason), cause);
        this.file = file;
        this.line = line;
        this.column = column == null ? "" : column;
        this.reason = reason;
    }

    /** For a reader's iteration, which cannot throw it as it is: the same message, this as the cause. */
    public UncheckedIOException unchecked() {
        return new UncheckedIOException(getMessage(), this);
    }

    public String file() {
        return file;
    }

    /** The line of a CSV file or the row of a sheet, counted from 1 at the header; 0 for the file as a whole. */
    public long line() {
        return line;
    }

    /** The column's number and header, or empty when the problem is the line or the file. */
    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
