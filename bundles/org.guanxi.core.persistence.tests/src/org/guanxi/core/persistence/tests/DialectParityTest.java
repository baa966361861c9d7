package org.guanxi.core.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.apache.derby.jdbc.BasicEmbeddedDataSource40;
import org.guanxi.core.persistence.SchemaMigrator;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derby's and PostgreSQL's migrations make the same model: every table with the same columns (type, size, scale,
 * nullability, identity), primary keys, foreign keys and named indexes. Runs in the PostgreSQL pass, beside a Derby
 * database migrated in the same test.
 */
class DialectParityTest {

    @TempDir
    Path tmp;

    @Test
    void bothDialectsMigrateToTheSameModel() throws SQLException {
        assumeTrue(TestDatabases.onPostgreSql(), "compares against the PostgreSQL server of the PostgreSQL pass");
        BasicEmbeddedDataSource40 derby = new BasicEmbeddedDataSource40();
        derby.setDatabaseName(tmp.resolve("derby").toString());
        derby.setCreateDatabase("create");
        DataSource postgres = TestDatabases.dataSource(tmp.resolve("postgresql"));
        int latest = new SchemaMigrator(derby, "derby").migrate();
        assertEquals(latest, new SchemaMigrator(postgres, "postgresql").migrate(), "the same versions ship");

        Map<String, String> d = model(derby, "APP");
        Map<String, String> p = model(postgres, "public");
        assertTrue(d.size() > 60, "tables of Derby: " + d.size());
        assertEquals(d.keySet(), p.keySet(), "the same tables");
        d.forEach((table, model) -> assertEquals(model, p.get(table), table));
    }

    /** Table name → a normalised description of its columns, keys and named indexes. */
    private static Map<String, String> model(DataSource ds, String schema) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(null, schema, "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    tables.put(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT), rs.getString("TABLE_NAME"));
                }
            }
            Map<String, String> out = new TreeMap<>();
            for (var t : tables.entrySet()) {
                out.put(t.getKey(), describe(md, schema, t.getValue()));
            }
            return out;
        }
    }

    private static String describe(DatabaseMetaData md, String schema, String table) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                int jdbc = rs.getInt("DATA_TYPE");
                int type = type(jdbc);
                b.append(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT)).append(' ').append(type);
                // a VARCHAR's length; PostgreSQL's TEXT says VARCHAR of 2^31 - 1 where Derby says CLOB
                if (jdbc == Types.VARCHAR && rs.getInt("COLUMN_SIZE") < Integer.MAX_VALUE) {
                    b.append('(').append(rs.getInt("COLUMN_SIZE")).append(')');
                }
                if (type == Types.NUMERIC) {
                    b.append('(').append(rs.getInt("COLUMN_SIZE")).append(',').append(rs.getInt("DECIMAL_DIGITS")).append(')');
                }
                b.append(rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : "");
                b.append("YES".equals(rs.getString("IS_AUTOINCREMENT")) ? " IDENTITY" : "").append('\n');
            }
        }
        TreeSet<String> keys = new TreeSet<>();
        // the column lists that are keys: Derby backs each with an index of its own and hides an index the migrations
        // create on the same columns behind it, PostgreSQL only has the migrations' indexes
        Set<String> keyColumns = new HashSet<>();
        // in key order (the drivers list a key's columns in different orders)
        Map<Short, String> pkColumns = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                pkColumns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT) + ",");
            }
        }
        String pk = String.join("", pkColumns.values());
        keys.add("PK " + pk);
        keyColumns.add(pk);
        Map<String, StringBuilder> fks = new TreeMap<>();
        try (ResultSet rs = md.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                fks.computeIfAbsent(rs.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT) + " on delete "
                        + rs.getShort("DELETE_RULE") + " " + rs.getString("FK_NAME"), k -> new StringBuilder())
                        .append(rs.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT)).append(',');
            }
        }
        fks.forEach((target, columns) -> {
            keys.add("FK " + columns + " -> " + target.substring(0, target.lastIndexOf(' ')));
            keyColumns.add(columns.toString());
        });
        Map<String, StringBuilder> indexes = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    indexes.computeIfAbsent(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT)
                            + (rs.getBoolean("NON_UNIQUE") ? "" : " UNIQUE"), k -> new StringBuilder())
                            .append(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT)).append(',');
                }
            }
        }
        indexes.forEach((name, columns) -> {
            if (keyColumns.contains(columns.toString())) {
                return;
            }
            if (name.startsWith("IX_")) {
                keys.add("INDEX " + name + " " + columns);
            } else {
                // a constraint's index: Derby names it itself, and backs a UNIQUE of nullable columns by a non-unique one
                keys.add("CONSTRAINT INDEX " + columns);
            }
        });
        keys.forEach(k -> b.append(k).append('\n'));
        return b.toString();
    }

    /** The JDBC types the two drivers report differently for the same declaration. */
    private static int type(int jdbc) {
        return switch (jdbc) {
            case Types.DECIMAL -> Types.NUMERIC;
            case Types.BIT -> Types.BOOLEAN;
            case Types.CLOB, Types.LONGVARCHAR -> Types.VARCHAR;
            case Types.FLOAT -> Types.DOUBLE;
            default -> jdbc;
        };
    }
}
