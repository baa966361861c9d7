package org.guanxi.customer.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.db.ConsentLedger;
import org.guanxi.core.model.Consent;
import org.guanxi.core.model.ConsentSource;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.CustomerMergeService;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.guanxi.core.event.Events;
import org.guanxi.customer.quality.Rows.Reference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/**
 * Merges in plain JDBC, in one transaction: the foreign keys that point at CUSTOMER are read from the database, so
 * every referring row is found, also in tables added by later modules. What the merge did is written to
 * CUSTOMER_MERGE / CUSTOMER_MERGE_ROW, which is all an undo needs.
 */
@Component(service = CustomerMergeService.class)
public class CustomerMergeServiceImpl implements CustomerMergeService {

    /** Field name → CUSTOMER column; the search keys derived from a column follow it. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("name", "NAME"), Map.entry("phone", "PHONE"),
            Map.entry("email", "EMAIL"), Map.entry("memberCard", "MEMBER_CARD"), Map.entry("taxId", "TAX_ID"),
            Map.entry("idNumber", "ID_NUMBER"), Map.entry("city", "CITY"), Map.entry("birthday", "BIRTHDAY"),
            Map.entry("source", "SOURCE"), Map.entry("owner", "OWNER_LOGIN"), Map.entry("notes", "NOTES"));
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * Rows that name a customer without a foreign key: a customer's delivered-value worksheet is keyed by scope and
     * key, since its other scopes are segments. (Value-analysis results stay with the customer they were computed for.)
     */
    private static final List<Reference> SOFT_REFERENCES = List.of(new Reference("VALUE_SHEET", "SCOPE_KEY", "ID", "SCOPE_KIND = 'CUSTOMER'", true));

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @org.osgi.service.component.annotations.Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public CustomerMergeServiceImpl(@org.osgi.service.component.annotations.Reference Database db,
            @org.osgi.service.component.annotations.Reference SecurityService security,
            @org.osgi.service.component.annotations.Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Merge merge(long survivorId, long survivorVersion, long mergedId, long mergedVersion, Set<String> takeFromMerged) {
        security.check(Permission.CUSTOMER_WRITE);
        if (survivorId == mergedId) {
            throw new ValidationException(List.of(new FieldError("id", "error.mergeSelf")));
        }
        for (String f : takeFromMerged) {
            if (!COLUMNS.containsKey(f)) {
                throw new IllegalArgumentException("not a mergeable field: " + f);
            }
        }
        long mergeId = db.jdbcTransaction(c -> {
            String survivorRow = current(c, survivorId, survivorVersion);
            String mergedRow = current(c, mergedId, mergedVersion);
            Properties survivor = Rows.parse(survivorRow);
            Properties merged = Rows.parse(mergedRow);
            Map<Consent, Boolean> survivorConsent = consents(c, survivorId);
            Map<Consent, Boolean> mergedConsent = consents(c, mergedId);
            long id = record(c, survivorId, mergedId, merged, survivorRow, mergedRow);
            for (Reference ref : references(c)) {
                move(c, id, ref, mergedId, survivorId);
            }
            keepContactPoints(c, id, survivorId, survivor, merged, takeFromMerged);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM CUSTOMER WHERE ID = ?")) {
                ps.setLong(1, mergedId);
                ps.executeUpdate();
            }
            Properties after = new Properties();
            after.putAll(survivor);
            for (String f : takeFromMerged) {
                String column = COLUMNS.get(f);
                String v = merged.getProperty(column);
                if (v == null) {
                    after.remove(column);
                } else {
                    after.setProperty(column, v);
                }
            }
            writeCustomer(c, survivorId, after);
            long version = keepStricterConsent(c, survivorId, survivorConsent, mergedConsent, merged.getProperty("CODE"));
            try (PreparedStatement ps = c.prepareStatement("UPDATE CUSTOMER_MERGE SET SURVIVOR_VERSION = ? WHERE ID = ?")) {
                ps.setLong(1, version);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            audit(c, survivorId, "MERGE", "mergedFrom", null, merged.getProperty("CODE") + " " + merged.getProperty("NAME"));
            for (String f : takeFromMerged) {
                String column = COLUMNS.get(f);
                if (!Objects.equals(survivor.getProperty(column), after.getProperty(column))) {
                    audit(c, survivorId, "UPDATE", f, survivor.getProperty(column), after.getProperty(column));
                }
            }
            audit(c, mergedId, "MERGE", "mergedInto", null, survivor.getProperty("CODE") + " " + survivor.getProperty("NAME"));
            return id;
        });
        Events.post(events, Topics.CUSTOMER_DELETED, mergedId);
        Events.post(events, Topics.CUSTOMER_CHANGED, survivorId);
        return pending().stream().filter(m -> m.id() == mergeId).findFirst().orElseThrow();
    }

    @Override
    public void undo(long mergeId) {
        security.check(Permission.CUSTOMER_WRITE);
        long[] ids = db.jdbcTransaction(c -> {
            long survivorId;
            long mergedId;
            long version;
            String survivorBefore;
            String mergedRow;
            decide(c, mergeId, State.UNDONE);
            try (PreparedStatement ps = c.prepareStatement("SELECT SURVIVOR_ID, MERGED_ID, SURVIVOR_VERSION, SURVIVOR_BEFORE, MERGED_ROW "
                    + "FROM CUSTOMER_MERGE WHERE ID = ?")) {
                ps.setLong(1, mergeId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    survivorId = rs.getLong(1);
                    mergedId = rs.getLong(2);
                    version = rs.getLong(3);
                    survivorBefore = rs.getString(4);
                    mergedRow = rs.getString(5);
                }
            }
            // an edit of the survivor after the merge would be lost by putting its old data back
            current(c, survivorId, version);
            Rows.restore(c, "CUSTOMER", mergedRow);
            List<Reference> refs = references(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT TABLE_NAME, COLUMN_NAME, ROW_ID, ACTION, SNAPSHOT FROM CUSTOMER_MERGE_ROW WHERE MERGE_ID = ?")) {
                ps.setLong(1, mergeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String table = rs.getString(1);
                        String column = rs.getString(2);
                        long rowId = rs.getLong(3);
                        String idColumn = refs.stream().filter(r -> r.table().equals(table)).map(Reference::idColumn).findFirst()
                                .orElseThrow(() -> new SQLException("table " + table + " no longer refers to customers"));
                        switch (rs.getString(4)) {
                        case "MOVED" -> update(c, "UPDATE " + table + " SET " + column + " = ? WHERE " + idColumn + " = ?", mergedId, rowId);
                        case "ADDED" -> update(c, "DELETE FROM " + table + " WHERE " + idColumn + " = ?", rowId);
                        case "REMOVED" -> Rows.restore(c, table, rs.getString(5));
                        default -> throw new SQLException("unknown merge action " + rs.getString(4));
                        }
                    }
                }
            }
            writeCustomer(c, survivorId, Rows.parse(survivorBefore));
            audit(c, survivorId, "UNMERGE", "mergedFrom", Rows.parse(mergedRow).getProperty("CODE"), null);
            audit(c, mergedId, "UNMERGE", "mergedInto", Rows.parse(survivorBefore).getProperty("CODE"), null);
            return new long[] { survivorId, mergedId };
        });
        Events.post(events, Topics.CUSTOMER_CHANGED, ids[0]);
        Events.post(events, Topics.CUSTOMER_CHANGED, ids[1]);
    }

    @Override
    public void confirm(long mergeId) {
        security.check(Permission.CUSTOMER_WRITE);
        db.jdbcTransaction(c -> {
            decide(c, mergeId, State.CONFIRMED);
            // the moved and added rows need no record any more; set-aside rows stay, with the customers' data in the merge row
            update(c, "DELETE FROM CUSTOMER_MERGE_ROW WHERE MERGE_ID = ? AND ACTION <> 'REMOVED'", mergeId);
            try (PreparedStatement ps = c.prepareStatement("SELECT SURVIVOR_ID, MERGED_ROW FROM CUSTOMER_MERGE WHERE ID = ?")) {
                ps.setLong(1, mergeId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    audit(c, rs.getLong(1), "UPDATE", "mergeConfirmed", null, Rows.parse(rs.getString(2)).getProperty("CODE"));
                }
            }
            return mergeId;
        });
    }

    @Override
    public List<Merge> pending() {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            Map<Long, Map<String, Integer>> moved = new LinkedHashMap<>();
            Map<Long, Map<String, Integer>> removed = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT r.MERGE_ID, r.TABLE_NAME, r.ACTION, COUNT(*) "
                    + "FROM CUSTOMER_MERGE_ROW r JOIN CUSTOMER_MERGE m ON m.ID = r.MERGE_ID WHERE m.STATE = 'PENDING' "
                    + "AND r.ACTION IN ('MOVED', 'REMOVED') GROUP BY r.MERGE_ID, r.TABLE_NAME, r.ACTION ORDER BY r.MERGE_ID, r.TABLE_NAME")) {
                while (rs.next()) {
                    (rs.getString(3).equals("MOVED") ? moved : removed).computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getInt(4));
                }
            }
            List<Merge> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID, SURVIVOR_ID, MERGED_ID, MERGED_CODE, "
                    + "MERGED_NAME, STATE, MERGED_AT, USER_LOGIN FROM CUSTOMER_MERGE WHERE STATE = 'PENDING' ORDER BY ID DESC")) {
                while (rs.next()) {
                    out.add(new Merge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            State.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getString(8),
                            moved.getOrDefault(rs.getLong(1), Map.of()), removed.getOrDefault(rs.getLong(1), Map.of())));
                }
            }
            return out;
        });
    }

    // ---- steps

    /** Every column that names a customer: the declared foreign keys and {@link #SOFT_REFERENCES}. */
    private static List<Reference> references(Connection c) throws SQLException {
        List<Reference> out = new ArrayList<>(Rows.referencesTo(c, "CUSTOMER"));
        out.addAll(SOFT_REFERENCES);
        return out;
    }

    /**
     * The customer row as text, if it still has the version the user saw. The no-op update takes the row's write lock
     * until commit (a FOR UPDATE cursor's lock ends with the cursor at read-committed), so no save slips in between.
     */
    private static String current(Connection c, long id, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CUSTOMER SET VERSION = VERSION WHERE ID = ? AND VERSION = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, version);
            if (ps.executeUpdate() != 1) {
                throw new ConflictException(null);
            }
        }
        return Rows.snapshot(c, "CUSTOMER", "ID", id);
    }

    private long record(Connection c, long survivorId, long mergedId, Properties merged, String survivorRow, String mergedRow)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER_MERGE (SURVIVOR_ID, MERGED_ID, MERGED_CODE, MERGED_NAME, "
                + "STATE, MERGED_AT, USER_LOGIN, SURVIVOR_VERSION, SURVIVOR_BEFORE, MERGED_ROW) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, survivorId);
            ps.setLong(2, mergedId);
            ps.setString(3, merged.getProperty("CODE"));
            ps.setString(4, merged.getProperty("NAME"));
            ps.setString(5, State.PENDING.name());
            ps.setTimestamp(6, Timestamp.from(AppClock.now()));
            ps.setString(7, security.currentUser());
            ps.setString(8, survivorRow);
            ps.setString(9, mergedRow);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Re-points the duplicate's rows of one referring table in one statement. Where the survivor already has a row in
     * the same form (a unique key such as one care task per customer, occasion and day, or one account plan), the rows
     * go one by one and the clashing ones are set aside as snapshots (REMOVED), shown with the merge and kept.
     */
    private static void move(Connection c, long mergeId, Reference ref, long from, long to) throws SQLException {
        List<Long> rows = new ArrayList<>();
        String idColumn = ref.idColumn() == null ? ref.column() : ref.idColumn();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + idColumn + " FROM " + ref.table() + " WHERE " + ref.where())) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        if (ref.idColumn() == null) {
            throw new SQLException("Table " + ref.table() + " refers to customers but has no single-column primary key, so this "
                    + "merge could not be undone; it was not done");
        }
        Savepoint bulk = c.setSavepoint();
        try {
            update(c, "UPDATE " + ref.table() + " SET " + ref.column() + " = ? WHERE " + ref.where(), to, from);
            c.releaseSavepoint(bulk);
            log(c, mergeId, ref, rows, "MOVED");
            return;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(bulk);
        }
        String update = "UPDATE " + ref.table() + " SET " + ref.column() + " = ? WHERE " + ref.idColumn() + " = ?";
        List<Long> moved = new ArrayList<>();
        for (long row : rows) {
            Savepoint before = c.setSavepoint();
            try {
                update(c, update, to, row);
                c.releaseSavepoint(before);
                moved.add(row);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback(before);
                String snapshot = Rows.snapshot(c, ref.table(), ref.idColumn(), row);
                update(c, "DELETE FROM " + ref.table() + " WHERE " + ref.idColumn() + " = ?", row);
                log(c, mergeId, ref, row, "REMOVED", snapshot);
            }
        }
        log(c, mergeId, ref, moved, "MOVED");
    }

    /** Phones and e-mails that lose their place in the master data stay with the survivor as further contact points. */
    private static void keepContactPoints(Connection c, long mergeId, long survivorId, Properties survivor, Properties merged,
            Set<String> takeFromMerged) throws SQLException {
        IdBlock ids = new IdBlock(c);
        Reference points = new Reference("CONTACT_POINT", "CUSTOMER_ID", "ID");
        for (String field : List.of("phone", "email")) {
            String column = COLUMNS.get(field);
            String losing = takeFromMerged.contains(field) ? survivor.getProperty(column) : merged.getProperty(column);
            String winning = takeFromMerged.contains(field) ? merged.getProperty(column) : survivor.getProperty(column);
            String key = losing == null ? null : field.equals("phone") ? SearchKeys.phoneKey(losing) : SearchKeys.emailKey(losing);
            String winningKey = winning == null ? null : field.equals("phone") ? SearchKeys.phoneKey(winning) : SearchKeys.emailKey(winning);
            if (key == null || key.equals(winningKey) || hasPoint(c, survivorId, key)) {
                continue;
            }
            long id = ids.next();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CONTACT_POINT (ID, VERSION, CUSTOMER_ID, KIND, VAL, LABEL, "
                    + "LOOKUP_KEY) VALUES (?, 1, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, survivorId);
                ps.setString(3, field.equals("phone") ? "PHONE" : "EMAIL");
                ps.setString(4, losing);
                // language-neutral: "came from" the merged customer's code
                ps.setString(5, "\u21D0 " + merged.getProperty("CODE"));
                ps.setString(6, key);
                ps.executeUpdate();
            }
            log(c, mergeId, points, id, "ADDED", null);
        }
    }

    private static boolean hasPoint(Connection c, long customerId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM CONTACT_POINT WHERE CUSTOMER_ID = ? AND LOOKUP_KEY = ?")) {
            ps.setLong(1, customerId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Writes the master-data columns of {@code row} (search keys recomputed) and returns the new version. */
    private static Map<Consent, Boolean> consents(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CONSENT_EMAIL, CONSENT_SMS, CONSENT_PHONE, PERSONALISED FROM CUSTOMER "
                + "WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<Consent, Boolean> m = new java.util.EnumMap<>(Consent.class);
                m.put(Consent.EMAIL, rs.getBoolean(1));
                m.put(Consent.SMS, rs.getBoolean(2));
                m.put(Consent.PHONE, rs.getBoolean(3));
                m.put(Consent.PERSONALISED, rs.getBoolean(4));
                return m;
            }
        }
    }

    /**
     * The same person's two records may answer differently: the stricter answer stands (a withdrawal on either record
     * was the person's word), and the change is a line of the survivor's consent ledger. Undoing the merge keeps it.
     * Returns the survivor's version.
     */
    private long keepStricterConsent(Connection c, long survivorId, Map<Consent, Boolean> survivor, Map<Consent, Boolean> merged,
            String mergedCode) throws SQLException {
        Map<Consent, Boolean> after = new java.util.EnumMap<>(Consent.class);
        survivor.forEach((k, v) -> after.put(k, v && merged.get(k)));
        try (PreparedStatement ps = c.prepareStatement("UPDATE CUSTOMER SET CONSENT_EMAIL = ?, CONSENT_SMS = ?, CONSENT_PHONE = ?, "
                + "PERSONALISED = ? WHERE ID = ?")) {
            ps.setBoolean(1, after.get(Consent.EMAIL));
            ps.setBoolean(2, after.get(Consent.SMS));
            ps.setBoolean(3, after.get(Consent.PHONE));
            ps.setBoolean(4, after.get(Consent.PERSONALISED));
            ps.setLong(5, survivorId);
            ps.executeUpdate();
        }
        ConsentLedger.record(c, survivorId, survivor, after, ConsentSource.MERGE, security.currentUser(), "merge of " + mergedCode);
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION FROM CUSTOMER WHERE ID = ?")) {
            ps.setLong(1, survivorId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long writeCustomer(Connection c, long id, Properties row) throws SQLException {
        List<String> columns = new ArrayList<>(COLUMNS.values());
        StringBuilder sql = new StringBuilder("UPDATE CUSTOMER SET ");
        for (String column : columns) {
            sql.append(column).append(" = ?, ");
        }
        sql.append("NAME_KEY = ?, PINYIN_KEY = ?, PHONE_KEY = ?, PHONE_TAIL = ?, EMAIL_KEY = ?, VERSION = VERSION + 1, UPDATED_AT = ? WHERE ID = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String column : columns) {
                String v = row.getProperty(column);
                int type = column.equals("BIRTHDAY") ? java.sql.Types.DATE : java.sql.Types.VARCHAR;
                if (v == null) {
                    ps.setNull(i++, type);
                } else {
                    // PostgreSQL takes no text for a date: the driver converts it
                    ps.setObject(i++, v, type);
                }
            }
            String name = row.getProperty("NAME");
            ps.setString(i++, SearchKeys.nameKey(name));
            ps.setString(i++, SearchKeys.pinyinKey(name));
            ps.setString(i++, SearchKeys.phoneKey(row.getProperty("PHONE")));
            ps.setString(i++, SearchKeys.phoneTail(SearchKeys.phoneKey(row.getProperty("PHONE"))));
            ps.setString(i++, SearchKeys.emailKey(row.getProperty("EMAIL")));
            ps.setTimestamp(i++, Timestamp.from(AppClock.now()));
            ps.setLong(i, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION FROM CUSTOMER WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Many rows of one action at once, in one batch. */
    private static void log(Connection c, long mergeId, Reference ref, List<Long> rows, String action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER_MERGE_ROW (MERGE_ID, TABLE_NAME, COLUMN_NAME, ROW_ID, "
                + "ACTION) VALUES (?, ?, ?, ?, ?)")) {
            for (long row : rows) {
                ps.setLong(1, mergeId);
                ps.setString(2, ref.table());
                ps.setString(3, ref.column());
                ps.setLong(4, row);
                ps.setString(5, action);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void log(Connection c, long mergeId, Reference ref, long row, String action, String snapshot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER_MERGE_ROW (MERGE_ID, TABLE_NAME, COLUMN_NAME, ROW_ID, "
                + "ACTION, SNAPSHOT) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, mergeId);
            ps.setString(2, ref.table());
            ps.setString(3, ref.column());
            ps.setLong(4, row);
            ps.setString(5, action);
            ps.setString(6, snapshot);
            ps.executeUpdate();
        }
    }

    private void audit(Connection c, long customerId, String action, String field, String before, String after) throws SQLException {
        audit.event(c, "Customer", customerId, AuditEntry.Action.valueOf(action), field, before, after);
    }

    /**
     * Ends a pending merge. The conditional update is the check and the lock in one: a second undo or confirm of the
     * same merge finds it no longer pending and is refused, even if both started at the same time.
     */
    private static void decide(Connection c, long mergeId, State state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CUSTOMER_MERGE SET STATE = ?, DECIDED_AT = ? WHERE ID = ? AND STATE = ?")) {
            ps.setString(1, state.name());
            ps.setTimestamp(2, Timestamp.from(AppClock.now()));
            ps.setLong(3, mergeId);
            ps.setString(4, State.PENDING.name());
            if (ps.executeUpdate() != 1) {
                throw new ConflictException(null);
            }
        }
    }

    private static void update(Connection c, String sql, long... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setLong(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
