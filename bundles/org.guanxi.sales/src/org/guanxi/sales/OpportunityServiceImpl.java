package org.guanxi.sales;

import static org.guanxi.core.service.Checks.maxLength;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.AppSettings;
import org.guanxi.core.db.Codes;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;

/** Opportunities: checked and audited writes, stage moves with reasons, the board from one grouped query per call. */
@Component(service = OpportunityService.class)
public class OpportunityServiceImpl implements OpportunityService {

    static final String ENTITY = "Opportunity";
    private static final String SETTINGS = "sales.stage.";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public OpportunityServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Map<SalesStage, Integer> stageProbabilities() {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(OpportunityServiceImpl::stageProbabilities);
    }

    static Map<SalesStage, Integer> stageProbabilities(Connection c) throws SQLException {
        Map<String, String> stored = AppSettings.read(c, SETTINGS);
        Map<SalesStage, Integer> p = new EnumMap<>(SalesStage.class);
        for (SalesStage s : SalesStage.values()) {
            p.put(s, s.isClosed() ? s.defaultProbability() : LeadScoring.number(stored.get(s.name()), s.defaultProbability()));
        }
        return p;
    }

    @Override
    public void saveStageProbabilities(Map<SalesStage, Integer> probabilities) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        int previous = 0;
        for (SalesStage s : SalesStage.open()) {
            Integer p = probabilities.get(s);
            String field = "stage." + s.name().toLowerCase(java.util.Locale.ROOT);
            Checks.required(errors, field, p);
            Checks.range(errors, field, p, 0, 100);
            if (p != null && p < previous) {
                errors.add(new FieldError(field, "error.stageOrder"));
            }
            previous = p == null ? previous : p;
            values.put(s.name(), p);
        }
        Checks.throwIfAny(errors);
        db.jdbcTransaction(c -> {
            AppSettings.write(c, audit, "StageProbabilities", SETTINGS, values, security.currentUser());
            return null;
        });
    }

    @Override
    public Opportunity save(Opportunity input) {
        security.check(Permission.SALES_WRITE);
        Checks.throwIfAny(validate(input));
        Opportunity saved = db.inTransaction(em -> {
            Entities.require(em.find(Customer.class, input.getCustomerId()), "Customer", input.getCustomerId());
            if (input.isNew()) {
                input.setCode(Codes.next(em, "OPPORTUNITY_NO_SEQ", "OP"));
                if (LeadServiceImpl.blank(input.getOwner())) {
                    input.setOwner(security.currentUser());
                }
                if (input.getStage().isClosed()) {
                    requireReason(input.getCloseReason());
                    input.setClosedOn(AppClock.today());
                }
                em.persist(input);
                em.flush();
                audit.record(em, ENTITY, input.getId(), Map.of(), snapshot(input));
                return input;
            }
            Opportunity o = current(em, input.getId(), input.getVersion());
            Map<String, Object> before = snapshot(o);
            o.setName(input.getName().strip());
            o.setCustomerId(input.getCustomerId());
            o.setContactId(input.getContactId());
            o.setProbability(input.getProbability());
            o.setAmount(input.getAmount());
            o.setCurrency(input.getCurrency());
            o.setExpectedClose(input.getExpectedClose());
            o.setOwner(LeadServiceImpl.blank(input.getOwner()) ? o.getOwner() : input.getOwner());
            o.setCompetitors(input.getCompetitors());
            o.setNextStep(input.getNextStep());
            if (input.getStage() != o.getStage()) {
                changeStage(o, input.getStage(), input.getCloseReason());
            } else if (o.getStage().isClosed()) {
                o.setCloseReason(input.getCloseReason());
                requireReason(o.getCloseReason());
            }
            em.flush();
            audit.record(em, ENTITY, o.getId(), before, snapshot(o));
            return o;
        });
        Events.post(events, Topics.OPPORTUNITY_CHANGED, saved.getId());
        return saved;
    }

    static List<FieldError> validate(Opportunity o) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "opportunityName", o.getName(), 200);
        Checks.required(errors, "customer", o.getCustomerId());
        Checks.required(errors, "stage", o.getStage());
        Checks.required(errors, "expectedClose", o.getExpectedClose());
        Checks.required(errors, "amount", o.getAmount());
        Checks.notNegative(errors, "amount", o.getAmount());
        Checks.range(errors, "probability", o.getProbability(), 0, 100);
        maxLength(errors, "competitors", o.getCompetitors(), 400);
        maxLength(errors, "nextStep", o.getNextStep(), 400);
        maxLength(errors, "closeReason", o.getCloseReason(), 400);
        Checks.currency(errors, "currency", o.getCurrency());
        return errors;
    }

    @Override
    public Opportunity get(long id) {
        security.check(Permission.CUSTOMER_READ);
        return Entities.require(db.read(em -> em.find(Opportunity.class, id)), ENTITY, id);
    }

    @Override
    public Opportunity move(long id, long version, SalesStage stage, String reason) {
        security.check(Permission.SALES_WRITE);
        Objects.requireNonNull(stage, "stage");
        Opportunity moved = db.inTransaction(em -> {
            Opportunity o = current(em, id, version);
            if (o.getStage() == stage) {
                return o;
            }
            Map<String, Object> before = snapshot(o);
            changeStage(o, stage, reason);
            em.flush();
            audit.record(em, ENTITY, o.getId(), before, snapshot(o));
            return o;
        });
        Events.post(events, Topics.OPPORTUNITY_CHANGED, id);
        return moved;
    }

    /** Won and lost need a reason and close the deal today; back to an open stage clears both. */
    private static void changeStage(Opportunity o, SalesStage stage, String reason) {
        if (stage.isClosed()) {
            requireReason(reason);
            o.setCloseReason(reason.strip());
            o.setClosedOn(AppClock.today());
        } else {
            o.setCloseReason(null);
            o.setClosedOn(null);
        }
        o.setStage(stage);
        o.setStageChangedAt(AppClock.now());
    }

    private static void requireReason(String reason) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "closeReason", reason, 400);
        Checks.throwIfAny(errors);
    }

    private static Opportunity current(EntityManager em, long id, long version) {
        return Entities.current(em, Opportunity.class, ENTITY, id, version);
    }

    @Override
    public List<Column> board(Filter filter, int cardsPerColumn) {
        security.check(Permission.CUSTOMER_READ);
        String owner = filter == null ? null : filter.owner();
        return db.jdbc(c -> {
            Map<SalesStage, Integer> probabilities = stageProbabilities(c);
            Map<SalesStage, Object[]> sums = new EnumMap<>(SalesStage.class);
            // amounts with the stage's default probability and with their own are summed apart, so that the
            // weighted total follows the configured defaults without touching every row
            try (PreparedStatement ps = c.prepareStatement("SELECT STAGE, COUNT(*), SUM(AMOUNT), "
                    + "SUM(CASE WHEN PROBABILITY IS NULL THEN AMOUNT ELSE 0 END), SUM(AMOUNT * COALESCE(PROBABILITY, 0)) "
                    + "FROM OPPORTUNITY WHERE STAGE NOT IN ('WON', 'LOST')" + (owner == null ? "" : " AND OWNER_LOGIN = ?")
                    + " GROUP BY STAGE")) {
                if (owner != null) {
                    ps.setString(1, owner);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sums.put(SalesStage.valueOf(rs.getString(1)), new Object[] { rs.getInt(2), rs.getBigDecimal(3),
                                rs.getBigDecimal(4), rs.getBigDecimal(5) });
                    }
                }
            }
            List<Column> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CARD_SELECT + "WHERE o.STAGE = ?" + (owner == null ? "" : " AND o.OWNER_LOGIN = ?")
                    + " ORDER BY o.EXPECTED_CLOSE, o.ID FETCH FIRST " + Math.max(1, cardsPerColumn) + " ROWS ONLY")) {
                for (SalesStage stage : SalesStage.open()) {
                    Object[] s = sums.get(stage);
                    int p = probabilities.get(stage);
                    List<Card> cards = new ArrayList<>();
                    if (s != null && cardsPerColumn > 0) {
                        ps.setString(1, stage.name());
                        if (owner != null) {
                            ps.setString(2, owner);
                        }
                        cards = cards(ps, probabilities);
                    }
                    if (s == null) {
                        columns.add(new Column(stage, 0, BigDecimal.ZERO, BigDecimal.ZERO, cards));
                    } else {
                        BigDecimal weighted = ((BigDecimal) s[2]).multiply(BigDecimal.valueOf(p)).add((BigDecimal) s[3])
                                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                        columns.add(new Column(stage, (int) s[0], (BigDecimal) s[1], weighted, cards));
                    }
                }
            }
            return columns;
        });
    }

    private static final String CARD_SELECT = "SELECT o.ID, o.VERSION, o.CODE, o.NAME, c.NAME, o.AMOUNT, o.PROBABILITY, "
            + "o.EXPECTED_CLOSE, o.OWNER_LOGIN, o.STAGE FROM OPPORTUNITY o JOIN CUSTOMER c ON c.ID = o.CUSTOMER_ID ";

    private static List<Card> cards(PreparedStatement ps, Map<SalesStage, Integer> probabilities) throws SQLException {
        List<Card> cards = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Integer own = (Integer) rs.getObject(7);
                Date close = rs.getDate(8);
                cards.add(new Card(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                        own != null ? own : probabilities.get(SalesStage.valueOf(rs.getString(10))), close.toLocalDate(),
                        rs.getString(9), SalesStage.valueOf(rs.getString(10))));
            }
        }
        return cards;
    }

    @Override
    public List<Card> find(String text, SalesStage stage, Filter filter, int limit) {
        security.check(Permission.CUSTOMER_READ);
        StringBuilder sql = new StringBuilder(CARD_SELECT + "WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        String prefix = text == null ? "" : text.strip();
        if (!prefix.isEmpty()) {
            sql.append(" AND (o.CODE = ? OR UPPER(o.NAME) LIKE ? OR c.NAME_KEY LIKE ? OR c.PINYIN_KEY LIKE ?)");
            args.add(prefix.toUpperCase(java.util.Locale.ROOT));
            args.add(prefix.toUpperCase(java.util.Locale.ROOT) + "%");
            args.add(org.guanxi.core.model.SearchKeys.nameKey(prefix) + "%");
            args.add(org.guanxi.core.model.SearchKeys.nameKey(prefix).replace(" ", "") + "%");
        }
        if (stage != null) {
            sql.append(" AND o.STAGE = ?");
            args.add(stage.name());
        }
        if (filter != null && filter.owner() != null) {
            sql.append(" AND o.OWNER_LOGIN = ?");
            args.add(filter.owner());
        }
        sql.append(" ORDER BY CASE WHEN o.STAGE IN ('WON', 'LOST') THEN 1 ELSE 0 END, "
                + "CASE WHEN o.STAGE IN ('WON', 'LOST') THEN NULL ELSE o.EXPECTED_CLOSE END, o.CLOSED_ON DESC, o.ID FETCH FIRST ")
                .append(Math.max(1, limit)).append(" ROWS ONLY");
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return cards(ps, stageProbabilities(c));
            }
        });
    }

    @Override
    public List<Card> ofCustomer(long customerId) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(CARD_SELECT + "WHERE o.CUSTOMER_ID = ? ORDER BY o.CREATED_AT DESC, o.ID DESC")) {
                ps.setLong(1, customerId);
                return cards(ps, stageProbabilities(c));
            }
        });
    }

    static Map<String, Object> snapshot(Opportunity o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", o.getCode());
        m.put("name", o.getName());
        m.put("customerId", o.getCustomerId());
        m.put("contactId", o.getContactId());
        m.put("leadId", o.getLeadId());
        m.put("stage", o.getStage());
        m.put("probability", o.getProbability());
        m.put("amount", o.getAmount());
        m.put("currency", o.getCurrency());
        m.put("expectedClose", o.getExpectedClose());
        m.put("owner", o.getOwner());
        m.put("competitors", o.getCompetitors());
        m.put("nextStep", o.getNextStep());
        m.put("closeReason", o.getCloseReason());
        m.put("closedOn", o.getClosedOn());
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
