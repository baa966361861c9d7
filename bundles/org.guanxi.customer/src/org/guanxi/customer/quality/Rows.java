package org.guanxi.customer.quality;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.guanxi.core.db.SqlDialect;

/**
 * Plain-JDBC helpers of the merge: a table row as text and back, and the foreign keys that point at a table. They
 * work on any table, so rows of modules written later (sales, service) are re-pointed and restored without changes
 * here. Values go through {@code getString}/{@code setString}, which Derby converts for every non-LOB column type.
 */
public final class Rows {

    /**
     * A column of {@code table} that refers to the customer, and the primary key column of {@code table} (null when it
     * has none or a composite one: a merge then refuses to touch its rows, as it could not undo the change).
     */
    public record Reference(String table, String column, String idColumn, String filter, boolean textKey) {

        public Reference(String table, String column, String idColumn) {
            this(table, column, idColumn, null, false);
        }

        /** The condition that selects the rows of one customer ({@code column = ?} and the filter, if any). */
        public String where() {
            // a key kept as text is compared as text: PostgreSQL compares no text with a number
            return column + (textKey ? " = CAST(? AS VARCHAR(40))" : " = ?") + (filter == null ? "" : " AND " + filter);
        }
    }

    private Rows() {
    }

    /** The row with primary key {@code id} as {@link Properties} text (a missing key means NULL), or null. */
    static String snapshot(Connection c, String table, String idColumn, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + idColumn + " = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ResultSetMetaData md = rs.getMetaData();
                Properties p = new Properties();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String v = rs.getString(i);
                    if (v != null) {
                        p.setProperty(md.getColumnName(i).toUpperCase(Locale.ROOT), v);
                    }
                }
                return text(p);
            }
        }
    }

    static Properties parse(String snapshot) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String text(Properties p) {
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Inserts a row written by {@link #snapshot} again, with all its columns (the same id included). */
    static void restore(Connection c, String table, String snapshot) throws SQLException {
        Properties p = parse(snapshot);
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i));
                types.add(md.getColumnType(i));
            }
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                String v = p.getProperty(columns.get(i).toUpperCase(Locale.ROOT));
                if (v == null) {
                    ps.setNull(i + 1, types.get(i));
                } else {
                    // the driver converts the text to the column's type (PostgreSQL takes no text for a number)
                    ps.setObject(i + 1, v, types.get(i));
                }
            }
            ps.executeUpdate();
        }
    }

    /** Every single-column foreign key that refers to {@code table}, as declared in the database. */
    public static List<Reference> referencesTo(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = SqlDialect.tableSchema(c);
        List<Reference> out = new ArrayList<>();
        try (ResultSet rs = md.getExportedKeys(null, schema, md.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table)) {
            while (rs.next()) {
                if (rs.getInt("KEY_SEQ") != 1) {
                    continue;
                }
                String fkTable = rs.getString("FKTABLE_NAME");
                out.add(new Reference(fkTable.toUpperCase(Locale.ROOT), rs.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT),
                        primaryKey(md, schema, fkTable)));
            }
        }
        return out;
    }

    private static String primaryKey(DatabaseMetaData md, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return columns.size() == 1 ? columns.get(0) : null;
    }
}
