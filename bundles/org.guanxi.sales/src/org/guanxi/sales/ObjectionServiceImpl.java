package org.guanxi.sales;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Objection;
import org.guanxi.core.model.ObjectionKind;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.Entities;
import org.guanxi.sales.api.ObjectionService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/** The objection log: checked, audited entries and grouped counts of how they ended. */
@Component(service = ObjectionService.class)
public class ObjectionServiceImpl implements ObjectionService {

    static final String ENTITY = "Objection";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ObjectionServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Objection log(Objection o) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "objectionKind", o.getKind());
        Checks.required(errors, "statement", o.getStatement(), 1000);
        Checks.maxLength(errors, "response", o.getResponse(), 1000);
        Checks.required(errors, "outcome", o.getOutcome());
        if (o.getCustomerId() == null && o.getLeadId() == null && o.getOpportunityId() == null) {
            errors.add(new FieldError("customer", "error.objectionParty"));
        }
        if (o.getRaisedOn() != null && o.getRaisedOn().isAfter(AppClock.today())) {
            errors.add(new FieldError("raisedOn", "error.future"));
        }
        Checks.throwIfAny(errors);
        Objection saved = db.inTransaction(em -> {
            if (o.getOpportunityId() != null) {
                Opportunity deal = Entities.require(em.find(Opportunity.class, o.getOpportunityId()), OpportunityServiceImpl.ENTITY,
                        o.getOpportunityId());
                // statistics per customer count a deal's objections for its customer
                o.setCustomerId(Objects.requireNonNullElse(o.getCustomerId(), deal.getCustomerId()));
            }
            o.setStatement(o.getStatement().strip());
            o.setResponse(o.getResponse() == null || o.getResponse().isBlank() ? null : o.getResponse().strip());
            o.setRep(o.getRep() == null || o.getRep().isBlank() ? security.currentUser() : o.getRep());
            o.setRaisedOn(Objects.requireNonNullElse(o.getRaisedOn(), AppClock.today()));
            em.persist(o);
            em.flush();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("kind", o.getKind());
            after.put("statement", o.getStatement());
            after.put("method", o.getMethod());
            after.put("response", o.getResponse());
            after.put("outcome", o.getOutcome());
            after.put("customerId", o.getCustomerId());
            after.put("opportunityId", o.getOpportunityId());
            after.put("leadId", o.getLeadId());
            after.put("productId", o.getProductId());
            after.values().removeIf(Objects::isNull);
            audit.record(em, ENTITY, o.getId(), Map.of(), after);
            return o;
        });
        Events.post(events, Topics.OBJECTION_LOGGED, saved.getId());
        return saved;
    }

    @Override
    public List<Objection> ofCustomer(long customerId) {
        return of("customerId", customerId);
    }

    @Override
    public List<Objection> ofOpportunity(long opportunityId) {
        return of("opportunityId", opportunityId);
    }

    private List<Objection> of(String field, long id) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery("SELECT o FROM Objection o WHERE o." + field + " = :id ORDER BY o.raisedOn DESC, o.id DESC",
                Objection.class).setParameter("id", id).getResultList());
    }

    @Override
    public Statistics statistics(LocalDate from, LocalDate to) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            Map<String, Tally> kinds = new LinkedHashMap<>();
            for (ObjectionKind k : ObjectionKind.values()) {
                kinds.put(k.name(), new Tally(k.name(), 0, 0, 0, 0));
            }
            tally(c, "o.KIND", "", from, to).forEach(t -> kinds.put(t.group(), t));
            return new Statistics(List.copyOf(kinds.values()),
                    tally(c, "COALESCE(p.NAME, '')", "LEFT JOIN PRODUCT p ON p.ID = o.PRODUCT_ID ", from, to),
                    tally(c, "o.REP_LOGIN", "", from, to));
        });
    }

    /** Objections of the period per group, most frequent first; an empty group name means "no product". */
    private static List<Tally> tally(Connection c, String group, String join, LocalDate from, LocalDate to) throws SQLException {
        List<Tally> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + group + ", COUNT(*), "
                + "SUM(CASE WHEN o.OUTCOME = 'RESOLVED' THEN 1 ELSE 0 END), SUM(CASE WHEN o.OUTCOME = 'PARTLY' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN o.OUTCOME = 'UNRESOLVED' THEN 1 ELSE 0 END) FROM OBJECTION o " + join
                + "WHERE o.RAISED_ON BETWEEN ? AND ? GROUP BY " + group + " ORDER BY 2 DESC, 1")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Tally(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }
            }
        }
        return out;
    }
}
