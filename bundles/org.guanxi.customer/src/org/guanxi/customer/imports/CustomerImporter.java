package org.guanxi.customer.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import org.guanxi.core.AppClock;
import org.guanxi.tables.TableFileException;
import org.guanxi.tables.TableReader;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Consent;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.persistence.DerbyStatistics;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.core.service.CustomerImportService.Field;
import org.guanxi.core.service.CustomerImportService.Report;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.OrderImportService.Problem;
import org.guanxi.customer.CustomerValidator;

/**
 * One customer import in two passes over the file. The first parses and validates every line and collects the
 * identifying keys as 64-bit hashes (a million customers need a few megabytes, not a map of strings); duplicates are
 * found by sorting them, and clashes with stored customers are confirmed in the database before they are reported.
 * The second pass writes the good lines with JDBC batches in one transaction, so an import is all or nothing.
 */
public final class CustomerImporter {

    private static final Texts TEXTS = Texts.of(CustomerImporter.class);
    private static final int BATCH = 1_000;
    private static final int MAX_PROBLEMS = 1_000;
    /** Strict: 1990-02-30 is refused, not moved to the 28th. */
    private static final DateTimeFormatter[] DATES = { DateTimeFormatter.ISO_LOCAL_DATE, strict("uuuu/M/d"), strict("uuuu.M.d"),
            DateTimeFormatter.BASIC_ISO_DATE, strict("uuuu-M-d") };

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /** Identifying keys checked for duplicates, with the column that holds them in CUSTOMER. */
    private enum Key {
        CODE("CODE", Field.CODE), PHONE("PHONE_KEY", Field.PHONE), EMAIL("EMAIL_KEY", Field.EMAIL),
        MEMBER_CARD("MEMBER_CARD", Field.MEMBER_CARD), TAX_ID("TAX_ID", Field.TAX_ID), ID_NUMBER("ID_NUMBER", Field.ID_NUMBER);

        final String column;
        final Field field;

        Key(String column, Field field) {
            this.column = column;
            this.field = field;
        }

        String of(Customer c) {
            return switch (this) {
                case CODE -> c.getCode();
                case PHONE -> c.getPhoneKey();
                case EMAIL -> c.getEmailKey();
                case MEMBER_CARD -> c.getMemberCard();
                case TAX_ID -> c.getTaxId();
                case ID_NUMBER -> c.getIdNumber();
            };
        }
    }

    private final Connection connection;
    private final String user;
    private final AuditLog audit;
    private final Path file;
    private final String fileName;
    private final Map<Integer, Field> mapping;
    private final Map<Field, String> headerOf = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private int problemCount;

    public CustomerImporter(Connection connection, String user, AuditLog audit, Path file, Map<Integer, Field> mapping) {
        this.connection = connection;
        this.user = user;
        this.audit = audit;
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.mapping = mapping;
    }

    /** Hashes of one key over the file: parallel arrays of hash and line. */
    private static final class KeyColumn {
        long[] hashes = new long[1024];
        long[] lines = new long[1024];
        int size;

        void add(long hash, long line) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            hashes[size] = hash;
            lines[size++] = line;
        }
    }

    public Report run(boolean skipDuplicates, IntConsumer progress) throws IOException, SQLException {
        long start = System.nanoTime();
        try {
            return check(skipDuplicates, progress, start);
        } catch (TableFileException e) {
            return unreadable(e, start);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof TableFileException bad) {
                return unreadable(bad, start);
            }
            throw e;
        }
    }

    /** A file that cannot be read as it is (encoding, control character, cells per line): nothing is imported. */
    private Report unreadable(TableFileException e, long start) {
        Problem p = new Problem(fileName, e.line(), e.column(), e.reason());
        return new Report(fileName, 0, 0, 0, List.of(p), millis(start));
    }

    private Report check(boolean skipDuplicates, IntConsumer progress, long start) throws IOException, SQLException {
        if (!mapping.containsValue(Field.NAME)) {
            return new Report(fileName, 0, 0, 0, List.of(new Problem(fileName, 1, TEXTS.get("field.NAME"), TEXTS.get("import.noName"))),
                    millis(start));
        }
        Map<Key, KeyColumn> keys = new java.util.EnumMap<>(Key.class);
        for (Key k : Key.values()) {
            keys.put(k, new KeyColumn());
        }
        BitSet badLines = new BitSet();
        long lines = 0;
        long maxCode = 0;
        // pass 1: parse, validate, collect keys
        try (TableReader table = TableReader.open(file)) {
            for (TableReader.Line r : body(table)) {
                lines++;
                long line = r.number();
                Customer c = parse(r, line);
                if (c == null) {
                    badLines.set((int) line);
                    continue;
                }
                for (Key k : Key.values()) {
                    String v = k.of(c);
                    if (v != null && !v.isBlank()) {
                        keys.get(k).add(hash(v), line);
                    }
                }
                if (c.getCode() != null && c.getCode().matches("C\\d{1,15}")) {
                    maxCode = Math.max(maxCode, Long.parseLong(c.getCode().substring(1)));
                }
                if ((lines & 0xFFFF) == 0) {
                    progress.accept(300);
                }
            }
        }
        progress.accept(350);
        int validationProblems = problemCount;
        BitSet duplicates = new BitSet();
        findDuplicates(keys, duplicates);
        problems.sort(java.util.Comparator.comparingLong(Problem::line));
        int duplicateLines = duplicates.cardinality();
        progress.accept(450);
        if (validationProblems > 0 || (duplicateLines > 0 && !skipDuplicates)) {
            return new Report(fileName, (int) lines, 0, 0, List.copyOf(problems), millis(start));
        }
        // pass 2: write the good lines
        int imported = write(duplicates, Math.max(maxCode, maxCodeInDatabase()) + 1, lines, progress);
        progress.accept(1000);
        return new Report(fileName, (int) lines, imported, duplicateLines, List.copyOf(problems), millis(start));
    }

    /** The lines after the header; the header names the columns in problem reports. */
    private Iterable<TableReader.Line> body(TableReader table) {
        java.util.Iterator<TableReader.Line> it = table.iterator();
        if (it.hasNext()) {
            TableReader.Line header = it.next();
            mapping.forEach((column, field) -> headerOf.put(field, column < header.size() ? header.get(column) : field.name()));
        }
        return () -> it;
    }

    /** A customer from one line, or null after reporting why it cannot be one. */
    private Customer parse(TableReader.Line r, long line) {
        boolean[] ok = { true };
        Customer c = customerOf(r, (field, value) -> {
            problem(line, field, TEXTS.get("import.bad." + field.name().replaceFirst("CONSENT_.*", "CONSENT"), value));
            ok[0] = false;
        });
        for (FieldError fe : CustomerValidator.validate(c)) {
            problem(line, fieldOf(fe.field()), fe.message());
            ok[0] = false;
        }
        return ok[0] ? c : null;
    }

    /**
     * The customer of a line as the mapping reads it; a value that cannot be read goes to {@code unreadable} (field,
     * value) and is left out.
     */
    private Customer customerOf(TableReader.Line r, java.util.function.BiConsumer<Field, String> unreadable) {
        Customer c = new Customer();
        for (Map.Entry<Integer, Field> e : mapping.entrySet()) {
            String v = r.get(e.getKey());
            if (v.isEmpty()) {
                continue;
            }
            try {
                set(c, e.getValue(), v);
            } catch (IllegalArgumentException | DateTimeParseException ex) {
                unreadable.accept(e.getValue(), v);
            }
        }
        if (c.getKind() == null) {
            c.setKind(PartyKind.PERSON);
        }
        return c;
    }

    private static void set(Customer c, Field f, String v) {
        switch (f) {
            case CODE -> c.setCode(v.toUpperCase(Locale.ROOT));
            case KIND -> c.setKind(kind(v));
            case NAME -> c.setName(v);
            case PHONE -> c.setPhone(v);
            case EMAIL -> c.setEmail(v);
            case MEMBER_CARD -> c.setMemberCard(v.toUpperCase(Locale.ROOT));
            case TAX_ID -> c.setTaxId(v.toUpperCase(Locale.ROOT));
            case ID_NUMBER -> c.setIdNumber(v.toUpperCase(Locale.ROOT));
            case CITY -> c.setCity(v);
            case BIRTHDAY -> c.setBirthday(date(v));
            case SOURCE -> c.setSource(v);
            case OWNER -> c.setOwner(v);
            case NOTES -> c.setNotes(v);
            case CONSENT_EMAIL -> c.setConsentEmail(yes(v));
            case CONSENT_SMS -> c.setConsentSms(yes(v));
            case CONSENT_PHONE -> c.setConsentPhone(yes(v));
        }
    }

    private static PartyKind kind(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "person", "个人", "p", "private", "consumer" -> PartyKind.PERSON;
            case "organisation", "organization", "company", "企业", "公司", "单位", "o", "business" -> PartyKind.ORGANISATION;
            default -> throw new IllegalArgumentException(v);
        };
    }

    private static boolean yes(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "是", "同意", "x" -> true;
            case "no", "n", "false", "0", "否", "不同意" -> false;
            default -> throw new IllegalArgumentException(v);
        };
    }

    private static LocalDate date(String v) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v.strip(), f);
            } catch (DateTimeParseException e) {
                // try the next layout
            }
        }
        throw new DateTimeParseException("not a date", v, 0);
    }

    /** The import field of a validator field name (validator names follow the entity). */
    private static Field fieldOf(String validatorField) {
        return switch (validatorField) {
            case "code" -> Field.CODE;
            case "kind" -> Field.KIND;
            case "phone" -> Field.PHONE;
            case "email" -> Field.EMAIL;
            case "memberCard" -> Field.MEMBER_CARD;
            case "taxId" -> Field.TAX_ID;
            case "idNumber" -> Field.ID_NUMBER;
            case "city" -> Field.CITY;
            case "birthday" -> Field.BIRTHDAY;
            case "source" -> Field.SOURCE;
            case "owner" -> Field.OWNER;
            case "notes" -> Field.NOTES;
            default -> Field.NAME;
        };
    }

    private void problem(long line, Field field, String reason) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            String header = headerOf.getOrDefault(field, field.name());
            problems.add(new Problem(fileName, line, header, reason));
        }
    }

    /**
     * Marks lines whose key repeats an earlier line or a customer in the database. Sorting a copy of the hashes finds
     * the values a file repeats; binary search in the sorted hashes of stored keys finds candidates in the database,
     * which are read again from the file (one more pass for all of them) and confirmed by an indexed query.
     */
    private void findDuplicates(Map<Key, KeyColumn> keys, BitSet duplicates) throws SQLException, IOException {
        Map<Long, List<Key>> candidates = new java.util.TreeMap<>();
        for (Key k : Key.values()) {
            KeyColumn col = keys.get(k);
            long[] sorted = Arrays.copyOf(col.hashes, col.size);
            Arrays.sort(sorted);
            java.util.Set<Long> repeated = new java.util.HashSet<>();
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    repeated.add(sorted[i]);
                }
            }
            long[] existing = existingHashes(k);
            Map<Long, Long> firstLine = new HashMap<>();
            for (int i = 0; i < col.size; i++) {
                long h = col.hashes[i];
                long line = col.lines[i];
                if (existing.length > 0 && Arrays.binarySearch(existing, h) >= 0) {
                    candidates.computeIfAbsent(line, l -> new ArrayList<>()).add(k);
                } else if (repeated.contains(h)) {
                    Long first = firstLine.putIfAbsent(h, line);
                    if (first != null) {
                        duplicates.set((int) line);
                        problem(line, k.field, TEXTS.get("import.duplicateLine", first));
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Map<Long, Customer> rows = readLines(candidates.keySet());
        for (Map.Entry<Long, List<Key>> e : candidates.entrySet()) {
            for (Key k : e.getValue()) {
                try (PreparedStatement owner = connection.prepareStatement("SELECT CODE, NAME FROM CUSTOMER WHERE " + k.column + " = ?")) {
                    owner.setString(1, k.of(rows.get(e.getKey())));
                    try (ResultSet rs = owner.executeQuery()) {
                        if (rs.next()) {
                            duplicates.set(e.getKey().intValue());
                            problem(e.getKey(), k.field, TEXTS.get("import.duplicateExisting", rs.getString(1) + " " + rs.getString(2)));
                        }
                    }
                }
            }
        }
    }

    /** Hashes of a key over the customers already stored, sorted. */
    private long[] existingHashes(Key k) throws SQLException {
        long[] out = new long[1024];
        int n = 0;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + k.column + " FROM CUSTOMER WHERE " + k.column + " IS NOT NULL")) {
            while (rs.next()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = hash(rs.getString(1));
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** The customers of some lines, read again from the file: keys are not kept in memory for every line. */
    private Map<Long, Customer> readLines(java.util.Set<Long> wanted) throws IOException {
        Map<Long, Customer> out = new HashMap<>();
        try (TableReader table = TableReader.open(file)) {
            for (TableReader.Line r : body(table)) {
                long line = r.number();
                if (wanted.contains(line)) {
                    out.put(line, customerOf(r));
                }
            }
        }
        return out;
    }

    /** The customer of a line that passed validation in the first pass. */
    private Customer customerOf(TableReader.Line r) {
        return customerOf(r, (field, value) -> {
            throw new IllegalStateException("line changed since it was checked: " + field + " " + value);
        });
    }

    /** The highest code number used, also by customers merged away (an undo brings their codes back). */
    private long maxCodeInDatabase() throws SQLException {
        long max = 0;
        for (String sql : new String[] { "SELECT MAX(CODE) FROM CUSTOMER WHERE CODE LIKE 'C%'",
                "SELECT MAX(MERGED_CODE) FROM CUSTOMER_MERGE WHERE MERGED_CODE LIKE 'C%'" }) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                max = Math.max(max, CustomerServiceImpl.codeNumber(rs.getString(1)));
            }
        }
        return max;
    }

    private int write(BitSet skip, long nextCode, long lines, IntConsumer progress) throws IOException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        int written = 0;
        long firstId = -1;
        long lastId = -1;
        try (TableReader table = TableReader.open(file); PreparedStatement ps = connection.prepareStatement(INSERT)) {
            IdBlock ids = new IdBlock(connection);
            Timestamp now = Timestamp.from(AppClock.now());
            long code = nextCode;
            for (TableReader.Line r : body(table)) {
                long line = r.number();
                if (skip.get((int) line)) {
                    continue;
                }
                Customer c = customerOf(r);
                long id = ids.next();
                firstId = firstId < 0 ? id : firstId;
                lastId = id;
                bind(ps, c, id, c.getCode() != null ? c.getCode() : String.format("C%07d", code++), now);
                ps.addBatch();
                if (++written % BATCH == 0) {
                    ps.executeBatch();
                    progress.accept(450 + (int) (540L * written / Math.max(1, lines)));
                }
            }
            ps.executeBatch();
            if (written > 0) {
                audit(written, firstId, lastId);
                consents(firstId, lastId, now);
            }
            connection.commit();
            DerbyStatistics.refresh(connection, "CUSTOMER");
            return written;
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static final String INSERT = "INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, NAME_KEY, PINYIN_KEY, PHONE, PHONE_KEY, "
            + "EMAIL, EMAIL_KEY, MEMBER_CARD, TAX_ID, ID_NUMBER, CITY, BIRTHDAY, SOURCE, OWNER_LOGIN, NOTES, CONSENT_EMAIL, "
            + "CONSENT_SMS, CONSENT_PHONE, CREATED_AT, UPDATED_AT, PHONE_TAIL) "
            + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private void bind(PreparedStatement ps, Customer c, long id, String code, Timestamp now) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, code);
        ps.setString(3, c.getKind().name());
        ps.setString(4, c.getName().strip());
        ps.setString(5, SearchKeys.nameKey(c.getName()));
        ps.setString(6, SearchKeys.pinyinKey(c.getName()));
        ps.setString(7, c.getPhone());
        ps.setString(8, c.getPhoneKey());
        ps.setString(9, c.getEmail());
        ps.setString(10, c.getEmailKey());
        ps.setString(11, c.getMemberCard());
        ps.setString(12, c.getTaxId());
        ps.setString(13, c.getIdNumber());
        ps.setString(14, c.getCity());
        ps.setDate(15, c.getBirthday() == null ? null : Date.valueOf(c.getBirthday()));
        ps.setString(16, c.getSource() == null ? "IMPORT" : c.getSource());
        ps.setString(17, c.getOwner() == null ? user : c.getOwner());
        ps.setString(18, c.getNotes());
        ps.setBoolean(19, c.isConsentEmail());
        ps.setBoolean(20, c.isConsentSms());
        ps.setBoolean(21, c.isConsentPhone());
        ps.setTimestamp(22, now);
        ps.setTimestamp(23, now);
        ps.setString(24, SearchKeys.phoneTail(c.getPhoneKey()));
    }

    /** One audit row for the whole import: which file brought which customers, by whom. */
    private void audit(int written, long firstId, long lastId) throws SQLException {
        audit.event(connection, "Customer", firstId, AuditEntry.Action.IMPORT, "file", null,
                fileName + ": " + written + " customers, ids " + firstId + "–" + lastId);
    }

    /**
     * The consents the file gave, in the ledger: set-wise, as a row each would slow a million-line import; the rows
     * this import wrote are those of its id range stamped with its moment.
     */
    private void consents(long firstId, long lastId, Timestamp now) throws SQLException {
        for (Consent consent : List.of(Consent.EMAIL, Consent.SMS, Consent.PHONE)) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO CONSENT_EVENT (CUSTOMER_ID, CHANNEL, PURPOSE, "
                    + "GRANTED, RECORDED_AT, SOURCE, USER_LOGIN, NOTE) SELECT ID, ?, ?, TRUE, CREATED_AT, 'IMPORT', ?, ? "
                    + "FROM CUSTOMER WHERE ID BETWEEN ? AND ? AND CREATED_AT = ? AND CONSENT_" + consent.channel() + " = TRUE")) {
                ps.setString(1, consent.channel());
                ps.setString(2, consent.purpose());
                ps.setString(3, user);
                ps.setString(4, fileName.length() <= 200 ? fileName : fileName.substring(0, 200));
                ps.setLong(5, firstId);
                ps.setLong(6, lastId);
                ps.setTimestamp(7, now);
                ps.executeUpdate();
            }
        }
    }

    /**
     * 64-bit FNV-1a of the key's characters, written here because the JDK has no 64-bit string hash; two lines of a
     * million-line file share a hash by chance with a probability of about one in ten million.
     */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
