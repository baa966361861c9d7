package org.guanxi.customer.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guanxi.core.AppClock;
import org.guanxi.core.DataFolder;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.db.AppSettings;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ExportLog;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.PrivacyService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.customer.quality.Rows;
import org.guanxi.customer.quality.Rows.Reference;
import org.guanxi.tables.TableWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A person's data found the way the merge finds it: through the foreign keys declared in the database, from the
 * customer to the rows that refer to it and on to the rows that refer to those, so a table added by any module is
 * included without a change here. The audit trail keeps no foreign keys; its entries are found by the entities whose
 * rows were found.
 */
@Component(service = PrivacyService.class)
public class PrivacyServiceImpl implements PrivacyService {

    /** Customer → orders → lines is two steps; a third reaches what refers to those (a delivery's lines). */
    private static final int DEPTH = 3;
    private static final int CHUNK = 500;

    /** Tables and the audit trail's entity of their rows (the services name entities, not tables). */
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("CUSTOMER", "Customer"),
            Map.entry("CONTACT", "Contact"), Map.entry("ADDRESS", "Address"), Map.entry("CONTACT_POINT", "ContactPoint"),
            Map.entry("KEY_DATE", "KeyDate"), Map.entry("INTERACTION", "Interaction"), Map.entry("SALES_LEAD", "Lead"),
            Map.entry("OPPORTUNITY", "Opportunity"), Map.entry("QUOTE", "Quote"), Map.entry("SALES_ORDER", "SalesOrder"),
            Map.entry("INVOICE", "Invoice"), Map.entry("PAYMENT", "Payment"), Map.entry("SALES_CONTRACT", "Contract"),
            Map.entry("ACTIVITY", "Activity"), Map.entry("SERVICE_CASE", "ServiceCase"), Map.entry("CASE_NOTE", "CaseNote"),
            Map.entry("COMPLAINT", "Complaint"), Map.entry("POINTS_LEDGER", "PointsLedger"),
            Map.entry("POINTS_REQUEST", "PointsRequest"), Map.entry("CALL_LOG", "Call"),
            Map.entry("SURVEY_RESPONSE", "SurveyResponse"), Map.entry("SURVEY_INVITATION", "SurveyInvitation"),
            Map.entry("ACCOUNT_TEAM", "AccountTeam"), Map.entry("ACCOUNT_REVIEW", "AccountReview"), Map.entry("TASK", "Task"),
            Map.entry("CONSENT_EVENT", "ConsentEvent"));

    /**
     * Rows that name the customer without a foreign key: the value analysis's results (kept per run), the delivered
     * value worksheet (keyed by scope), and an opt-out of the customer's e-mail address.
     */
    private static final List<Reference> SOFT = List.of(new Reference("CUSTOMER_VALUE", "CUSTOMER_ID", null),
            new Reference("VALUE_SHEET", "SCOPE_KEY", "ID", "SCOPE_KIND = 'CUSTOMER'", true));

    private final Database db;
    private final SecurityService security;
    private final ExportLog exports;
    private final AuditLog audit;
    /** Where the erasure looks for files that name the person. */
    private final Path dataFolder;

    @Activate
    public PrivacyServiceImpl(@org.osgi.service.component.annotations.Reference Database db,
            @org.osgi.service.component.annotations.Reference SecurityService security,
            @org.osgi.service.component.annotations.Reference ExportLog exports,
            @org.osgi.service.component.annotations.Reference AuditLog audit) {
        this(db, security, exports, audit, GuanxiHome.dir());
    }

    /** A service whose erasure looks for files in {@code dataFolder} (tests). */
    public PrivacyServiceImpl(Database db, SecurityService security, ExportLog exports, AuditLog audit, Path dataFolder) {
        this.db = db;
        this.security = security;
        this.exports = exports;
        this.audit = audit;
        this.dataFolder = dataFolder;
    }

    /** The audit trail's entity of a table's rows, or null. */
    static String entity(String table) {
        return ENTITIES.get(table);
    }

    /** The rows of one table, in the order found, each a column → value map. */
    private record Table(String name, List<String> columns, Map<Object, Map<String, Object>> rows) {
    }

    @Override
    public Export export(String customerCode, Path folder) {
        security.check(Permission.PRIVACY_ADMIN);
        exports.check();
        return db.jdbc(c -> {
            Long id = customerId(c, customerCode);
            if (id == null) {
                throw new NotFoundException("Customer", customerCode);
            }
            Map<String, Table> found = collect(c, id);
            List<Table> audit = auditTrails(c, found);
            String base = customerCode.replaceAll("[^A-Za-z0-9_-]", "_") + "-personal-data";
            Path json = folder.resolve(base + ".json");
            Path workbook = folder.resolve(base + ".xlsx");
            try {
                Files.createDirectories(folder);
                // a person's data, whole: for the owner of the files only
                DataFolder.ownerOnlyFile(json);
                DataFolder.ownerOnlyFile(workbook);
                writeJson(json, customerCode, found, audit);
                writeWorkbook(workbook, found, audit);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + folder + ": " + e.getMessage(), e);
            }
            int rows = java.util.stream.Stream.concat(found.values().stream(), audit.stream()).mapToInt(t -> t.rows().size()).sum();
            String what = "personal data of " + customerCode + " (PIPL Art. 45)";
            exports.record(what, rows, json);
            exports.record(what, rows, workbook);
            return new Export(json, workbook, found.size() + audit.size(), rows);
        });
    }

    @Override
    public Erasure erase(String customerCode, String reason) {
        security.check(Permission.PRIVACY_ADMIN);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An erasure needs its reason (PIPL Art. 47)");
        }
        return finish(List.of(anonymise(customerCode, reason)), List.of(customerCode));
    }

    @Override
    public List<Due> due(int months) {
        security.check(Permission.PRIVACY_ADMIN);
        LocalDate cutoff = cutoff(months);
        return db.jdbc(c -> RetentionRule.due(c, cutoff));
    }

    @Override
    public Erasure applyRetention(int months) {
        List<Due> due = due(months);
        String reason = "Retention period of " + months + " months after the last activity expired (PIPL Art. 19)";
        List<Done> done = new ArrayList<>();
        for (Due d : due) {
            done.add(anonymise(d.code(), reason));
        }
        return finish(done, due.stream().map(Due::code).toList());
    }

    @Override
    public int expired(Kind kind, int months) {
        security.check(Permission.PRIVACY_ADMIN);
        LocalDate cutoff = cutoff(months);
        return db.jdbc(c -> RecordRetention.due(c, kind, cutoff));
    }

    @Override
    public int expire(Kind kind, int months) {
        security.check(Permission.PRIVACY_ADMIN);
        LocalDate cutoff = cutoff(months);
        return db.jdbcTransaction(c -> {
            int n = RecordRetention.apply(c, kind, cutoff, "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
            if (n > 0) {
                audit.record(c, "Retention", 0, Map.of(), Map.of("kind", kind.name(), "months", months, "records", n));
            }
            return n;
        });
    }

    /** Settings of the daily retention rules: months per kind, empty when off. */
    static final String RULES = "retention.";

    @Override
    public RetentionRules retentionRules() {
        Map<String, String> s = db.jdbc(c -> AppSettings.read(c, RULES));
        return new RetentionRules(months(s.get("customers")), months(s.get("leads")), months(s.get("calls")));
    }

    private static Integer months(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }

    @Override
    public void saveRetentionRules(RetentionRules rules) {
        security.check(Permission.PRIVACY_ADMIN);
        for (Integer m : java.util.Arrays.asList(rules.customerMonths(), rules.leadMonths(), rules.callMonths())) {
            if (m != null) {
                cutoff(m);
            }
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("customers", rules.customerMonths() == null ? "" : rules.customerMonths());
        values.put("leads", rules.leadMonths() == null ? "" : rules.leadMonths());
        values.put("calls", rules.callMonths() == null ? "" : rules.callMonths());
        db.jdbcTransaction(c -> {
            AppSettings.write(c, audit, "RetentionRules", RULES, values, security.currentUser());
            return null;
        });
    }

    private static LocalDate cutoff(int months) {
        if (months < 1) {
            throw new IllegalArgumentException("A retention period is at least one month: " + months);
        }
        return AppClock.today().minusMonths(months);
    }

    /** What one person's erasure changed in the database: rows, tables, and the values that were erased. */
    private record Done(int rows, Set<String> tables, Set<String> terms) {
    }

    /** One person anonymised in the database, in a transaction of its own. */
    private Done anonymise(String customerCode, String reason) {
        return db.jdbcTransaction(c -> {
            Long id = customerId(c, customerCode);
            if (id == null) {
                throw new NotFoundException("Customer", customerCode);
            }
            PersonalDataEraser eraser = new PersonalDataEraser(c);
            Map<String, Table> found = collect(c, id);
            List<PersonalDataEraser.Row> rows = rows(eraser, found.values());
            List<PersonalDataEraser.Row> trails = rows(eraser, auditTrails(c, found));
            PersonalDataEraser.Terms terms = eraser.terms(rows, trails);
            if (!eraser.teamDatabase()) {
                // a team database's trails are the owner's: gx_erase_trail cleans them
                rows.addAll(trails);
            }
            Set<String> all = new LinkedHashSet<>(terms.everywhere());
            all.addAll(terms.own());
            // the reason is kept for good: without the person's name or numbers in it
            String why = PersonalDataEraser.replace(reason.strip(), all);
            eraser.eraseOwn(rows, terms);
            eraser.eraseEverywhere(terms.everywhere());
            eraser.eraseTrails(id, why, terms, rows);
            audit.record(c, "Customer", id, AuditLog.field("erasure", null), AuditLog.field("erasure", "PIPL Art. 47: " + why));
            return new Done(eraser.rows(), eraser.touched(), all);
        });
    }

    /** The data folder's files cleaned of every erased value, and the changed tables compacted, once for all. */
    private Erasure finish(List<Done> done, List<String> codes) {
        Set<String> tables = new LinkedHashSet<>();
        Set<String> terms = new LinkedHashSet<>();
        int rows = 0;
        for (Done d : done) {
            tables.addAll(d.tables());
            terms.addAll(d.terms());
            rows += d.rows();
        }
        int files = FileEraser.erase(dataFolder, terms, codes.stream().map(c -> c.strip() + "-personal-data.").toList());
        db.jdbc(c -> {
            PersonalDataEraser.compact(c, tables);
            return null;
        });
        return new Erasure(done.size(), tables.size(), rows, files);
    }

    /** The tables' rows, each with the table's primary key (the trails' rows are kept by their key). */
    private static List<PersonalDataEraser.Row> rows(PersonalDataEraser eraser, Collection<Table> tables) throws SQLException {
        List<PersonalDataEraser.Row> rows = new ArrayList<>();
        for (Table t : tables) {
            String key = eraser.primaryKey(t.name());
            boolean trail = t.name().equals("AUDIT_LOG") || t.name().equals("DATA_CHANGE");
            for (Map.Entry<Object, Map<String, Object>> r : t.rows().entrySet()) {
                Object k = key == null ? null : trail ? r.getKey() : r.getValue().get(key);
                rows.add(new PersonalDataEraser.Row(t.name(), key, k, r.getValue()));
            }
        }
        return rows;
    }

    private static Long customerId(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CUSTOMER WHERE CODE = ?")) {
            ps.setString(1, code == null ? "" : code.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The customer's row and, breadth first, the rows that refer to rows already found. */
    private static Map<String, Table> collect(Connection c, long customerId) throws SQLException {
        Map<String, Table> found = new LinkedHashMap<>();
        select(c, "CUSTOMER", "ID = ?", "ID", List.of(customerId), found);
        for (Reference soft : SOFT) {
            select(c, soft.table(), soft.where(), soft.idColumn(), List.of(customerId), found);
        }
        Object email = found.get("CUSTOMER").rows().values().iterator().next().get("EMAIL_KEY");
        if (email != null) {
            select(c, "EMAIL_SUPPRESSION", "EMAIL_KEY = ?", null, List.of(email), found);
        }
        record Step(String table, String idColumn, List<Object> ids, int depth) {
        }
        Deque<Step> todo = new ArrayDeque<>();
        todo.add(new Step("CUSTOMER", "ID", List.of(customerId), 0));
        while (!todo.isEmpty()) {
            Step step = todo.poll();
            if (step.depth() == DEPTH || step.ids().isEmpty()) {
                continue;
            }
            for (Reference ref : Rows.referencesTo(c, step.table())) {
                List<Object> added = new ArrayList<>();
                for (int from = 0; from < step.ids().size(); from += CHUNK) {
                    List<Object> chunk = step.ids().subList(from, Math.min(step.ids().size(), from + CHUNK));
                    added.addAll(select(c, ref.table(), ref.column() + " IN (" + String.join(", ", chunk.stream().map(k -> "?").toList())
                            + ")", ref.idColumn(), chunk, found));
                }
                if (ref.idColumn() != null) {
                    todo.add(new Step(ref.table(), ref.idColumn(), added, step.depth() + 1));
                }
            }
        }
        return found;
    }

    /**
     * Adds the rows of {@code table} that meet {@code where} with {@code params}; returns the primary keys of those not
     * found before (a row reached twice, an interaction of the customer and of the customer's case, is kept once).
     */
    private static List<Object> select(Connection c, String table, String where, String idColumn, List<Object> params,
            Map<String, Table> found) throws SQLException {
        List<Object> added = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnName(i).toUpperCase(Locale.ROOT));
                }
                Table t = found.computeIfAbsent(table, n -> new Table(n, columns, new LinkedHashMap<>()));
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.put(columns.get(i - 1), value(rs.getObject(i)));
                    }
                    Object key = idColumn != null ? row.get(idColumn) : row;
                    if (t.rows().putIfAbsent(key, row) == null && idColumn != null) {
                        added.add(rs.getObject(idColumn));
                    }
                }
            }
        }
        return added;
    }

    /**
     * Audit entries about the rows found: by entity and id (an account plan's are under the customer's id). A team
     * database's own trail (DATA_CHANGE, written by triggers, readable by administrators) is included as well.
     */
    private static List<Table> auditTrails(Connection c, Map<String, Table> found) throws SQLException {
        List<Table> out = new ArrayList<>();
        out.add(auditTrail(c, found, "AUDIT_LOG", "USER_LOGIN"));
        if (readable(c, "data_change")) {
            out.add(auditTrail(c, found, "DATA_CHANGE", "DB_USER"));
        }
        return out;
    }

    private static boolean readable(Connection c, String table) throws SQLException {
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL AND has_table_privilege(?, 'SELECT')")) {
            ps.setString(1, table);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static Table auditTrail(Connection c, Map<String, Table> found, String trail, String userColumn) throws SQLException {
        Table audit = new Table(trail, List.of("CHANGED_AT", userColumn, "ENTITY", "ENTITY_ID", "ACTION", "FIELD",
                "OLD_VALUE", "NEW_VALUE"), new LinkedHashMap<>());
        Map<String, Set<Object>> ids = new LinkedHashMap<>();
        found.forEach((table, t) -> {
            String entity = ENTITIES.get(table);
            if (entity != null && t.columns().contains("ID")) {
                t.rows().values().forEach(r -> ids.computeIfAbsent(entity, e -> new LinkedHashSet<>()).add(r.get("ID")));
            }
        });
        Object customer = found.get("CUSTOMER").rows().values().iterator().next().get("ID");
        ids.computeIfAbsent("AccountPlan", e -> new LinkedHashSet<>()).add(customer);
        for (Map.Entry<String, Set<Object>> e : ids.entrySet()) {
            List<Object> keys = new ArrayList<>(e.getValue());
            for (int from = 0; from < keys.size(); from += CHUNK) {
                List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
                try (PreparedStatement ps = c.prepareStatement("SELECT ID, " + String.join(", ", audit.columns())
                        + " FROM " + trail + " WHERE ENTITY = ? AND ENTITY_ID IN (" + String.join(", ", chunk.stream().map(k -> "?").toList())
                        + ") ORDER BY ID")) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setObject(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (int i = 0; i < audit.columns().size(); i++) {
                                row.put(audit.columns().get(i), value(rs.getObject(i + 2)));
                            }
                            audit.rows().put(rs.getLong(1), row);
                        }
                    }
                }
            }
        }
        return audit;
    }

    /** A column's value as the files show it: numbers and booleans as such, times as ISO text, the rest as text. */
    private static Object value(Object v) throws SQLException {
        return switch (v) {
        case null -> null;
        case Number n -> n;
        case Boolean b -> b;
        case Timestamp t -> t.toLocalDateTime().toString();
        case java.sql.Date d -> d.toLocalDate();
        case Clob clob -> clob.getSubString(1, (int) clob.length());
        case byte[] bytes -> java.util.Base64.getEncoder().encodeToString(bytes);
        default -> v.toString();
        };
    }

    private void writeJson(Path file, String code, Map<String, Table> found, List<Table> audit) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("customer", code);
            json.writeStringField("exportedAt", AppClock.now().toString());
            json.writeStringField("exportedBy", security.currentUser());
            json.writeStringField("basis", "PIPL Art. 45");
            json.writeObjectFieldStart("tables");
            for (Table t : found.values()) {
                rows(json, t);
            }
            json.writeEndObject();
            for (Table t : audit) {
                rows(json, t);
            }
            json.writeEndObject();
        }
    }

    private static void rows(JsonGenerator json, Table t) throws IOException {
        json.writeArrayFieldStart(t.name());
        for (Map<String, Object> row : t.rows().values()) {
            json.writeStartObject();
            for (Map.Entry<String, Object> v : row.entrySet()) {
                json.writeFieldName(v.getKey());
                switch (v.getValue()) {
                case null -> json.writeNull();
                case java.math.BigDecimal d -> json.writeNumber(d);
                case Long l -> json.writeNumber(l);
                case Integer i -> json.writeNumber(i);
                case Short s -> json.writeNumber(s);
                case Number n -> json.writeNumber(n.doubleValue());
                case Boolean b -> json.writeBoolean(b);
                default -> json.writeString(v.getValue().toString());
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeWorkbook(Path file, Map<String, Table> found, List<Table> audit) throws IOException {
        List<Table> sheets = new ArrayList<>(found.values());
        sheets.addAll(audit);
        try (TableWriter out = TableWriter.open(file, sheets.get(0).name(), sheets.get(0).columns())) {
            for (int i = 0; i < sheets.size(); i++) {
                Table t = sheets.get(i);
                if (i > 0) {
                    out.sheet(t.name(), t.columns());
                }
                for (Map<String, Object> row : t.rows().values()) {
                    out.row(new ArrayList<>(row.values()));
                }
            }
        }
    }
}
