package org.guanxi.customer.quality;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.guanxi.core.AppClock;
import org.guanxi.core.Masking;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.DataQualityService;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.customer.Jobs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Completeness from {@link CompletenessRules}; duplicates in two passes over the base: equal identifying keys found
 * by grouped index scans, then similar names by a sorted-neighbourhood pass (customers sorted by pinyin, city and
 * birthday, each compared with the few before it), which finds 王芳 / 王方 or Anna Brown / Ana Brown without comparing
 * every pair of a million customers. A similar name alone is not enough; a shared city, birthday or phone ending
 * must back it.
 */
@Component(service = DataQualityService.class)
public class DataQualityServiceImpl implements DataQualityService {

    private static final Texts TEXTS = Texts.of(DataQualityServiceImpl.class);
    private static final Texts FIELDS = Texts.of(DataQualityService.class);
    /** How many neighbours in pinyin order each customer is compared with. */
    private static final int WINDOW = 12;
    /** Candidates below this score are not shown. */
    static final int THRESHOLD = 60;
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** Identifying columns: equal values mean the same party, with the score they give. */
    private static final Map<String, Integer> KEYS = new LinkedHashMap<>();
    static {
        KEYS.put("ID_NUMBER", 100);
        KEYS.put("TAX_ID", 95);
        KEYS.put("MEMBER_CARD", 95);
        KEYS.put("PHONE_KEY", 90);
        KEYS.put("EMAIL_KEY", 90);
    }

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public DataQualityServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Completeness completeness(Customer c) {
        Completeness raw = CompletenessRules.score(c.getKind(), field -> switch (field) {
        case "name" -> filled(c.getName());
        case "phone" -> filled(c.getPhone());
        case "email" -> filled(c.getEmail());
        case "address" -> !c.getAddresses().isEmpty();
        case "city" -> filled(c.getCity());
        case "birthday" -> c.getBirthday() != null;
        case "idNumber" -> filled(c.getIdNumber());
        case "memberCard" -> filled(c.getMemberCard());
        case "owner" -> filled(c.getOwner());
        case "source" -> filled(c.getSource());
        case "taxId" -> filled(c.getTaxId());
        case "contact" -> !c.getContacts().isEmpty();
        default -> throw new IllegalArgumentException(field);
        });
        return new Completeness(raw.score(), raw.missing().stream().map(DataQualityServiceImpl::fieldName).toList());
    }

    static String fieldName(String field) {
        return FIELDS.get("field." + field);
    }

    @Override
    public Overview overview(IntConsumer progress) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            long[] withAddress = ids(c, "SELECT DISTINCT CUSTOMER_ID FROM ADDRESS ORDER BY CUSTOMER_ID");
            long[] withContact = ids(c, "SELECT DISTINCT CUSTOMER_ID FROM CONTACT ORDER BY CUSTOMER_ID");
            int total = count(c);
            progress.accept(100);
            int[] bands = new int[4];
            Map<String, Integer> missing = new LinkedHashMap<>();
            long sum = 0;
            int n = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID, KIND, NAME, PHONE, EMAIL, CITY, BIRTHDAY, "
                    + "ID_NUMBER, MEMBER_CARD, OWNER_LOGIN, SOURCE, TAX_ID FROM CUSTOMER")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Map<String, Boolean> present = Map.ofEntries(Map.entry("name", filled(rs.getString(3))),
                            Map.entry("phone", filled(rs.getString(4))), Map.entry("email", filled(rs.getString(5))),
                            Map.entry("city", filled(rs.getString(6))), Map.entry("birthday", rs.getDate(7) != null),
                            Map.entry("idNumber", filled(rs.getString(8))), Map.entry("memberCard", filled(rs.getString(9))),
                            Map.entry("owner", filled(rs.getString(10))), Map.entry("source", filled(rs.getString(11))),
                            Map.entry("taxId", filled(rs.getString(12))), Map.entry("address", Arrays.binarySearch(withAddress, id) >= 0),
                            Map.entry("contact", Arrays.binarySearch(withContact, id) >= 0));
                    Completeness done = CompletenessRules.score(PartyKind.valueOf(rs.getString(2)), present::get);
                    sum += done.score();
                    bands[done.score() < 50 ? 0 : done.score() < 80 ? 1 : done.score() < 100 ? 2 : 3]++;
                    for (String f : done.missing()) {
                        missing.merge(fieldName(f), 1, Integer::sum);
                    }
                    if (++n % 10_000 == 0) {
                        Jobs.checkCancelled("data-quality check");
                        progress.accept(100 + (int) (900L * n / Math.max(total, n)));
                    }
                }
            }
            Map<String, Integer> sorted = new LinkedHashMap<>();
            missing.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            progress.accept(1000);
            return new Overview(n, n == 0 ? 0 : (double) sum / n, List.of(bands[0], bands[1], bands[2], bands[3]), sorted);
        });
    }

    // ---- duplicates

    /** Evidence gathered for one pair, first id lower. */
    private static final class Evidence {
        final long first;
        final long second;
        int score;
        final List<String> reasons = new ArrayList<>();

        Evidence(long a, long b) {
            this.first = Math.min(a, b);
            this.second = Math.max(a, b);
        }
    }

    /** What the name pass reads of a customer. */
    private record Person(long id, String name, String pinyin, String city, Date birthday, String phoneKey) {
    }

    @Override
    public List<Candidate> duplicates(int max, IntConsumer progress) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            Set<String> dismissed = dismissed(c);
            Map<String, Evidence> pairs = new HashMap<>();
            int step = 0;
            boolean masked = !security.hasPermission(Permission.PERSONAL_DATA);
            // a team database's masked views: keys are tokens (equal for equal keys), numbers are masks (equal for
            // different numbers alike at both ends, so no evidence)
            boolean tokens = masked && SqlDialect.readsMasked(c);
            for (Map.Entry<String, Integer> key : KEYS.entrySet()) {
                if (!tokens || !List.of("ID_NUMBER", "TAX_ID").contains(key.getKey())) {
                    sameKey(c, key.getKey(), key.getValue(), pairs, dismissed, max, masked, tokens);
                }
                progress.accept(60 * ++step);
            }
            similarNames(c, pairs, dismissed, max, progress, tokens);
            List<Evidence> best = pairs.values().stream().filter(e -> e.score >= THRESHOLD)
                    .sorted(Comparator.comparingInt((Evidence e) -> -e.score).thenComparingLong(e -> e.first).thenComparingLong(e -> e.second))
                    .limit(max).toList();
            Map<Long, CustomerRow> rows = rows(c, best);
            if (masked) {
                rows.replaceAll((k, r) -> org.guanxi.customer.CustomerMasking.mask(r));
            }
            progress.accept(1000);
            return best.stream().map(e -> new Candidate(rows.get(e.first), rows.get(e.second), Math.min(100, e.score),
                    e.reasons.stream().map(TEXTS::decode).toList())).toList();
        });
    }

    /**
     * Customers sharing a value of an identifying column, from a grouped scan of its index; the reason names the value,
     * {@code masked} for those who see personal values masked.
     */
    private static void sameKey(Connection c, String column, int score, Map<String, Evidence> pairs, Set<String> dismissed, int max,
            boolean masked, boolean tokens) throws SQLException {
        List<String> shared = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + column + " FROM CUSTOMER WHERE " + column
                + " IS NOT NULL AND " + column + " <> '' GROUP BY " + column + " HAVING COUNT(*) > 1")) {
            while (rs.next() && shared.size() < max) {
                shared.add(rs.getString(1));
            }
        }
        String reason = switch (column) {
        case "ID_NUMBER" -> "dup.idNumber";
        case "TAX_ID" -> "dup.taxId";
        case "MEMBER_CARD" -> "dup.memberCard";
        case "PHONE_KEY" -> "dup.phone";
        default -> "dup.email";
        };
        Masking.Kind kind = switch (column) {
        case "ID_NUMBER", "TAX_ID" -> Masking.Kind.NUMBER;
        case "PHONE_KEY" -> Masking.Kind.PHONE;
        case "EMAIL_KEY" -> Masking.Kind.EMAIL;
        default -> null;
        };
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CUSTOMER WHERE " + column + " = ? ORDER BY ID")) {
            for (String value : shared) {
                ps.setString(1, value);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                // a switchboard number shared by a hundred customers is not a hundred duplicates: the first few pairs show it
                for (int i = 0; i < ids.size() && i < 10; i++) {
                    for (int j = i + 1; j < ids.size() && j < 10; j++) {
                        Evidence e = evidence(pairs, dismissed, ids.get(i), ids.get(j));
                        if (e != null) {
                            e.score = Math.max(e.score, score);
                            e.reasons.add(Texts.encode(400, reason, tokens && kind != null ? "…"
                                    : masked && kind != null ? Masking.mask(kind, value) : value));
                        }
                    }
                }
            }
        }
    }

    /** The sorted-neighbourhood pass over names. */
    /** {@code tokens}: the phone keys are tokens; the masked phone (which keeps its last four digits) stands in. */
    private static void similarNames(Connection c, Map<String, Evidence> pairs, Set<String> dismissed, int max,
            IntConsumer progress, boolean tokens) throws SQLException {
        int total = count(c);
        Deque<Person> window = new ArrayDeque<>();
        int n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT ID, NAME, PINYIN_KEY, CITY, BIRTHDAY, " + (tokens ? "PHONE" : "PHONE_KEY")
                        + " FROM CUSTOMER ORDER BY PINYIN_KEY, CITY, BIRTHDAY")) {
            while (rs.next()) {
                Person p = new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5),
                        tokens ? SearchKeys.phoneKey(rs.getString(6)) : rs.getString(6));
                for (Person q : window) {
                    compare(p, q, pairs, dismissed);
                }
                window.addFirst(p);
                if (window.size() > WINDOW) {
                    window.removeLast();
                }
                if (++n % 10_000 == 0) {
                    Jobs.checkCancelled("data-quality check");
                    progress.accept(300 + (int) (600L * n / Math.max(total, n)));
                    prune(pairs, max);
                }
            }
        }
    }

    /** Name likeness backed by other facts; only pairs that reach the threshold are kept. */
    private static void compare(Person p, Person q, Map<String, Evidence> pairs, Set<String> dismissed) {
        String nameReason;
        int score;
        if (SearchKeys.nameKey(p.name()).equals(SearchKeys.nameKey(q.name()))) {
            nameReason = Texts.encode(400, "dup.sameName", p.name());
            score = 50;
        } else if (!p.pinyin().isEmpty() && p.pinyin().equals(q.pinyin())) {
            nameReason = Texts.encode(400, "dup.samePinyin", p.name(), q.name(), p.pinyin());
            score = 45;
        } else if (SearchKeys.hasHan(p.name()) && ONE_EDIT.apply(p.name(), q.name()) == 1) {
            nameReason = Texts.encode(400, "dup.oneCharacter", p.name(), q.name());
            score = 40;
        } else if (!SearchKeys.hasHan(p.name()) && p.pinyin().length() >= 6
                && JARO_WINKLER.apply(p.pinyin(), q.pinyin()) >= 0.95) {
            nameReason = Texts.encode(400, "dup.similarSpelling", p.name(), q.name());
            score = 40;
        } else {
            return;
        }
        List<String> backing = new ArrayList<>();
        if (p.city() != null && !p.city().isBlank() && p.city().equals(q.city())) {
            score += 15;
            backing.add(Texts.encode(400, "dup.city", p.city()));
        }
        if (p.birthday() != null && p.birthday().equals(q.birthday())) {
            score += 35;
            backing.add(Texts.encode(400, "dup.birthday", p.birthday().toLocalDate()));
        }
        if (p.phoneKey() != null && q.phoneKey() != null && p.phoneKey().length() >= 7 && !p.phoneKey().equals(q.phoneKey())
                && p.phoneKey().regionMatches(p.phoneKey().length() - 4, q.phoneKey(), q.phoneKey().length() - 4, 4)) {
            score += 25;
            backing.add(Texts.encode(400, "dup.phoneEnd", p.phoneKey().substring(p.phoneKey().length() - 4)));
        }
        String key = pairKey(p.id(), q.id());
        Evidence known = pairs.get(key);
        if (known != null) {
            // equal keys already: the name adds a little certainty and its reason
            known.score = Math.min(100, known.score + 5);
            known.reasons.add(nameReason);
            return;
        }
        if (score < THRESHOLD) {
            return;
        }
        Evidence e = evidence(pairs, dismissed, p.id(), q.id());
        if (e != null) {
            e.score = score;
            e.reasons.add(nameReason);
            e.reasons.addAll(backing);
        }
    }

    /**
     * Keeps memory bounded on a large base where common names meet in the same city thousands of times: beyond
     * twenty times the pairs asked for, only the best ten times as many stay (pairs found by identifying keys first).
     */
    private static void prune(Map<String, Evidence> pairs, int max) {
        long limit = 20L * max;
        if (pairs.size() <= limit) {
            return;
        }
        List<Map.Entry<String, Evidence>> ranked = new ArrayList<>(pairs.entrySet());
        ranked.sort(Comparator.comparingInt((Map.Entry<String, Evidence> e) -> -e.getValue().score));
        for (Map.Entry<String, Evidence> e : ranked.subList((int) (10L * max), ranked.size())) {
            pairs.remove(e.getKey());
        }
    }

    /** A pair of customers, whichever way round it is named. */
    private static String pairKey(long a, long b) {
        return Math.min(a, b) + "-" + Math.max(a, b);
    }

    private static Evidence evidence(Map<String, Evidence> pairs, Set<String> dismissed, long a, long b) {
        String key = pairKey(a, b);
        if (dismissed.contains(key)) {
            return null;
        }
        return pairs.computeIfAbsent(key, k -> new Evidence(a, b));
    }

    private static Map<Long, CustomerRow> rows(Connection c, List<Evidence> pairs) throws SQLException {
        Map<Long, CustomerRow> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, CODE, KIND, NAME, PHONE, EMAIL, MEMBER_CARD, CITY FROM CUSTOMER WHERE ID = ?")) {
            for (Evidence e : pairs) {
                for (long id : new long[] { e.first, e.second }) {
                    if (out.containsKey(id)) {
                        continue;
                    }
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(id, new CustomerRow(rs.getLong(1), rs.getString(2), PartyKind.valueOf(rs.getString(3)),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void dismiss(long firstId, long secondId) {
        security.check(Permission.CUSTOMER_WRITE);
        db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO DUPLICATE_DISMISSED (FIRST_ID, SECOND_ID, DISMISSED_AT, USER_LOGIN) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, Math.min(firstId, secondId));
                ps.setLong(2, Math.max(firstId, secondId));
                ps.setTimestamp(3, Timestamp.from(AppClock.now()));
                ps.setString(4, security.currentUser());
                ps.executeUpdate();
                // under the first customer: "not a duplicate of" the second
                audit.record(c, "Customer", Math.min(firstId, secondId), AuditLog.field("notDuplicateOf", null),
                        Map.of("notDuplicateOf", Math.max(firstId, secondId)));
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) { // dismissed before: nothing to do
                    throw e;
                }
            }
            return null;
        });
    }

    private static Set<String> dismissed(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT FIRST_ID, SECOND_ID FROM DUPLICATE_DISMISSED")) {
            while (rs.next()) {
                out.add(pairKey(rs.getLong(1), rs.getLong(2)));
            }
        }
        return out;
    }

    /** Ids in ascending order, as a plain array: a million of them take 8 MB instead of a set's 60. */
    private static long[] ids(Connection c, String sql) throws SQLException {
        long[] out = new long[1024];
        int n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = rs.getLong(1);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM CUSTOMER")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }
}
