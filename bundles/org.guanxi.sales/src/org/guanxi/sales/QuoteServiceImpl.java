package org.guanxi.sales;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.AppSettings;
import org.guanxi.core.db.Codes;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Quote;
import org.guanxi.core.model.QuoteLine;
import org.guanxi.core.model.QuoteStatus;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.States;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.sales.api.QuoteService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;

/** Quotes: priced from price lists, approved by discount authority, revised instead of overwritten, turned into orders. */
@Component(service = QuoteService.class)
public class QuoteServiceImpl implements QuoteService {

    static final String ENTITY = "Quote";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public QuoteServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Map<String, BigDecimal> discountLimits() {
        security.check(Permission.CUSTOMER_READ);
        return DiscountAuthority.limits(db);
    }

    @Override
    public void saveDiscountLimits(Map<String, BigDecimal> limits) {
        security.check(Permission.USER_ADMIN);
        List<FieldError> errors = new ArrayList<>();
        limits.forEach((role, pct) -> {
            Checks.required(errors, "discountLimit", pct);
            if (pct != null && (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0)) {
                errors.add(new FieldError("discountLimit", "error.param.range", 0, 100));
            }
        });
        Checks.throwIfAny(errors);
        db.jdbcTransaction(c -> {
            AppSettings.write(c, audit, "DiscountLimits", DiscountAuthority.SETTINGS, limits, security.currentUser());
            return null;
        });
    }

    @Override
    public BigDecimal discountLimit() {
        security.check(Permission.CUSTOMER_READ);
        return DiscountAuthority.currentLimit(db, security);
    }

    @Override
    public Quote save(Quote input) {
        security.check(Permission.SALES_WRITE);
        Checks.throwIfAny(validate(input));
        BigDecimal limit = discountLimit();
        Quote saved = db.inTransaction(em -> {
            Entities.require(em.find(Customer.class, input.getCustomerId()), "Customer", input.getCustomerId());
            Quote q;
            Map<String, Object> before;
            if (input.isNew()) {
                q = input;
                before = Map.of();
                q.setQuoteNo(Codes.next(em, "QUOTE_NO_SEQ", "QT"));
                q.setRevision(1);
                q.setOwner(security.currentUser());
                List<QuoteLine> lines = new ArrayList<>(q.getLines());
                q.getLines().clear();
                lines.forEach(l -> addPriced(em, q, l));
            } else {
                q = current(em, input.getId(), input.getVersion());
                if (!q.getStatus().editable()) {
                    throw new GuanxiException("error.quoteLocked", q.getQuoteNo(), q.getRevision());
                }
                before = snapshot(q);
                q.setCustomerId(input.getCustomerId());
                q.setContactId(input.getContactId());
                q.setOpportunityId(input.getOpportunityId());
                q.setPriceListId(input.getPriceListId());
                q.setCurrency(input.getCurrency());
                q.setValidUntil(input.getValidUntil());
                q.setNotes(input.getNotes());
                q.getLines().clear();
                em.flush();
                for (QuoteLine l : input.getLines()) {
                    QuoteLine copy = new QuoteLine();
                    copy.setProduct(l.getProduct());
                    copy.setQuantity(l.getQuantity());
                    copy.setListPrice(l.getListPrice());
                    copy.setDiscountPct(l.getDiscountPct());
                    addPriced(em, q, copy);
                }
            }
            // within the author's authority the quote needs nobody else; beyond it, it waits for an approver
            boolean covered = DiscountAuthority.covers(limit, q.getMaxDiscount());
            q.setStatus(covered ? QuoteStatus.APPROVED : QuoteStatus.PENDING_APPROVAL);
            q.setApprovedBy(null);
            q.setApprovedAt(null);
            if (q.isNew()) {
                em.persist(q);
            }
            em.flush();
            audit.record(em, ENTITY, q.getId(), before, snapshot(q));
            return q;
        });
        Events.post(events, Topics.QUOTE_CHANGED, saved.getId());
        return saved;
    }

    private static void addPriced(EntityManager em, Quote q, QuoteLine l) {
        PricedLines.price(em, q.getPriceListId(), l);
        q.addLine(l);
    }

    static List<FieldError> validate(Quote q) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "customer", q.getCustomerId());
        Checks.required(errors, "validUntil", q.getValidUntil());
        if (q.isNew() && q.getValidUntil() != null && q.getValidUntil().isBefore(AppClock.today())) {
            errors.add(new FieldError("validUntil", "error.past"));
        }
        Checks.currency(errors, "currency", q.getCurrency());
        Checks.maxLength(errors, "notes", q.getNotes(), 2000);
        PricedLines.validate(errors, q.getLines());
        return errors;
    }

    @Override
    public Quote get(long id) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> {
            Quote q = Entities.require(em.find(Quote.class, id), ENTITY, id);
            q.getLines().size();
            return q;
        });
    }

    @Override
    public Quote approve(long id, long version) {
        security.check(Permission.SALES_WRITE);
        BigDecimal limit = discountLimit();
        return transition(id, version, q -> {
            States.require(q.getStatus(), "error.quoteStatus", q.getQuoteNo(), QuoteStatus.PENDING_APPROVAL);
            if (!DiscountAuthority.covers(limit, q.getMaxDiscount())) {
                throw new GuanxiException("error.discountLimit", q.getMaxDiscount().stripTrailingZeros().toPlainString(),
                        limit.stripTrailingZeros().toPlainString());
            }
            q.setStatus(QuoteStatus.APPROVED);
            q.setApprovedBy(security.currentUser());
            q.setApprovedAt(AppClock.now());
        });
    }

    @Override
    public Quote send(long id, long version) {
        security.check(Permission.SALES_WRITE);
        return transition(id, version, q -> {
            States.require(q.getStatus(), "error.quoteStatus", q.getQuoteNo(), QuoteStatus.APPROVED);
            q.setStatus(QuoteStatus.SENT);
        });
    }

    @Override
    public Quote answer(long id, long version, boolean accepted) {
        security.check(Permission.SALES_WRITE);
        return transition(id, version, q -> {
            States.require(q.getStatus(), "error.quoteStatus", q.getQuoteNo(), QuoteStatus.APPROVED, QuoteStatus.SENT);
            q.setStatus(accepted ? QuoteStatus.ACCEPTED : QuoteStatus.REJECTED);
        });
    }

    @Override
    public Quote revise(long id, long version) {
        security.check(Permission.SALES_WRITE);
        BigDecimal limit = discountLimit();
        Quote next = db.inTransaction(em -> {
            Quote old = current(em, id, version);
            if (old.getStatus() == QuoteStatus.ORDERED || old.getStatus() == QuoteStatus.SUPERSEDED) {
                throw new GuanxiException("error.quoteStatus", old.getQuoteNo(), Labels.of(old.getStatus()));
            }
            Map<String, Object> before = snapshot(old);
            old.setStatus(QuoteStatus.SUPERSEDED);
            audit.record(em, ENTITY, old.getId(), before, snapshot(old));
            Quote q = new Quote();
            q.setQuoteNo(old.getQuoteNo());
            q.setRevision(old.getRevision() + 1);
            q.setCustomerId(old.getCustomerId());
            q.setContactId(old.getContactId());
            q.setOpportunityId(old.getOpportunityId());
            q.setPriceListId(old.getPriceListId());
            q.setCurrency(old.getCurrency());
            q.setValidUntil(old.getValidUntil().isBefore(AppClock.today()) ? AppClock.today().plusDays(30) : old.getValidUntil());
            q.setNotes(old.getNotes());
            q.setOwner(security.currentUser());
            for (QuoteLine l : old.getLines()) {
                q.addLine(new QuoteLine(l.getProduct(), l.getQuantity(), l.getListPrice(), l.getDiscountPct()));
            }
            q.setStatus(DiscountAuthority.covers(limit, q.getMaxDiscount()) ? QuoteStatus.APPROVED : QuoteStatus.PENDING_APPROVAL);
            em.persist(q);
            em.flush();
            audit.record(em, ENTITY, q.getId(), Map.of(), snapshot(q));
            return q;
        });
        Events.post(events, Topics.QUOTE_CHANGED, next.getId());
        return next;
    }

    @Override
    public SalesOrder toOrder(long id, long version) {
        security.check(Permission.SALES_WRITE);
        SalesOrder order = db.inTransaction(em -> {
            Quote q = current(em, id, version);
            States.require(q.getStatus(), "error.quoteStatus", q.getQuoteNo(), QuoteStatus.APPROVED, QuoteStatus.SENT, QuoteStatus.ACCEPTED);
            if (q.getValidUntil().isBefore(AppClock.today())) {
                throw new GuanxiException("error.quoteExpired", q.getQuoteNo(), q.getValidUntil());
            }
            Map<String, Object> before = snapshot(q);
            SalesOrder o = new SalesOrder();
            o.setCustomer(em.find(Customer.class, q.getCustomerId()));
            o.setCurrency(q.getCurrency());
            o.setQuoteId(q.getId());
            o.setOpportunityId(q.getOpportunityId());
            o.setOwner(q.getOwner());
            o.setNotes(q.getNotes());
            for (QuoteLine l : q.getLines()) {
                OrderLine ol = new OrderLine(l.getProduct(), l.getQuantity(), l.getUnitPrice());
                ol.setListPrice(l.getListPrice());
                ol.setDiscountPct(l.getDiscountPct());
                o.getLines().add(ol);
            }
            OrderServiceImpl.persistDraft(em, o, security.currentUser(), audit);
            q.setStatus(QuoteStatus.ORDERED);
            q.setOrderId(o.getId());
            em.flush();
            audit.record(em, ENTITY, q.getId(), before, snapshot(q));
            return o;
        });
        Events.post(events, Topics.QUOTE_CHANGED, id);
        Events.post(events, Topics.ORDER_CHANGED, order.getId());
        return order;
    }

    private Quote transition(long id, long version, java.util.function.Consumer<Quote> change) {
        Quote changed = db.inTransaction(em -> {
            Quote q = current(em, id, version);
            Map<String, Object> before = snapshot(q);
            change.accept(q);
            em.flush();
            audit.record(em, ENTITY, q.getId(), before, snapshot(q));
            q.getLines().size();
            return q;
        });
        Events.post(events, Topics.QUOTE_CHANGED, id);
        return changed;
    }

    private static final String ROW_SELECT = "SELECT q.ID, q.VERSION, q.QUOTE_NO, q.REVISION, c.NAME, q.STATUS, q.TOTAL, "
            + "q.MAX_DISCOUNT, q.VALID_UNTIL, q.OWNER_LOGIN FROM QUOTE q JOIN CUSTOMER c ON c.ID = q.CUSTOMER_ID ";

    @Override
    public List<QuoteRow> list(QuoteStatus status, String text, int limit) {
        security.check(Permission.CUSTOMER_READ);
        String t = text == null ? "" : text.strip();
        StringBuilder sql = new StringBuilder(ROW_SELECT).append("WHERE q.STATUS <> 'SUPERSEDED'");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND q.STATUS = ?");
            args.add(status.name());
        }
        if (!t.isEmpty()) {
            sql.append(" AND (q.QUOTE_NO LIKE ? OR c.NAME_KEY LIKE ?)");
            args.add(t.toUpperCase(Locale.ROOT) + "%");
            args.add(t.toLowerCase(Locale.ROOT) + "%");
        }
        sql.append(" ORDER BY q.CREATED_AT DESC, q.ID DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return rows(ps);
            }
        });
    }

    @Override
    public List<QuoteRow> revisions(String quoteNo) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(ROW_SELECT + "WHERE q.QUOTE_NO = ? ORDER BY q.REVISION")) {
                ps.setString(1, quoteNo);
                return rows(ps);
            }
        });
    }

    private static List<QuoteRow> rows(PreparedStatement ps) throws SQLException {
        List<QuoteRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new QuoteRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        QuoteStatus.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getDate(9).toLocalDate(), rs.getString(10)));
            }
        }
        return rows;
    }

    private static Quote current(EntityManager em, long id, long version) {
        return Entities.current(em, Quote.class, ENTITY, id, version);
    }

    static Map<String, Object> snapshot(Quote q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quoteNo", q.getQuoteNo() + "/" + q.getRevision());
        m.put("customerId", q.getCustomerId());
        m.put("opportunityId", q.getOpportunityId());
        m.put("priceListId", q.getPriceListId());
        m.put("status", q.getStatus());
        m.put("total", q.getTotal());
        m.put("maxDiscount", q.getMaxDiscount());
        m.put("validUntil", q.getValidUntil());
        m.put("approvedBy", q.getApprovedBy());
        m.put("orderId", q.getOrderId());
        m.put("lines", PricedLines.describe(q.getLines()));
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
