package org.guanxi.customer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.AppSettings;
import org.guanxi.core.db.Database;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.CustomerType;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Quadrant;
import org.guanxi.core.model.RelationshipStatus;
import org.guanxi.core.model.RfmSegment;
import org.guanxi.core.model.Stage;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.ValidationException;
import org.guanxi.core.service.SecurityService;
import org.guanxi.customer.value.Clv;
import org.guanxi.customer.value.CustomerFacts;
import org.guanxi.customer.value.CustomerTyping;
import org.guanxi.customer.value.Explained;
import org.guanxi.customer.value.Lifecycle;
import org.guanxi.customer.value.Models;
import org.guanxi.customer.value.Pyramid;
import org.guanxi.customer.value.Relationship;
import org.guanxi.customer.value.Rfm;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the value models over the whole base: the facts come from two grouped SQL queries over orders and order
 * lines, the models are the plain calculations of {@code org.guanxi.customer.value}, the results are written in
 * JDBC batches as a new run. Reasons are stored as message key and arguments and translated when read.
 */
@Component(service = CustomerValueService.class)
public class CustomerValueServiceImpl implements CustomerValueService {

    private static final Texts TEXTS = Texts.of(Explained.class);
    private static final int BATCH = 1_000;
    private static final Logger LOG = Logger.getLogger(CustomerValueServiceImpl.class.getName());

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    private static final String PARAMETER = "value.";
    private Relationship relationship = Relationship.DEFAULT;
    private CustomerTyping typing = CustomerTyping.DEFAULT;

    @Activate
    public CustomerValueServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Summary analyse(LocalDate asOf, IntConsumer progress) {
        security.check(Permission.CUSTOMER_WRITE);
        Instant startedAt = AppClock.now();
        try (Connection c = db.dataSource().getConnection()) {
            Map<Long, Party> parties = new HashMap<>();
            long t0 = System.nanoTime();
            List<CustomerFacts> base = facts(c, asOf, parties);
            long t1 = System.nanoTime();
            progress.accept(300);
            Jobs.checkCancelled("customer value analysis");
            Models models = Models.of(parameters());
            Pyramid pyramid = models.pyramid();
            Lifecycle lifecycle = models.lifecycle();
            Clv clv = models.clv();
            Map<Long, Explained<Tier>> tiers = pyramid.assign(base);
            Map<Long, Explained<Stage>> stages = new HashMap<>();
            Map<Long, Explained<RelationshipStatus>> statuses = new HashMap<>();
            Map<Long, Clv.Value> values = new HashMap<>();
            for (CustomerFacts f : base) {
                Explained<Stage> s = lifecycle.stage(f);
                stages.put(f.customerId(), s);
                statuses.put(f.customerId(), relationship.status(f, s.value()));
                values.put(f.customerId(), clv.of(f, s.value()));
            }
            Map<Long, Rfm.Score> rfm = Rfm.score(base);
            Map<Long, Explained<Quadrant>> quadrants = models.matrix().assign(base, values);
            Map<Long, Explained<CustomerType>> types = new HashMap<>();
            for (CustomerFacts f : base) {
                Party p = parties.get(f.customerId());
                types.put(f.customerId(), typing.type(p.kind(), p.manualType(), f, tiers.get(f.customerId()).value(), p.units()));
            }
            progress.accept(500);
            Jobs.checkCancelled("customer value analysis");
            long t2 = System.nanoTime();
            long runId = store(c, asOf, startedAt, base, new Results(tiers, stages, statuses, rfm, values, quadrants, types), progress);
            progress.accept(1000);
            LOG.info(() -> String.format(Locale.ROOT, "Customer value run %d over %,d customers: facts %,d ms, models %,d ms, "
                    + "stored in %,d ms", runId, base.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000));
            return summary(c, runId);
        } catch (SQLException e) {
            throw new IllegalStateException("Customer value analysis failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Parameters parameters() {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> Models.parse(AppSettings.read(c, PARAMETER)));
    }

    @Override
    public Parameters defaultParameters() {
        return Models.DEFAULTS;
    }

    @Override
    public void saveParameters(Parameters parameters) {
        security.check(Permission.CUSTOMER_WRITE);
        List<FieldError> errors = Models.check(parameters);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        db.jdbcTransaction(c -> {
            AppSettings.write(c, audit, "ValueParameters", PARAMETER, Models.values(parameters), security.currentUser());
            return null;
        });
    }

    @Override
    public Optional<Summary> lastSummary() {
        security.check(Permission.CUSTOMER_READ);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(ID) FROM VALUE_RUN WHERE FINISHED_AT IS NOT NULL")) {
            rs.next();
            long run = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(summary(c, run));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The figures of a stored run, aggregated in the database. */
    private static Summary summary(Connection c, long runId) throws SQLException {
        LocalDate asOf;
        int customers;
        long millis;
        try (PreparedStatement ps = c.prepareStatement("SELECT AS_OF, CUSTOMERS, STARTED_AT, FINISHED_AT FROM VALUE_RUN WHERE ID = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                asOf = rs.getDate(1).toLocalDate();
                customers = rs.getInt(2);
                millis = java.time.Duration.between(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()).toMillis();
            }
        }
        // one scan of the run's rows, grouped by every dimension at once; the few hundred groups are added up here
        Map<Tier, Object[]> tiers = new EnumMap<>(Tier.class);
        Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
        Map<RfmSegment, Integer> segments = new EnumMap<>(RfmSegment.class);
        Map<Quadrant, Integer> quadrants = new EnumMap<>(Quadrant.class);
        Map<RelationshipStatus, Integer> statuses = new EnumMap<>(RelationshipStatus.class);
        Map<CustomerType, Integer> types = new EnumMap<>(CustomerType.class);
        BigDecimal positive = BigDecimal.ZERO;
        BigDecimal equity = BigDecimal.ZERO;
        try (PreparedStatement ps = c.prepareStatement("SELECT TIER, STAGE, RFM_SEGMENT, QUADRANT, STATUS, CUSTOMER_TYPE, COUNT(*), "
                + "SUM(CASE WHEN VALUE_12M > 0 THEN VALUE_12M ELSE 0 END), SUM(CLV_REALISED + CLV_PREDICTED) "
                + "FROM CUSTOMER_VALUE WHERE RUN_ID = ? GROUP BY TIER, STAGE, RFM_SEGMENT, QUADRANT, STATUS, CUSTOMER_TYPE")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(7);
                    BigDecimal value = rs.getBigDecimal(8);
                    BigDecimal clvSum = rs.getBigDecimal(9);
                    tiers.merge(Tier.valueOf(rs.getString(1)), new Object[] { n, value, clvSum }, (a, b) -> new Object[] {
                            (int) a[0] + (int) b[0], ((BigDecimal) a[1]).add((BigDecimal) b[1]), ((BigDecimal) a[2]).add((BigDecimal) b[2]) });
                    stages.merge(Stage.valueOf(rs.getString(2)), n, Integer::sum);
                    segments.merge(RfmSegment.valueOf(rs.getString(3)), n, Integer::sum);
                    quadrants.merge(Quadrant.valueOf(rs.getString(4)), n, Integer::sum);
                    statuses.merge(RelationshipStatus.valueOf(rs.getString(5)), n, Integer::sum);
                    types.merge(CustomerType.valueOf(rs.getString(6)), n, Integer::sum);
                    positive = positive.add(value);
                    equity = equity.add(clvSum);
                }
            }
        }
        List<TierLevel> levels = new ArrayList<>();
        for (Tier t : Tier.values()) {
            Object[] v = tiers.getOrDefault(t, new Object[] { 0, BigDecimal.ZERO, BigDecimal.ZERO });
            BigDecimal value = (BigDecimal) v[1];
            levels.add(new TierLevel(t, (int) v[0], value,
                    positive.signum() == 0 ? 0 : value.doubleValue() / positive.doubleValue(), (BigDecimal) v[2]));
        }
        return new Summary(runId, asOf, customers, levels, stages, segments, quadrants, statuses, types, equity, millis);
    }

    /** What the customer type needs beside the facts: the party kind, a type set by a user, units bought. */
    private record Party(PartyKind kind, CustomerType manualType, BigDecimal units) {
    }

    /** One row per customer, from two grouped queries; customers without orders get empty facts. */
    private static List<CustomerFacts> facts(Connection c, LocalDate asOf, Map<Long, Party> parties) throws SQLException {
        Date to = Date.valueOf(asOf);
        Date y1 = Date.valueOf(asOf.minusMonths(12));
        Date m6 = Date.valueOf(asOf.minusMonths(6));
        // one after the other: run side by side on two connections they took 74 s instead of 36 s at a million
        // customers, the two scans evicting each other's pages from Derby's page cache
        long t0 = System.nanoTime();
        Map<Long, Object[]> orders = orders(c, y1, m6, to);
        long t1 = System.nanoTime();
        Map<Long, Object[]> costs = costs(c, y1, to);
        long t2 = System.nanoTime();
        LOG.fine(() -> String.format(Locale.ROOT, "facts: orders %,d ms, costs %,d ms", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
        List<CustomerFacts> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID, KIND, CUSTOMER_TYPE FROM CUSTOMER ORDER BY ID")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Object[] o = orders.get(id);
                Object[] bought = costs.get(id);
                String manual = rs.getString(3);
                parties.put(id, new Party(PartyKind.valueOf(rs.getString(2)), manual == null ? null : CustomerType.valueOf(manual),
                        bought == null ? BigDecimal.ZERO : (BigDecimal) bought[3]));
                if (o == null) {
                    out.add(new CustomerFacts(id, asOf, null, null, 0, 0, BigDecimal.ZERO, null, BigDecimal.ZERO, null,
                            BigDecimal.ZERO, BigDecimal.ZERO));
                    continue;
                }
                Object[] k = costs.get(id);
                boolean costKnown = k != null && (int) k[2] == 0 && k[0] != null;
                BigDecimal revenue = (BigDecimal) o[4];
                BigDecimal revenue12m = (BigDecimal) o[5];
                out.add(new CustomerFacts(id, asOf, (LocalDate) o[0], (LocalDate) o[1], (int) o[2], (int) o[3], revenue,
                        costKnown ? revenue.subtract((BigDecimal) k[0]) : null, revenue12m,
                        costKnown ? revenue12m.subtract((BigDecimal) k[1]) : null, (BigDecimal) o[6], (BigDecimal) o[7]));
            }
        }
        return out;
    }

    /** Per customer: first and last order, orders, orders in 12 months, revenue in total, 12 months, 6 months, 6–12 months. */
    private static Map<Long, Object[]> orders(Connection c, Date y1, Date m6, Date to) throws SQLException {
        Map<Long, Object[]> orders = new HashMap<>();
        // returns (credit notes) reduce revenue but are not purchases: they do not count as orders
        try (PreparedStatement ps = c.prepareStatement("SELECT CUSTOMER_ID, MIN(ORDER_DATE), MAX(ORDER_DATE), "
                + "SUM(CASE WHEN STATUS <> 'RETURNED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN ORDER_DATE > ? AND STATUS <> 'RETURNED' THEN 1 ELSE 0 END), SUM(TOTAL), "
                + "SUM(CASE WHEN ORDER_DATE > ? THEN TOTAL ELSE 0 END), SUM(CASE WHEN ORDER_DATE > ? THEN TOTAL ELSE 0 END), "
                + "SUM(CASE WHEN ORDER_DATE > ? AND ORDER_DATE <= ? THEN TOTAL ELSE 0 END) "
                + "FROM SALES_ORDER WHERE STATUS <> 'CANCELLED' AND ORDER_DATE <= ? GROUP BY CUSTOMER_ID")) {
            ps.setDate(1, y1);
            ps.setDate(2, y1);
            ps.setDate(3, m6);
            ps.setDate(4, y1);
            ps.setDate(5, m6);
            ps.setDate(6, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.put(rs.getLong(1), new Object[] { rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                            rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getBigDecimal(9) });
                }
            }
        }
        return orders;
    }

    /** Per customer: cost of goods in total and in 12 months, lines without a known cost, units bought. */
    private static Map<Long, Object[]> costs(Connection c, Date y1, Date to) throws SQLException {
        Map<Long, Object[]> costs = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.CUSTOMER_ID, SUM(l.QUANTITY * p.UNIT_COST), "
                + "SUM(CASE WHEN o.ORDER_DATE > ? THEN l.QUANTITY * p.UNIT_COST ELSE 0 END), "
                + "SUM(CASE WHEN p.UNIT_COST IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN o.STATUS <> 'RETURNED' THEN l.QUANTITY ELSE 0 END) "
                + "FROM SALES_ORDER o JOIN ORDER_LINE l ON l.ORDER_ID = o.ID JOIN PRODUCT p ON p.ID = l.PRODUCT_ID "
                + "WHERE o.STATUS <> 'CANCELLED' AND o.ORDER_DATE <= ? GROUP BY o.CUSTOMER_ID")) {
            ps.setDate(1, y1);
            ps.setDate(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    costs.put(rs.getLong(1), new Object[] { rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4), rs.getBigDecimal(5) });
                }
            }
        }
        return costs;
    }

    /** Every model's result per customer id. */
    private record Results(Map<Long, Explained<Tier>> tiers, Map<Long, Explained<Stage>> stages,
            Map<Long, Explained<RelationshipStatus>> statuses, Map<Long, Rfm.Score> rfm, Map<Long, Clv.Value> values,
            Map<Long, Explained<Quadrant>> quadrants, Map<Long, Explained<CustomerType>> types) {
    }

    private long store(Connection c, LocalDate asOf, Instant startedAt, List<CustomerFacts> base, Results results,
            IntConsumer progress) throws SQLException {
        c.setAutoCommit(false);
        try {
            long runId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO VALUE_RUN (AS_OF, STARTED_AT, CUSTOMERS, USER_LOGIN) "
                    + "VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setDate(1, Date.valueOf(asOf));
                ps.setTimestamp(2, Timestamp.from(startedAt));
                ps.setInt(3, base.size());
                ps.setString(4, security.currentUser());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER_VALUE (RUN_ID, CUSTOMER_ID, VALUE_12M, TIER, "
                    + "TIER_REASON, STAGE, STAGE_REASON, R, F, M, RFM_SEGMENT, CLV_REALISED, CLV_PREDICTED, QUADRANT, STATUS, "
                    + "STATUS_REASON, CUSTOMER_TYPE, TYPE_REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (CustomerFacts f : base) {
                    long id = f.customerId();
                    Explained<Tier> tier = results.tiers().get(id);
                    Explained<Stage> stage = results.stages().get(id);
                    Explained<RelationshipStatus> status = results.statuses().get(id);
                    Rfm.Score score = results.rfm().get(id);
                    Clv.Value v = results.values().get(id);
                    ps.setLong(1, runId);
                    ps.setLong(2, id);
                    ps.setBigDecimal(3, f.value12m());
                    ps.setString(4, tier.value().name());
                    ps.setString(5, encode(tier));
                    ps.setString(6, stage.value().name());
                    ps.setString(7, encode(stage));
                    ps.setInt(8, score.r());
                    ps.setInt(9, score.f());
                    ps.setInt(10, score.m());
                    ps.setString(11, score.segment().name());
                    ps.setBigDecimal(12, v.realised());
                    ps.setBigDecimal(13, v.predicted());
                    ps.setString(14, results.quadrants().get(id).value().name());
                    ps.setString(15, status.value().name());
                    ps.setString(16, encode(status));
                    Explained<CustomerType> type = results.types().get(id);
                    ps.setString(17, type.value().name());
                    ps.setString(18, encode(type));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                        Jobs.checkCancelled("customer value analysis");
                        progress.accept(500 + (int) (500L * n / base.size()));
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE VALUE_RUN SET FINISHED_AT = ? WHERE ID = ?")) {
                ps.setTimestamp(1, Timestamp.from(AppClock.now()));
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            c.commit();
            return runId;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String encode(Explained<?> e) {
        return Texts.encode(400, e.reasonKey(), e.args());
    }

    static String decode(String stored) {
        return TEXTS.decode(stored);
    }

    @Override
    public LocalDate latestOrderDate() {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(ORDER_DATE) FROM SALES_ORDER")) {
            rs.next();
            Date d = rs.getDate(1);
            return d == null ? AppClock.today() : d.toLocalDate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<CustomerValue> latest() {
        security.check(Permission.CUSTOMER_READ);
        return query("WHERE v.RUN_ID = (SELECT MAX(ID) FROM VALUE_RUN WHERE FINISHED_AT IS NOT NULL) ORDER BY v.CUSTOMER_ID", null);
    }

    @Override
    public List<CustomerValue> history(long customerId) {
        security.check(Permission.CUSTOMER_READ);
        // primary-key probes (RUN_ID, CUSTOMER_ID), one per finished run: no second index slows down every run
        List<Long> runs = db.jdbc(c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT ID FROM VALUE_RUN WHERE FINISHED_AT IS NOT NULL ORDER BY ID DESC")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        if (runs.isEmpty()) {
            return List.of();
        }
        String in = runs.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return query("WHERE v.CUSTOMER_ID = ? AND v.RUN_ID IN (" + in + ") ORDER BY v.RUN_ID DESC", customerId);
    }

    private List<CustomerValue> query(String where, Long customerId) {
        List<CustomerValue> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT v.CUSTOMER_ID, v.RUN_ID, r.AS_OF, v.VALUE_12M, v.TIER, v.TIER_REASON, v.STAGE, v.STAGE_REASON, v.R, "
                        + "v.F, v.M, v.RFM_SEGMENT, v.CLV_REALISED, v.CLV_PREDICTED, v.QUADRANT, c.CODE, c.NAME, v.STATUS, "
                        + "v.STATUS_REASON, v.CUSTOMER_TYPE, v.TYPE_REASON "
                        + "FROM CUSTOMER_VALUE v JOIN VALUE_RUN r ON r.ID = v.RUN_ID JOIN CUSTOMER c ON c.ID = v.CUSTOMER_ID "
                        + where)) {
            if (customerId != null) {
                ps.setLong(1, customerId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CustomerValue(rs.getLong(1), rs.getString(16), rs.getString(17), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
                            Tier.valueOf(rs.getString(5)), decode(rs.getString(6)), Stage.valueOf(rs.getString(7)),
                            decode(rs.getString(8)), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                            RfmSegment.valueOf(rs.getString(12)), rs.getBigDecimal(13), rs.getBigDecimal(14),
                            Quadrant.valueOf(rs.getString(15)), RelationshipStatus.valueOf(rs.getString(18)),
                            decode(rs.getString(19)), CustomerType.valueOf(rs.getString(20)), decode(rs.getString(21))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
