package org.guanxi.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.PointsKind;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The points programme and the loyalty measures, on JDBC. Orders earn when they are announced as changed and are
 * delivered or invoiced ({@link #handleEvent}); {@link #earnAll} catches up with orders that arrived otherwise.
 */
@Component(service = { LoyaltyService.class, EventHandler.class }, property = EventConstants.EVENT_TOPIC + "=" + Topics.ORDER_CHANGED)
public class LoyaltyServiceImpl implements LoyaltyService, EventHandler {

    private static final String EARNING = "('DELIVERED', 'INVOICED')";
    private static final String BOUGHT = "('CONFIRMED', 'DELIVERED', 'INVOICED')";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public LoyaltyServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(Topics.PROPERTY_ID) instanceof Long id && id > 0) {
            earn(id);
        }
    }

    @Override
    public List<MemberTier> memberTiers() {
        return db.jdbc(LoyaltyServiceImpl::tiers);
    }

    private static List<MemberTier> tiers(Connection c) throws SQLException {
        List<MemberTier> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CODE, NAME_ZH, NAME_EN, MIN_POINTS, MULTIPLIER FROM POINTS_TIER ORDER BY MIN_POINTS");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new MemberTier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5)));
            }
        }
        return out;
    }

    /** The tier reached with {@code earned} points in 12 months. */
    private static MemberTier tierFor(List<MemberTier> tiers, int earned) {
        MemberTier t = tiers.get(0);
        for (MemberTier candidate : tiers) {
            if (earned >= candidate.minPoints()) {
                t = candidate;
            }
        }
        return t;
    }

    /** Points earned and granted in the 12 months before {@code day}. */
    private static int earned12m(Connection c, long customerId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(POINTS), 0) FROM POINTS_LEDGER WHERE CUSTOMER_ID = ? "
                + "AND KIND IN ('EARN', 'GRANT') AND BOOKED_ON > ? AND BOOKED_ON <= ?")) {
            ps.setLong(1, customerId);
            ps.setDate(2, Date.valueOf(day.minusYears(1)));
            ps.setDate(3, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public Account account(long customerId) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            LocalDate today = AppClock.today();
            int balance;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(POINTS), 0) FROM POINTS_LEDGER WHERE CUSTOMER_ID = ?")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    balance = rs.getInt(1);
                }
            }
            int earned = earned12m(c, customerId, today);
            int expiring = 0;
            LocalDate next = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT EXPIRES_ON, SUM(REMAINING) FROM POINTS_LEDGER WHERE CUSTOMER_ID = ? "
                    + "AND REMAINING > 0 GROUP BY EXPIRES_ON ORDER BY EXPIRES_ON FETCH FIRST 1 ROW ONLY")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        next = rs.getDate(1).toLocalDate();
                        expiring = rs.getInt(2);
                    }
                }
            }
            return new Account(customerId, balance, tierFor(tiers(c), earned), earned, expiring, next);
        });
    }

    @Override
    public int earn(long orderId) {
        try {
            return db.jdbcTransaction(c -> earn(c, orderId));
        } catch (IllegalStateException e) {
            // a unique key's "duplicate" (23505 in Derby and PostgreSQL alike): earned meanwhile by another desktop
            if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    private int earn(Connection c, long orderId) throws SQLException {
        long customer;
        LocalDate day;
        BigDecimal total;
        try (PreparedStatement ps = c.prepareStatement("SELECT o.CUSTOMER_ID, COALESCE(o.DELIVERED_ON, o.ORDER_DATE), o.TOTAL, "
                + "o.ORDER_DATE FROM SALES_ORDER o WHERE o.ID = ? AND o.STATUS IN " + EARNING
                + " AND NOT EXISTS (SELECT 1 FROM POINTS_LEDGER l WHERE l.ORDER_ID = o.ID AND l.KIND = 'EARN')")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                customer = rs.getLong(1);
                day = rs.getDate(2).toLocalDate();
                total = rs.getBigDecimal(3);
            }
        }
        EarnRules rules = EarnRules.load(c);
        Map<Long, BigDecimal> quantities = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT PRODUCT_ID, SUM(QUANTITY) FROM ORDER_LINE WHERE ORDER_ID = ? GROUP BY PRODUCT_ID")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    quantities.put(rs.getLong(1), rs.getBigDecimal(2));
                }
            }
        }
        MemberTier tier = tierFor(tiers(c), earned12m(c, customer, day));
        int points = rules.points(day, total, quantities, tier.multiplier());
        if (points <= 0) {
            return 0;
        }
        Ledger.lot(c, customer, PointsKind.EARN, points, day, orderId, null, tier.code(), "system");
        return points;
    }

    /**
     * All at once in one transaction (the demo's ten thousand orders, an import): orders in date order, each with the
     * member tier its customer had reached by then, counted in memory from the lots already booked and those added.
     */
    @Override
    public int earnAll() {
        return db.jdbcTransaction(c -> {
            EarnRules rules = EarnRules.load(c);
            List<MemberTier> tiers = tiers(c);
            Map<Long, java.util.ArrayDeque<Object[]>> lots = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CUSTOMER_ID, BOOKED_ON, POINTS FROM POINTS_LEDGER "
                    + "WHERE KIND IN ('EARN', 'GRANT') ORDER BY BOOKED_ON, ID"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lots.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayDeque<>())
                            .add(new Object[] { rs.getDate(2).toLocalDate(), rs.getInt(3) });
                }
            }
            Map<Long, Map<Long, BigDecimal>> quantities = new java.util.HashMap<>();
            List<Long> products = rules.bonusProducts();
            if (!products.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT ORDER_ID, PRODUCT_ID, SUM(QUANTITY) FROM ORDER_LINE WHERE PRODUCT_ID IN ("
                        + String.join(", ", products.stream().map(String::valueOf).toList()) + ") GROUP BY ORDER_ID, PRODUCT_ID");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        quantities.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>()).put(rs.getLong(2), rs.getBigDecimal(3));
                    }
                }
            }
            int earned = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT o.ID, o.CUSTOMER_ID, COALESCE(o.DELIVERED_ON, o.ORDER_DATE), o.TOTAL "
                    + "FROM SALES_ORDER o WHERE o.STATUS IN " + EARNING
                    + " AND NOT EXISTS (SELECT 1 FROM POINTS_LEDGER l WHERE l.ORDER_ID = o.ID AND l.KIND = 'EARN') "
                    + "ORDER BY 3, o.ID"); ResultSet rs = ps.executeQuery();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO POINTS_LEDGER (CUSTOMER_ID, KIND, POINTS, REMAINING, "
                            + "BOOKED_ON, EXPIRES_ON, ORDER_ID, NOTE, CREATED_BY, CREATED_AT) VALUES (?, 'EARN', ?, ?, ?, ?, ?, ?, 'system', " + SqlClock.now() + ")")) {
                while (rs.next()) {
                    long customer = rs.getLong(2);
                    LocalDate day = rs.getDate(3).toLocalDate();
                    java.util.ArrayDeque<Object[]> mine = lots.computeIfAbsent(customer, k -> new java.util.ArrayDeque<>());
                    int inYear = mine.stream().filter(l -> ((LocalDate) l[0]).isAfter(day.minusYears(1)) && !((LocalDate) l[0]).isAfter(day))
                            .mapToInt(l -> (Integer) l[1]).sum();
                    MemberTier tier = tierFor(tiers, inYear);
                    int points = rules.points(day, rs.getBigDecimal(4), quantities.getOrDefault(rs.getLong(1), Map.of()), tier.multiplier());
                    if (points <= 0) {
                        continue;
                    }
                    insert.setLong(1, customer);
                    insert.setInt(2, points);
                    insert.setInt(3, points);
                    insert.setDate(4, Date.valueOf(day));
                    insert.setDate(5, Date.valueOf(Ledger.expiry(day)));
                    insert.setLong(6, rs.getLong(1));
                    insert.setString(7, tier.code());
                    insert.addBatch();
                    mine.add(new Object[] { day, points });
                    if (++earned % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return earned;
        });
    }

    @Override
    public int grantLimit() {
        return db.jdbc(c -> PointsGrants.limit(c, security));
    }

    @Override
    public void setGrantLimit(String role, int points) {
        security.check(Permission.USER_ADMIN);
        if (points < 0) {
            throw new ValidationException(List.of(new FieldError("points", "error.grantLimit")));
        }
        db.jdbcTransaction(c -> {
            Integer before = PointsGrants.limits(c).get(role);
            org.guanxi.core.db.AppSettings.write(c, PointsGrants.LIMITS, Map.of(role, points), security.currentUser());
            // a setting has no id of its own: its entries are found under the entity and the role as the field
            audit.record(c, "Setting", 0, before == null ? Map.of() : Map.of(PointsGrants.LIMITS + role, before),
                    Map.of(PointsGrants.LIMITS + role, points));
            return null;
        });
    }

    @Override
    public Map<String, Integer> grantLimits() {
        return db.jdbc(PointsGrants::limits);
    }

    @Override
    public Grant grant(long customerId, int points, Long caseId, String note) {
        security.check(Permission.SERVICE_WRITE);
        positive(points);
        PointsGrants.Outcome done = db.jdbcTransaction(c -> PointsGrants.grant(c, security, audit, customerId, points, caseId, note));
        return done.ledgerId() != null ? new Grant(entry(done.ledgerId()), null)
                : new Grant(null, db.jdbc(c -> PointsGrants.one(c, done.requestId())));
    }

    @Override
    public List<Request> pendingRequests() {
        security.check(Permission.SERVICE_ADMIN);
        return db.jdbc(c -> PointsGrants.query(c, PointsGrants.SELECT + " WHERE r.STATUS = 'PENDING' ORDER BY r.REQUESTED_AT, r.ID"));
    }

    @Override
    public List<Request> requests(long customerId) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> PointsGrants.query(c, PointsGrants.SELECT + " WHERE r.CUSTOMER_ID = ? ORDER BY r.REQUESTED_AT DESC, r.ID DESC",
                customerId));
    }

    @Override
    public Entry approve(long requestId, String note) {
        security.check(Permission.SERVICE_ADMIN);
        return entry(db.jdbcTransaction(c -> PointsGrants.decide(c, audit, requestId, true, note, security.currentUser())));
    }

    @Override
    public Request refuse(long requestId, String reason) {
        security.check(Permission.SERVICE_ADMIN);
        db.jdbcTransaction(c -> PointsGrants.decide(c, audit, requestId, false, reason, security.currentUser()));
        return db.jdbc(c -> PointsGrants.one(c, requestId));
    }

    @Override
    public Entry redeem(long customerId, int points, String note) {
        security.check(Permission.SERVICE_WRITE);
        positive(points);
        return entry(db.jdbcTransaction(c -> {
            long row = Ledger.take(c, customerId, PointsKind.REDEEM, points, AppClock.today(), note, security.currentUser());
            audit.record(c, PointsGrants.LEDGER, row, Map.of(), PointsGrants.booking(customerId, PointsKind.REDEEM, -points, null, note));
            return row;
        }));
    }

    private static void positive(int points) {
        if (points <= 0) {
            throw new ValidationException(List.of(new FieldError("points", "error.positive")));
        }
    }

    @Override
    public int expire(LocalDate today) {
        return db.jdbcTransaction(c -> {
            Map<Long, Integer> due = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CUSTOMER_ID, SUM(REMAINING) FROM POINTS_LEDGER "
                    + "WHERE REMAINING > 0 AND EXPIRES_ON < ? GROUP BY CUSTOMER_ID")) {
                ps.setDate(1, Date.valueOf(today));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
            int expired = 0;
            for (Map.Entry<Long, Integer> d : due.entrySet()) {
                // the expired lots are the ones that expire first, so taking their sum empties exactly them
                Ledger.take(c, d.getKey(), PointsKind.EXPIRE, d.getValue(), today, null, "system");
                expired += d.getValue();
            }
            return expired;
        });
    }

    @Override
    public Statement statement(long customerId, LocalDate from, LocalDate to) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            int opening;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(POINTS), 0) FROM POINTS_LEDGER WHERE CUSTOMER_ID = ? AND BOOKED_ON < ?")) {
                ps.setLong(1, customerId);
                ps.setDate(2, Date.valueOf(from));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    opening = rs.getInt(1);
                }
            }
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE CUSTOMER_ID = ? AND BOOKED_ON BETWEEN ? AND ? ORDER BY BOOKED_ON, ID")) {
                ps.setLong(1, customerId);
                ps.setDate(2, Date.valueOf(from));
                ps.setDate(3, Date.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            return new Statement(customerId, from, to, opening, entries, opening + entries.stream().mapToInt(Entry::points).sum());
        });
    }

    private static final String SELECT = "SELECT ID, CUSTOMER_ID, KIND, POINTS, REMAINING, BOOKED_ON, EXPIRES_ON, ORDER_ID, "
            + "CASE_ID, NOTE FROM POINTS_LEDGER";

    private Entry entry(long id) {
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE ID = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return entry(rs);
                }
            }
        });
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Date expires = rs.getDate(7);
        return new Entry(rs.getLong(1), rs.getLong(2), PointsKind.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5),
                rs.getDate(6).toLocalDate(), expires == null ? null : expires.toLocalDate(), (Long) rs.getObject(8),
                (Long) rs.getObject(9), rs.getString(10));
    }

    @Override
    public List<Long> unbalanced() {
        return db.jdbc(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CUSTOMER_ID FROM POINTS_LEDGER GROUP BY CUSTOMER_ID "
                    + "HAVING SUM(POINTS) <> SUM(REMAINING) OR SUM(POINTS) < 0 OR MIN(REMAINING) < 0");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    @Override
    public List<Measures> measures(LocalDate asOf) {
        security.check(Permission.CUSTOMER_READ);
        Map<Tier, double[]> sums = new EnumMap<>(Tier.class);
        double[] all = new double[14];
        db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.ID, " + ChurnServiceImpl.tierOf("c.ID") + ", "
                    + "(SELECT COUNT(*) FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID AND o.STATUS IN " + BOUGHT
                    + " AND o.ORDER_DATE > ? AND o.ORDER_DATE <= ?), "
                    + "(SELECT COUNT(*) FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID AND o.STATUS IN " + BOUGHT
                    + " AND o.ORDER_DATE > ? AND o.ORDER_DATE <= ?), "
                    + "(SELECT MIN(o.ORDER_DATE) FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID AND o.STATUS IN " + BOUGHT + "), "
                    + "(SELECT COALESCE(SUM(l.POINTS), 0) FROM POINTS_LEDGER l WHERE l.CUSTOMER_ID = c.ID), "
                    + "(SELECT COALESCE(SUM(l.POINTS), 0) FROM POINTS_LEDGER l WHERE l.CUSTOMER_ID = c.ID AND l.POINTS > 0 "
                    + "AND l.BOOKED_ON > ? AND l.BOOKED_ON <= ?), "
                    + "(SELECT COALESCE(-SUM(l.POINTS), 0) FROM POINTS_LEDGER l WHERE l.CUSTOMER_ID = c.ID AND l.KIND = 'REDEEM' "
                    + "AND l.BOOKED_ON > ? AND l.BOOKED_ON <= ?), c.CATEGORY_SPEND, "
                    + "(SELECT COALESCE(SUM(o.TOTAL), 0) FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID AND o.STATUS IN " + BOUGHT
                    + " AND o.ORDER_DATE > ? AND o.ORDER_DATE <= ?) FROM CUSTOMER c")) {
                Date start = Date.valueOf(asOf.minusYears(1));
                Date end = Date.valueOf(asOf);
                Date before = Date.valueOf(asOf.minusYears(2));
                ps.setDate(1, start);
                ps.setDate(2, end);
                ps.setDate(3, before);
                ps.setDate(4, start);
                ps.setDate(5, start);
                ps.setDate(6, end);
                ps.setDate(7, start);
                ps.setDate(8, end);
                ps.setDate(9, start);
                ps.setDate(10, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double[] s = sums.computeIfAbsent(Tier.valueOf(rs.getString(2)), t -> new double[14]);
                        Date first = rs.getDate(5);
                        BigDecimal wallet = rs.getBigDecimal(9);
                        double revenue = rs.getBigDecimal(10).doubleValue();
                        for (double[] group : new double[][] { s, all }) {
                            add(group, rs.getInt(3), rs.getInt(4), first == null ? null : first.toLocalDate(), asOf, rs.getLong(6),
                                    rs.getLong(7), rs.getLong(8));
                            if (wallet != null) {
                                group[11]++;
                                // a customer cannot give us more than their whole wallet, whatever was estimated
                                group[12] += Math.min(revenue, wallet.doubleValue());
                                group[13] += wallet.doubleValue();
                            }
                        }
                    }
                }
            }
            return null;
        });
        List<Measures> out = new ArrayList<>();
        sums.forEach((tier, s) -> out.add(measures(tier, s)));
        out.add(measures(null, all));
        return out;
    }

    /**
     * Sums per group: [0] customers, [1] buyers this year, [2] repeat buyers, [3] their orders, [4] buyers of the
     * year before, [5] of those who bought again, [6] tenure days of customers who ever bought, [7] such customers,
     * [8] points balance, [9] points earned and [10] redeemed this year; [11] customers whose category spend is known,
     * [12] our revenue from them (at most their spend) and [13] their spend.
     */
    private static void add(double[] s, int orders, int ordersBefore, LocalDate first, LocalDate asOf, long balance,
            long earned, long redeemed) {
        s[0]++;
        if (orders > 0) {
            s[1]++;
            s[3] += orders;
        }
        if (orders > 1) {
            s[2]++;
        }
        if (ordersBefore > 0) {
            s[4]++;
            if (orders > 0) {
                s[5]++;
            }
        }
        if (first != null && !first.isAfter(asOf)) {
            s[6] += ChronoUnit.DAYS.between(first, asOf);
            s[7]++;
        }
        s[8] += balance;
        s[9] += earned;
        s[10] += redeemed;
    }

    private static Measures measures(Tier tier, double[] s) {
        return new Measures(tier, (int) s[0], (int) s[1], s[1] == 0 ? 0 : s[2] / s[1], s[1] == 0 ? 0 : s[3] / s[1],
                s[4] == 0 ? 0 : s[5] / s[4], s[7] == 0 ? 0 : s[6] / s[7] / 365.25, (long) s[8], (long) s[9], (long) s[10],
                (int) s[11], s[13] == 0 ? 0 : s[12] / s[13]);
    }
}
