package org.guanxi.customer.privacy;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Anonymises one person in the database (PIPL Art. 47), in the caller's transaction. Two passes:
 * <ol>
 * <li>the rows about the person (found through the foreign keys, as the export finds them): their personal columns
 * are emptied, and every other text in them loses the person's names, phones, addresses and numbers;</li>
 * <li>every text column of every table: the person's identifiers that name nobody else (phones, e-mail addresses, ID,
 * tax and card numbers, and the name when no other customer, contact or lead shares it) are replaced wherever they
 * occur — in an order's payload for the ERP, a merge's snapshot, the audit trail.</li>
 * </ol>
 * Business facts (codes, amounts, dates, products, states, cities) are not personal columns and stay, so every total
 * and report is unchanged.
 */
final class PersonalDataEraser {

    /** What an erased value becomes where the column may not be empty. */
    static final String ERASED = "[erased]";

    /**
     * The columns that say who a person is, how to reach them or what they said: everything else is a business fact.
     * A table a later module adds with personal columns is listed here; its texts are covered by pass 2 meanwhile.
     */
    private static final Map<String, Set<String>> PERSONAL = Map.ofEntries(
            Map.entry("CUSTOMER", Set.of("NAME", "NAME_KEY", "PINYIN_KEY", "PHONE", "PHONE_KEY", "PHONE_TAIL", "EMAIL",
                    "EMAIL_KEY", "ID_NUMBER", "TAX_ID", "MEMBER_CARD", "NOTES", "BIRTHDAY")),
            Map.entry("CONTACT", Set.of("NAME", "PHONE", "PHONE_KEY", "EMAIL", "BIRTHDAY")),
            Map.entry("ADDRESS", Set.of("STREET", "POSTAL_CODE")),
            Map.entry("CONTACT_POINT", Set.of("VAL", "LABEL", "LOOKUP_KEY")),
            Map.entry("INTERACTION", Set.of("SUBJECT", "NOTES")),
            Map.entry("SALES_LEAD", Set.of("PERSON_NAME", "NAME_KEY", "PINYIN_KEY", "PHONE", "PHONE_KEY", "EMAIL",
                    "EMAIL_KEY", "NOTES")),
            Map.entry("SALES_ORDER", Set.of("SHIP_TO", "NOTES")), Map.entry("QUOTE", Set.of("NOTES")),
            Map.entry("OPPORTUNITY", Set.of("NEXT_STEP")), Map.entry("OBJECTION", Set.of("STATEMENT", "RESPONSE")),
            Map.entry("ACTIVITY", Set.of("SUBJECT", "LOCATION", "PARTICIPANTS", "OUTCOME", "NOTES")),
            Map.entry("SERVICE_CASE", Set.of("SUBJECT", "DESCRIPTION", "ANSWER")), Map.entry("CASE_NOTE", Set.of("BODY")),
            Map.entry("COMPLAINT", Set.of("COMPENSATION_NOTE", "VERDICT_COMMENT")),
            Map.entry("SURVEY_RESPONSE", Set.of("COMMENT_TEXT")), Map.entry("SURVEY_INVITATION", Set.of("EMAIL")),
            Map.entry("CALL_LOG", Set.of("PHONE", "NOTE")), Map.entry("CALL_LIST_ENTRY", Set.of("PHONE")),
            Map.entry("CAMPAIGN_RECIPIENT", Set.of("EMAIL")), Map.entry("CAMPAIGN_RESPONSE", Set.of("NOTES")),
            Map.entry("TASK", Set.of("TITLE", "NOTES")), Map.entry("POINTS_LEDGER", Set.of("NOTE")),
            Map.entry("POINTS_REQUEST", Set.of("NOTE", "DECISION_NOTE")), Map.entry("WIN_BACK", Set.of("NOTE")),
            Map.entry("ACCOUNT_PLAN", Set.of("OBJECTIVES", "STRATEGY")),
            Map.entry("ACCOUNT_REVIEW", Set.of("FINDINGS", "NEXT_STEPS")), Map.entry("VALUE_SHEET", Set.of("NOTES")),
            Map.entry("CUSTOMER_MERGE", Set.of("MERGED_NAME", "SURVIVOR_BEFORE", "MERGED_ROW")),
            Map.entry("CUSTOMER_MERGE_ROW", Set.of("SNAPSHOT")));

    /** Rows that exist only because of the person: a greeting's date, an opt-out of their address. */
    private static final Set<String> REMOVED = Set.of("KEY_DATE", "EMAIL_SUPPRESSION");

    /** The columns whose values identify the person, collected before they are emptied. */
    private static final Map<String, Set<String>> IDENTIFYING = Map.of(
            "CUSTOMER", Set.of("NAME", "PHONE", "PHONE_KEY", "EMAIL", "EMAIL_KEY", "ID_NUMBER", "TAX_ID", "MEMBER_CARD"),
            "CONTACT", Set.of("NAME", "PHONE", "PHONE_KEY", "EMAIL"), "CONTACT_POINT", Set.of("VAL", "LOOKUP_KEY"),
            "ADDRESS", Set.of("STREET"), "SALES_LEAD", Set.of("PERSON_NAME", "PHONE", "PHONE_KEY", "EMAIL", "EMAIL_KEY"),
            "CALL_LOG", Set.of("PHONE"), "SALES_ORDER", Set.of("SHIP_TO"));

    /**
     * Where people are kept: a value that another customer's, contact's or lead's data also contains (a shared family
     * phone, a common name) is replaced only in the person's own rows.
     */
    private static final Map<String, List<String>> PEOPLE = Map.of(
            "CUSTOMER", List.of("NAME", "PHONE", "EMAIL", "ID_NUMBER", "TAX_ID", "MEMBER_CARD"),
            "CONTACT", List.of("NAME", "PHONE", "EMAIL"), "SALES_LEAD", List.of("PERSON_NAME", "PHONE", "EMAIL"),
            "CONTACT_POINT", List.of("VAL"));

    /** The trails' entries that hold a former value of the person's: by entity and field (services' or columns' names). */
    private static final Set<String> TRAIL_ENTITIES = Set.of("Customer", "Contact", "ContactPoint", "Address", "Lead");
    private static final Set<String> TRAIL_FIELDS = Set.of("name", "phone", "email", "idNumber", "id_number", "taxId",
            "tax_id", "memberCard", "member_card", "street", "val", "value", "personName", "person_name");

    /** Shorter values (a two-digit label, an extension) would match inside unrelated text. */
    private static final int SHORTEST = 5;

    /** A row found about the person: its table, its primary key, its values. */
    record Row(String table, String keyColumn, Object key, Map<String, Object> values) {
    }

    /** The values that identify the person: everywhere (they name no one else), and in the person's own rows. */
    record Terms(Set<String> everywhere, Set<String> own) {
    }

    private final Connection c;
    private final boolean postgres;
    private final Set<String> touched = new LinkedHashSet<>();
    private int rows;

    PersonalDataEraser(Connection c) throws SQLException {
        this.c = c;
        this.postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    /** A team database (PostgreSQL), whose trails only their owner changes. */
    boolean teamDatabase() {
        return postgres;
    }

    /**
     * After the erasure has committed, an embedded database rewrites the tables it changed, so that the erased values
     * are not left in free space on their pages; the checkpoint lets it drop the transaction log that held them.
     */
    static void compact(Connection c, Set<String> tables) throws SQLException {
        if (!"Apache Derby".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        for (String table : tables) {
            try (java.sql.CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE(?, ?, 1)")) {
                cs.setString(1, c.getSchema());
                cs.setString(2, table);
                cs.execute();
            }
        }
        try (java.sql.CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()")) {
            cs.execute();
        }
    }

    /** The tables changed so far (for a Derby compression afterwards). */
    Set<String> touched() {
        return touched;
    }

    int rows() {
        return rows;
    }

    /** The identifiers in the person's rows; those that another person's data contains count as the person's own. */
    Terms terms(Collection<Row> found, Collection<Row> trails) throws SQLException {
        Set<String> everywhere = new LinkedHashSet<>();
        Set<String> own = new LinkedHashSet<>();
        Set<Object> ownKeys = new LinkedHashSet<>();
        for (Row r : found) {
            ownKeys.add(r.table() + "#" + r.key());
        }
        Map<String, Boolean> values = new LinkedHashMap<>(); // value → whether it is a name
        for (Row r : found) {
            for (String column : IDENTIFYING.getOrDefault(r.table(), Set.of())) {
                if (r.values().get(column) instanceof String v) {
                    values.merge(v.strip(), column.contains("NAME"), Boolean::logicalOr);
                }
            }
        }
        // former names and numbers, as the trails kept them
        for (Row r : trails) {
            if (TRAIL_ENTITIES.contains(r.values().get("ENTITY")) && r.values().get("FIELD") instanceof String field
                    && TRAIL_FIELDS.contains(field)) {
                for (String column : List.of("OLD_VALUE", "NEW_VALUE")) {
                    if (r.values().get(column) instanceof String v) {
                        values.merge(v.strip(), field.toLowerCase(Locale.ROOT).contains("name"), Boolean::logicalOr);
                    }
                }
            }
        }
        for (Map.Entry<String, Boolean> e : values.entrySet()) {
            String v = e.getKey();
            if (v.length() < 2 || ERASED.equals(v)) {
                continue;
            }
            if (v.length() < SHORTEST && !e.getValue() || shared(v, ownKeys)) {
                own.add(v);
            } else {
                everywhere.add(v);
            }
        }
        own.removeAll(everywhere);
        return new Terms(everywhere, own);
    }

    /** Whether a customer, contact or lead that is not the person's holds {@code value} in one of its fields. */
    private boolean shared(String value, Set<Object> ownKeys) throws SQLException {
        for (Map.Entry<String, List<String>> e : PEOPLE.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM " + e.getKey() + " WHERE "
                    + String.join(" OR ", e.getValue().stream().map(col -> col + " LIKE ? ESCAPE '!'").toList()))) {
                for (int i = 1; i <= e.getValue().size(); i++) {
                    ps.setString(i, like(value));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!ownKeys.contains(e.getKey() + "#" + rs.getObject(1))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Pass 1: the person's rows lose their personal columns and every identifier in their other texts. */
    void eraseOwn(Collection<Row> found, Terms terms) throws SQLException {
        Set<String> all = new LinkedHashSet<>(terms.everywhere());
        all.addAll(terms.own());
        for (Row r : found) {
            if (r.keyColumn() == null) {
                continue;
            }
            if (REMOVED.contains(r.table())) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + r.table() + " WHERE " + r.keyColumn() + " = ?")) {
                    ps.setObject(1, r.key());
                    count(r.table(), ps.executeUpdate());
                }
                continue;
            }
            Set<String> personal = PERSONAL.getOrDefault(r.table(), Set.of());
            Map<String, Object> changes = new LinkedHashMap<>();
            for (Map.Entry<String, Object> v : r.values().entrySet()) {
                if (v.getValue() == null || v.getKey().equals(r.keyColumn())) {
                    continue;
                }
                if (personal.contains(v.getKey())) {
                    changes.put(v.getKey(), ERASED);
                } else if (v.getValue() instanceof String text) {
                    String cleaned = replace(text, all);
                    if (!cleaned.equals(text)) {
                        changes.put(v.getKey(), cleaned);
                    }
                }
            }
            update(r.table(), r.keyColumn(), r.key(), changes);
        }
    }

    /** Sets the columns, each to null where it may be empty and is not a cleaned text. */
    private void update(String table, String keyColumn, Object key, Map<String, Object> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Column> described = columns(table);
        List<String> columns = new ArrayList<>(changes.keySet());
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET "
                + String.join(", ", columns.stream().map(col -> col + " = ?").toList()) + " WHERE " + keyColumn + " = ?")) {
            for (int i = 0; i < columns.size(); i++) {
                Object v = changes.get(columns.get(i));
                Column column = described.get(columns.get(i));
                if (ERASED.equals(v) && column != null && column.nullable()) {
                    ps.setNull(i + 1, column.type());
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.setObject(columns.size() + 1, key);
            count(table, ps.executeUpdate());
        }
    }

    /**
     * Pass 2: every text column of every table the connection may change, the trails of a team database excepted
     * (they are the owner's; {@link #eraseTrails} asks the database to clean them).
     */
    void eraseEverywhere(Set<String> terms) throws SQLException {
        if (terms.isEmpty()) {
            return;
        }
        for (String table : tables()) {
            if (postgres && (table.equals("AUDIT_LOG") || table.equals("DATA_CHANGE") || !mayUpdate(table))) {
                continue;
            }
            String key = primaryKey(table);
            if (key == null) {
                continue;
            }
            for (String column : textColumns(table)) {
                String where = String.join(" OR ", terms.stream().map(t -> column + " LIKE ? ESCAPE '!'").toList());
                Map<Object, String> hits = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", " + column + " FROM " + table + " WHERE " + where)) {
                    int i = 1;
                    for (String t : terms) {
                        ps.setString(i++, like(t));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            hits.put(rs.getObject(1), text(rs.getObject(2)));
                        }
                    }
                }
                for (Map.Entry<Object, String> hit : hits.entrySet()) {
                    update(table, key, hit.getKey(), Map.of(column, replace(hit.getValue(), terms)));
                }
            }
        }
    }

    /**
     * The team database's trails, which nobody but their owner may change: {@code gx_erase_trail} replaces there only
     * values this transaction has just erased from the data (so it cannot be used to rewrite history), everywhere or
     * in the entries about the person's rows, and records the erasure and its reason in the trail.
     */
    void eraseTrails(long customerId, String reason, Terms terms, Collection<Row> found) throws SQLException {
        if (!postgres) {
            return;
        }
        List<String> entities = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Row r : found) {
            String entity = PrivacyServiceImpl.entity(r.table());
            if (entity != null && r.key() instanceof Number n) {
                entities.add(entity);
                ids.add(n.longValue());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT gx_erase_trail(?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, customerId);
            ps.setString(2, reason);
            ps.setArray(3, c.createArrayOf("text", terms.everywhere().toArray()));
            ps.setArray(4, c.createArrayOf("text", terms.own().toArray()));
            ps.setArray(5, c.createArrayOf("text", entities.toArray()));
            ps.setArray(6, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows += rs.getInt(1);
            }
        }
    }

    private void count(String table, int n) {
        if (n > 0) {
            touched.add(table);
            rows += n;
        }
    }

    /** Every occurrence of every term, longest first (a phone before its tail). */
    static String replace(String text, Collection<String> terms) {
        String out = text;
        for (String t : terms.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            out = out.replace(t, ERASED);
        }
        return out;
    }

    private static String like(String term) {
        return "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String text(Object v) throws SQLException {
        return v instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : v == null ? null : v.toString();
    }

    private List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, schema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    private String schema() throws SQLException {
        return postgres ? "public" : c.getSchema();
    }

    private String name(String table) {
        return postgres ? table.toLowerCase(Locale.ROOT) : table;
    }

    private boolean mayUpdate(String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT has_table_privilege(?, 'UPDATE')")) {
            ps.setString(1, name(table));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    String primaryKey(String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, schema(), name(table))) {
            while (rs.next()) {
                keys.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return keys.size() == 1 ? keys.get(0) : null;
    }

    /** A column as the metadata describes it. */
    private record Column(int type, boolean nullable) {
        boolean text() {
            return type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB || type == Types.LONGVARCHAR;
        }
    }

    /** Each table's columns, read from the metadata once. */
    private final Map<String, Map<String, Column>> columns = new LinkedHashMap<>();

    private List<String> textColumns(String table) throws SQLException {
        return columns(table).entrySet().stream().filter(e -> e.getValue().text()).map(Map.Entry::getKey).toList();
    }

    private Map<String, Column> columns(String table) throws SQLException {
        Map<String, Column> known = columns.get(table);
        if (known != null) {
            return known;
        }
        Map<String, Column> read = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, schema(), name(table), "%")) {
            while (rs.next()) {
                read.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT),
                        new Column(rs.getInt("DATA_TYPE"), rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable));
            }
        }
        columns.put(table, read);
        return read;
    }
}
