package org.guanxi.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.PointsKind;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
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

    @Reference
    private Database db;

    @Reference
    private SecurityService security;

    public LoyaltyServiceImpl() {
    }

    public LoyaltyServiceImpl(Database db, SecurityService security) {
        this.db = db;
        this.security = security;
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
            LocalDate today = LocalDate.now();
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
            if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
                return 0; // earned meanwhile by another desktop
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
        BigDecimal rate = BigDecimal.ZERO;
        BigDecimal campaign = BigDecimal.ONE;
        int bonus = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT r.KIND, r.POINTS_PER_YUAN, r.MULTIPLIER, r.BONUS_POINTS, "
                + "(SELECT COALESCE(SUM(l.QUANTITY), 0) FROM ORDER_LINE l WHERE l.ORDER_ID = ? AND l.PRODUCT_ID = r.PRODUCT_ID) "
                + "FROM POINTS_RULE r WHERE r.ACTIVE AND (r.VALID_FROM IS NULL OR r.VALID_FROM <= ?) "
                + "AND (r.VALID_TO IS NULL OR r.VALID_TO >= ?)")) {
            ps.setLong(1, orderId);
            ps.setDate(2, Date.valueOf(day));
            ps.setDate(3, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "SPEND" -> rate = rate.add(rs.getBigDecimal(2));
                        case "CAMPAIGN" -> campaign = campaign.max(rs.getBigDecimal(3));
                        case "PRODUCT" -> bonus += rs.getInt(4) * rs.getBigDecimal(5).intValue();
                        default -> { }
                    }
                }
            }
        }
        MemberTier tier = tierFor(tiers(c), earned12m(c, customer, day));
        int points = total.multiply(rate).multiply(campaign).multiply(tier.multiplier()).setScale(0, RoundingMode.FLOOR).intValue()
                + bonus;
        if (points <= 0) {
            return 0;
        }
        Ledger.lot(c, customer, PointsKind.EARN, points, day, orderId, null, tier.code(), "system");
        return points;
    }

    @Override
    public int earnAll() {
        List<Long> orders = db.jdbc(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.ID FROM SALES_ORDER o WHERE o.STATUS IN " + EARNING
                    + " AND NOT EXISTS (SELECT 1 FROM POINTS_LEDGER l WHERE l.ORDER_ID = o.ID AND l.KIND = 'EARN') "
                    + "ORDER BY COALESCE(o.DELIVERED_ON, o.ORDER_DATE), o.ID"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        // in date order, so that each order sees the member tier its customer had reached by then
        int earned = 0;
        for (long id : orders) {
            if (earn(id) > 0) {
                earned++;
            }
        }
        return earned;
    }

    @Override
    public Entry grant(long customerId, int points, Long caseId, String note) {
        security.check(Permission.SERVICE_WRITE);
        positive(points);
        return entry(db.jdbcTransaction(c -> Ledger.lot(c, customerId, PointsKind.GRANT, points, LocalDate.now(), null, caseId,
                note, security.currentUser())));
    }

    @Override
    public Entry redeem(long customerId, int points, String note) {
        security.check(Permission.SERVICE_WRITE);
        positive(points);
        return entry(db.jdbcTransaction(c -> Ledger.take(c, customerId, PointsKind.REDEEM, points, LocalDate.now(), note,
                security.currentUser())));
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
        double[] all = new double[11];
        db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.ID, COALESCE((SELECT v.TIER FROM CUSTOMER_VALUE v "
                    + "WHERE v.CUSTOMER_ID = c.ID AND v.RUN_ID = (SELECT MAX(ID) FROM VALUE_RUN)), 'ORDINARY'), "
                    + "(SELECT COUNT(*) FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID AND o.STATUS IN " + BOUGHT
                    + " AND o.ORDER_DATE > ? AND o.ORDER_DATE <= ?), "
                    + "(SELECT COUNT(*) FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID AND o.STATUS IN " + BOUGHT
                    + " AND o.ORDER_DATE > ? AND o.ORDER_DATE <= ?), "
                    + "(SELECT MIN(o.ORDER_DATE) FROM SALES_ORDER o WHERE o.CUSTOMER_ID = c.ID AND o.STATUS IN " + BOUGHT + "), "
                    + "(SELECT COALESCE(SUM(l.POINTS), 0) FROM POINTS_LEDGER l WHERE l.CUSTOMER_ID = c.ID), "
                    + "(SELECT COALESCE(SUM(l.POINTS), 0) FROM POINTS_LEDGER l WHERE l.CUSTOMER_ID = c.ID AND l.POINTS > 0 "
                    + "AND l.BOOKED_ON > ? AND l.BOOKED_ON <= ?), "
                    + "(SELECT COALESCE(-SUM(l.POINTS), 0) FROM POINTS_LEDGER l WHERE l.CUSTOMER_ID = c.ID AND l.KIND = 'REDEEM' "
                    + "AND l.BOOKED_ON > ? AND l.BOOKED_ON <= ?) FROM CUSTOMER c")) {
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
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double[] s = sums.computeIfAbsent(Tier.valueOf(rs.getString(2)), t -> new double[11]);
                        Date first = rs.getDate(5);
                        add(s, rs.getInt(3), rs.getInt(4), first == null ? null : first.toLocalDate(), asOf, rs.getLong(6),
                                rs.getLong(7), rs.getLong(8));
                        add(all, rs.getInt(3), rs.getInt(4), first == null ? null : first.toLocalDate(), asOf, rs.getLong(6),
                                rs.getLong(7), rs.getLong(8));
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
     * [8] points balance, [9] points earned and [10] redeemed this year.
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
                s[4] == 0 ? 0 : s[5] / s[4], s[7] == 0 ? 0 : s[6] / s[7] / 365.25, (long) s[8], (long) s[9], (long) s[10]);
    }
}
