package org.guanxi.core.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.guanxi.core.db.SqlDialect;

/**
 * Moves a standalone installation to a team server: copies every table of a Guanxi database on embedded Derby into an
 * empty PostgreSQL database, brought to the same schema version first, its foreign keys checked again at the end,
 * identities and sequences set past the copied values; then reads both sides again and compares each table's row count and a
 * checksum of its rows. The copy is one transaction on the target, so a failed copy leaves it empty.
 * <p>
 * By hand rather than with a migration tool: the rows move between two schemas this product wrote itself, and the
 * checksum must compare values as the two databases return them (Derby's CLOB, PostgreSQL's TEXT).
 */
public final class DatabaseCopy {

    private static final int BATCH = 1_000;

    /** One table: rows and checksums on both sides. */
    public record Table(String name, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum) {

        public boolean same() {
            return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
        }
    }

    /** What was copied, table by table. */
    public record Report(int schemaVersion, List<Table> tables) {

        public boolean verified() {
            return tables.stream().allMatch(Table::same);
        }

        public long rows() {
            return tables.stream().mapToLong(Table::targetRows).sum();
        }
    }

    private DatabaseCopy() {
    }

    /**
     * Copies {@code source} (Derby, at this build's schema version) into the empty PostgreSQL database of {@code target}.
     *
     * @param progress told each table's name as its copy begins
     */
    public static Report copy(DataSource source, DatabaseSettings target, Consumer<String> progress) throws SQLException {
        if (!target.isPostgreSql()) {
            throw new IllegalArgumentException("The target must be a PostgreSQL database (jdbc:postgresql://…), not "
                    + target.describe());
        }
        DataSource to = DataSources.create(target);
        int version = new SchemaMigrator(source, "derby").currentVersion();
        SchemaMigrator targetSchema = new SchemaMigrator(to, "postgresql");
        if (version != targetSchema.latestVersion()) {
            throw new IllegalStateException("The data folder has schema version " + version + ", this build "
                    + targetSchema.latestVersion() + ": start this build on it once before moving it");
        }
        int existing = targetSchema.currentVersion();
        if (existing != 0) {
            throw new IllegalStateException(target.describe() + " already holds a Guanxi schema (V" + existing
                    + "): the copy goes into an empty database only");
        }
        targetSchema.migrateTo(version);
        try (Connection from = source.getConnection(); Connection into = to.getConnection()) {
            from.setAutoCommit(false);
            into.setAutoCommit(false);
            try {
                List<String> tables = tables(from);
                // the foreign keys form cycles (an order and its quote, a lead and its opportunity): they are dropped for
                // the copy and added again at its end, which checks every copied row against them (DDL is
                // transactional in PostgreSQL: a failure leaves the empty schema as it was)
                List<String> keys = dropForeignKeys(into);
                for (String table : tables) {
                    // the migrations' own rows (default settings, the shipped survey, …) give way to the copied ones
                    try (Statement st = into.createStatement()) {
                        st.executeUpdate("DELETE FROM " + table);
                    }
                    progress.accept(table);
                    copyRows(from, into, table);
                }
                try (Statement st = into.createStatement()) {
                    for (String key : keys) {
                        st.execute(key);
                    }
                }
                setIdentities(into);
                setSequences(from, into);
                into.commit();
                List<Table> report = new ArrayList<>();
                for (String table : tables) {
                    String[] a = checksum(from, table);
                    String[] b = checksum(into, table);
                    report.add(new Table(table, Long.parseLong(a[0]), Long.parseLong(b[0]), a[1], b[1]));
                }
                return new Report(version, report);
            } finally {
                into.rollback();
                from.rollback();
            }
        }
    }

    /** The application's tables, without SCHEMA_VERSION (which the target's migrations wrote). */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
                if (!t.equals("SCHEMA_VERSION")) {
                    tables.add(t);
                }
            }
        }
        return tables;
    }

    /** Drops the target's foreign keys; returns the statements that add them again. */
    private static List<String> dropForeignKeys(Connection into) throws SQLException {
        List<String> add = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (Statement st = into.createStatement(); ResultSet rs = st.executeQuery("SELECT conrelid::regclass::text, conname, "
                + "pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                drop.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                add.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        try (Statement st = into.createStatement()) {
            for (String d : drop) {
                st.execute(d);
            }
        }
        return add;
    }

    private static void copyRows(Connection from, Connection into, String table) throws SQLException {
        try (Statement st = from.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(md.getColumnName(i));
            }
            // identity columns keep the copied values
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") OVERRIDING SYSTEM VALUE VALUES ("
                    + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
            try (PreparedStatement ps = into.prepareStatement(sql)) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        int type = md.getColumnType(i);
                        Object v = type == Types.CLOB ? rs.getString(i) : rs.getObject(i);
                        if (v == null) {
                            ps.setNull(i, type == Types.CLOB ? Types.VARCHAR : type);
                        } else {
                            ps.setObject(i, v);
                        }
                    }
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
    }

    /** Each identity column's next value follows the largest copied one. */
    private static void setIdentities(Connection into) throws SQLException {
        try (PreparedStatement ps = into.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND is_identity = 'YES'"); ResultSet rs = ps.executeQuery()) {
            List<String[]> identities = new ArrayList<>();
            while (rs.next()) {
                identities.add(new String[] { rs.getString(1), rs.getString(2) });
            }
            for (String[] id : identities) {
                try (Statement st = into.createStatement()) {
                    st.execute("SELECT setval(pg_get_serial_sequence('" + id[0] + "', '" + id[1] + "'), MAX(" + id[1]
                            + ")) FROM " + id[0] + " HAVING MAX(" + id[1] + ") IS NOT NULL");
                }
            }
        }
    }

    /**
     * Every sequence of the migrations hands out next what Derby would have handed out next (Derby's own sequences
     * behind identity columns have no namesake in PostgreSQL and are left out).
     */
    private static void setSequences(Connection from, Connection into) throws SQLException {
        Set<String> targets = new LinkedHashSet<>();
        try (Statement st = into.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema()")) {
            while (rs.next()) {
                targets.add(rs.getString(1).toUpperCase(Locale.ROOT));
            }
        }
        List<String> sequences = new ArrayList<>();
        try (Statement st = from.createStatement();
                ResultSet rs = st.executeQuery("SELECT SEQUENCENAME FROM SYS.SYSSEQUENCES s JOIN SYS.SYSSCHEMAS c "
                        + "ON s.SCHEMAID = c.SCHEMAID WHERE c.SCHEMANAME = CURRENT SCHEMA")) {
            while (rs.next()) {
                if (targets.contains(rs.getString(1))) {
                    sequences.add(rs.getString(1));
                }
            }
        }
        for (String sequence : sequences) {
            long next;
            try (PreparedStatement ps = from.prepareStatement("VALUES SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE(CURRENT SCHEMA, ?)")) {
                ps.setString(1, sequence);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = into.prepareStatement("SELECT setval(?, ?, false)")) {
                ps.setString(1, sequence.toLowerCase(Locale.ROOT));
                ps.setLong(2, next);
                ps.execute();
            }
        }
    }

    /** The row count and a SHA-256 over every row in primary-key order, values written the same for both databases. */
    private static String[] checksum(Connection c, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        String name = SqlDialect.of(c) == SqlDialect.POSTGRESQL ? table.toLowerCase(Locale.ROOT) : table;
        Map<Short, String> pk = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, c.getSchema(), name)) {
            while (rs.next()) {
                pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        key.addAll(pk.values());
        MessageDigest digest = sha256();
        long rows = 0;
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table
                + (key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key)))) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.put(md.getColumnName(i).toUpperCase(Locale.ROOT), i);
            }
            // the same column order on both sides, whatever each returns for SELECT *
            List<Integer> order = columns.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
            while (rs.next()) {
                rows++;
                StringBuilder row = new StringBuilder();
                for (int i : order) {
                    row.append(text(rs.getObject(i))).append('\u0001');
                }
                digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new String[] { Long.toString(rows), HexFormat.of().formatHex(digest.digest()) };
    }

    private static String text(Object v) throws SQLException {
        return switch (v) {
            case null -> "\u0000";
            case Clob clob -> clob.getSubString(1, (int) clob.length());
            case BigDecimal d -> d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            // PostgreSQL keeps microseconds and rounds what is finer (times Derby kept before the clock ticked so)
            case Timestamp t -> t.toLocalDateTime().plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
            case Short s -> Long.toString(s);
            case Integer i -> Long.toString(i);
            case Long l -> Long.toString(l);
            case byte[] b -> HexFormat.of().formatHex(b);
            default -> v.toString();
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
