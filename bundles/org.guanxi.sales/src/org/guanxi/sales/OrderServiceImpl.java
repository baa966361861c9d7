package org.guanxi.sales;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.guanxi.core.AppClock;
import org.guanxi.core.Masking;
import org.guanxi.core.db.Codes;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Delivery;
import org.guanxi.core.model.InvoiceStatus;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Payment;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.Quote;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.States;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.sales.api.OrderService;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.SecurityService;
import org.guanxi.sales.api.ShortageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Orders: drafts, availability, and confirmation with its outbox message in one transaction. Confirmation locks the
 * rows of the order's products (in id order, so two confirmations cannot deadlock) before it reads availability, so
 * that two users confirming at once cannot both promise the last units.
 */
@Component(service = OrderService.class)
public class OrderServiceImpl implements OrderService {

    static final String ENTITY = "SalesOrder";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private final Outbox outbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public OrderServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit,
            @Reference Outbox outbox) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Override
    public List<Availability> availability(Map<Long, BigDecimal> quantities) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> StockCheck.availability(em, quantities));
    }

    @Override
    public SalesOrder save(SalesOrder input) {
        security.check(Permission.SALES_WRITE);
        Checks.throwIfAny(validate(input));
        SalesOrder saved = db.inTransaction(em -> {
            if (input.isNew()) {
                return persistDraft(em, input, security.currentUser(), audit);
            }
            SalesOrder o = current(em, input.getId(), input.getVersion());
            States.require(o.getStatus(), "error.orderStatus", o.getOrderNo(), OrderStatus.DRAFT);
            Map<String, Object> before = snapshot(o);
            o.setCustomer(Entities.require(em.find(Customer.class, input.getCustomer().getId()), "Customer",
                    input.getCustomer().getId()));
            o.setRequestedDate(input.getRequestedDate());
            // a form that showed the ship-to address masked gives back its mask: the address held stays
            o.setShipTo(Masking.unmask(Masking.Kind.ADDRESS, input.getShipTo(), o.getShipTo()));
            o.setNotes(input.getNotes());
            o.setCurrency(input.getCurrency());
            o.getLines().clear();
            em.flush();
            for (OrderLine l : input.getLines()) {
                OrderLine copy = new OrderLine(l.getProduct(), l.getQuantity(), l.getUnitPrice());
                copy.setListPrice(l.getListPrice());
                copy.setDiscountPct(l.getDiscountPct());
                PricedLines.price(em, null, copy);
                o.addLine(copy);
            }
            em.flush();
            audit.record(em, ENTITY, o.getId(), before, snapshot(o));
            return o;
        });
        Events.post(events, Topics.ORDER_CHANGED, saved.getId());
        return saved;
    }

    /** Numbers, prices and persists a new draft (also for quotes turned into orders). */
    static SalesOrder persistDraft(EntityManager em, SalesOrder o, String user, AuditLog audit) {
        o.setCustomer(Entities.require(em.find(Customer.class, o.getCustomer().getId()), "Customer", o.getCustomer().getId()));
        o.setOrderNo(Codes.next(em, "ORDER_NO_SEQ", "SO"));
        o.setStatus(OrderStatus.DRAFT);
        if (o.getOrderDate() == null) {
            o.setOrderDate(AppClock.today());
        }
        if (o.getOwner() == null || o.getOwner().isBlank()) {
            o.setOwner(user);
        }
        int n = 1;
        for (OrderLine l : o.getLines()) {
            l.setOrder(o);
            l.setLineNo(n++);
            PricedLines.price(em, null, l);
        }
        o.recompute();
        em.persist(o);
        em.flush();
        audit.record(em, ENTITY, o.getId(), Map.of(), snapshot(o));
        return o;
    }

    static List<FieldError> validate(SalesOrder o) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "customer", o.getCustomer());
        Checks.currency(errors, "currency", o.getCurrency());
        Checks.maxLength(errors, "shipTo", o.getShipTo(), 400);
        Checks.maxLength(errors, "notes", o.getNotes(), 2000);
        LocalDate day = o.getOrderDate() == null ? AppClock.today() : o.getOrderDate();
        if (o.getRequestedDate() != null && o.getRequestedDate().isBefore(day)) {
            errors.add(new FieldError("requestedDate", "error.beforeOrderDate"));
        }
        PricedLines.validate(errors, o.getLines());
        return errors;
    }

    @Override
    public SalesOrder get(long id) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> {
            SalesOrder o = Entities.require(em.find(SalesOrder.class, id), ENTITY, id);
            o.getLines().size();
            return shown(em, o);
        });
    }

    /**
     * The order as its reader may see it: for those without {@code PERSONAL_DATA} (detached) with the ship-to address
     * and the customer's phone, e-mail, ID and tax numbers masked.
     */
    private SalesOrder shown(EntityManager em, SalesOrder o) {
        if (security.hasPermission(Permission.PERSONAL_DATA)) {
            return o;
        }
        em.detach(o);
        Customer c = o.getCustomer();
        em.detach(c);
        o.setShipTo(Masking.mask(Masking.Kind.ADDRESS, o.getShipTo()));
        c.setPhone(Masking.mask(Masking.Kind.PHONE, c.getPhone()));
        c.setEmail(Masking.mask(Masking.Kind.EMAIL, c.getEmail()));
        c.setIdNumber(Masking.mask(Masking.Kind.NUMBER, c.getIdNumber()));
        c.setTaxId(Masking.mask(Masking.Kind.NUMBER, c.getTaxId()));
        return o;
    }

    @Override
    public Detail detail(long id) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> {
            SalesOrder o = Entities.require(em.find(SalesOrder.class, id), ENTITY, id);
            o.getLines().size();
            List<Delivery> deliveries = em.createQuery("SELECT d FROM Delivery d WHERE d.orderId = :o ORDER BY d.id",
                    Delivery.class).setParameter("o", id).getResultList();
            List<InvoiceRow> invoices = new ArrayList<>();
            for (Object[] r : em.createQuery("SELECT i.id, i.invoiceNo, i.issueDate, i.dueDate, i.amount, i.paidAmount, i.status "
                    + "FROM Invoice i WHERE i.order.id = :o ORDER BY i.issueDate, i.id", Object[].class).setParameter("o", id)
                    .getResultList()) {
                invoices.add(new InvoiceRow((Long) r[0], (String) r[1], (LocalDate) r[2], (LocalDate) r[3], (BigDecimal) r[4],
                        (BigDecimal) r[5], (InvoiceStatus) r[6]));
            }
            List<Payment> payments = invoices.isEmpty() ? List.of()
                    : em.createQuery("SELECT p FROM Payment p WHERE p.invoiceId IN :ids ORDER BY p.paidOn, p.id", Payment.class)
                            .setParameter("ids", invoices.stream().map(InvoiceRow::id).toList()).getResultList();
            Customer c = o.getCustomer();
            List<OutboxMessage> messages = outbox.of(ENTITY, id);
            if (!security.hasPermission(Permission.PERSONAL_DATA)) {
                // the ERP message carries the customer's tax number, phone, e-mail and the ship-to address
                messages.forEach(m -> m.setPayload(null));
            }
            return new Detail(shown(em, o), c.getCode(), c.getName(), deliveries, invoices, payments, messages);
        });
    }

    @Override
    public SalesOrder confirm(long id, long version, boolean allowBackorder) {
        security.check(Permission.SALES_WRITE);
        BigDecimal limit = DiscountAuthority.currentLimit(db, security);
        SalesOrder confirmed = db.inTransaction(em -> {
            SalesOrder o = current(em, id, version);
            States.require(o.getStatus(), "error.orderStatus", o.getOrderNo(), OrderStatus.DRAFT);
            checkDiscount(em, o, limit);
            Map<Long, BigDecimal> wanted = new TreeMap<>();
            for (OrderLine l : o.getLines()) {
                wanted.merge(l.getProduct().getId(), l.getQuantity(), BigDecimal::add);
            }
            for (Long productId : wanted.keySet()) {
                em.find(Product.class, productId, LockModeType.PESSIMISTIC_WRITE);
            }
            List<Availability> shortages = StockCheck.availability(em, wanted).stream().filter(a -> !a.ok()).toList();
            if (!shortages.isEmpty() && !allowBackorder) {
                throw new ShortageException(shortages);
            }
            Map<String, Object> before = snapshot(o);
            o.setStatus(OrderStatus.CONFIRMED);
            o.setConfirmedAt(AppClock.now());
            o.getLines().forEach(l -> l.setPromisedAt(o.getConfirmedAt()));
            em.flush();
            outbox.append(em, Outbox.ORDER_CONFIRMED, ENTITY, o.getId(), OrderMessages.key(o, "confirmed"),
                    OrderMessages.document(o, o.getCustomer(), "confirmed"));
            audit.record(em, ENTITY, o.getId(), before, snapshot(o));
            return o;
        });
        Events.post(events, Topics.ORDER_CHANGED, id);
        return confirmed;
    }

    /** Discounts need the user's authority, unless they come unchanged from a quote that was approved. */
    private static void checkDiscount(EntityManager em, SalesOrder o, BigDecimal limit) {
        BigDecimal max = o.maxDiscount();
        if (DiscountAuthority.covers(limit, max)) {
            return;
        }
        Quote q = o.getQuoteId() == null ? null : em.find(Quote.class, o.getQuoteId());
        if (q != null && q.getOrderId() != null && q.getOrderId().equals(o.getId()) && max.compareTo(q.getMaxDiscount()) <= 0) {
            return;
        }
        throw new GuanxiException("error.discountLimit", max.stripTrailingZeros().toPlainString(),
                limit.stripTrailingZeros().toPlainString());
    }

    @Override
    public SalesOrder cancel(long id, long version, String reason) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "cancelReason", reason, 400);
        Checks.throwIfAny(errors);
        SalesOrder cancelled = db.inTransaction(em -> {
            SalesOrder o = current(em, id, version);
            States.require(o.getStatus(), "error.orderStatus", o.getOrderNo(), OrderStatus.DRAFT, OrderStatus.CONFIRMED);
            Map<String, Object> before = snapshot(o);
            boolean wasConfirmed = o.getStatus() == OrderStatus.CONFIRMED;
            o.setStatus(OrderStatus.CANCELLED);
            o.getLines().forEach(l -> l.setPromisedAt(null));
            o.setCancelReason(reason.strip());
            em.flush();
            if (wasConfirmed) {
                outbox.append(em, Outbox.ORDER_CANCELLED, ENTITY, o.getId(), OrderMessages.key(o, "cancelled"),
                        OrderMessages.document(o, o.getCustomer(), "cancelled"));
            }
            audit.record(em, ENTITY, o.getId(), before, snapshot(o));
            return o;
        });
        Events.post(events, Topics.ORDER_CHANGED, id);
        return cancelled;
    }

    @Override
    public List<OrderRow> list(OrderStatus status, String text, int limit) {
        security.check(Permission.CUSTOMER_READ);
        String t = text == null ? "" : text.strip();
        StringBuilder sql = new StringBuilder("SELECT o.ID, o.VERSION, o.ORDER_NO, c.NAME, o.ORDER_DATE, o.STATUS, o.TOTAL, "
                + "o.ERP_ORDER_NO, o.OWNER_LOGIN FROM SALES_ORDER o JOIN CUSTOMER c ON c.ID = o.CUSTOMER_ID WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND o.STATUS = ?");
            args.add(status.name());
        }
        if (!t.isEmpty()) {
            sql.append(" AND (o.ORDER_NO LIKE ? OR o.ERP_ORDER_NO LIKE ? OR c.NAME_KEY LIKE ?)");
            args.add(t.toUpperCase(java.util.Locale.ROOT) + "%");
            args.add(t + "%");
            args.add(t.toLowerCase(java.util.Locale.ROOT) + "%");
        }
        sql.append(" ORDER BY o.ORDER_DATE DESC, o.ID DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<OrderRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OrderRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getDate(5).toLocalDate(), OrderStatus.valueOf(rs.getString(6)), rs.getBigDecimal(7),
                                rs.getString(8), rs.getString(9)));
                    }
                }
                return rows;
            }
        });
    }

    private static SalesOrder current(EntityManager em, long id, long version) {
        return Entities.current(em, SalesOrder.class, ENTITY, id, version);
    }

    static Map<String, Object> snapshot(SalesOrder o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderNo", o.getOrderNo());
        m.put("customerId", o.getCustomer().getId());
        m.put("status", o.getStatus());
        m.put("total", o.getTotal());
        m.put("currency", o.getCurrency());
        m.put("requestedDate", o.getRequestedDate());
        m.put("shipTo", o.getShipTo());
        m.put("notes", o.getNotes());
        m.put("quoteId", o.getQuoteId());
        m.put("owner", o.getOwner());
        m.put("cancelReason", o.getCancelReason());
        m.put("lines", PricedLines.describe(o.getLines()));
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
