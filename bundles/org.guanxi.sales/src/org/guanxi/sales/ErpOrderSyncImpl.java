package org.guanxi.sales;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Delivery;
import org.guanxi.core.model.Invoice;
import org.guanxi.core.model.InvoiceStatus;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Payment;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ErpOrderSync;
import org.guanxi.core.service.Outbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;

/**
 * Writes back what the ERP reports about orders. Every step is idempotent (numbers are unique: delivery, invoice and
 * payment reference), so a route that repeats a step after a crash or a re-read changes nothing twice. Order states
 * only move forward: a late RELEASED after DELIVERED does not set the order back.
 */
@Component(service = ErpOrderSync.class)
public class ErpOrderSyncImpl implements ErpOrderSync {

    private final Database db;
    private final AuditLog audit;
    private final Outbox outbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ErpOrderSyncImpl(@Reference Database db, @Reference AuditLog audit, @Reference Outbox outbox) {
        this.db = db;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Override
    public void accepted(long messageId, String erpOrderNo, String answer) {
        // the ERP number is read and written with plain JDBC on the transaction's connection: loading the order for
        // it (with its customer, eagerly) was a third of an acknowledgement's time, and EclipseLink's native updates
        // cost more than the update itself
        Long orderId = outbox.acknowledge(db, messageId, answer, em -> {
            Long id = erpOrderNo == null || erpOrderNo.isBlank() ? null : outbox.aggregateId(em, messageId, OrderMessages.AGGREGATE);
            if (id == null) {
                return null;
            }
            Map<String, Object> before = Database.jdbc(em, c -> {
                try (PreparedStatement read = c.prepareStatement("SELECT ERP_ORDER_NO, STATUS FROM SALES_ORDER WHERE ID = ?")) {
                    read.setLong(1, id);
                    try (ResultSet rs = read.executeQuery()) {
                        if (!rs.next() || erpOrderNo.equals(rs.getString(1))) {
                            return null;
                        }
                        Map<String, Object> fields = new LinkedHashMap<>();
                        if (rs.getString(1) != null) {
                            fields.put("erpOrderNo", rs.getString(1));
                        }
                        fields.put("status", rs.getString(2));
                        return fields;
                    }
                }
            });
            if (before == null) {
                return null;
            }
            Database.jdbc(em, c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE SALES_ORDER SET ERP_ORDER_NO = ?, VERSION = VERSION + 1 WHERE ID = ?")) {
                    update.setString(1, erpOrderNo);
                    update.setLong(2, id);
                    return update.executeUpdate();
                }
            });
            audit.record(em, OrderServiceImpl.ENTITY, id, before, Map.of("erpOrderNo", erpOrderNo, "status", before.get("status")));
            return id;
        });
        if (orderId != null) {
            Events.post(events, Topics.ORDER_CHANGED, orderId);
        }
    }

    @Override
    public Outcome apply(ErpUpdate u) {
        Object[] result = db.inTransaction(em -> {
            List<SalesOrder> found = em.createQuery("SELECT o FROM SalesOrder o WHERE o.orderNo = :n", SalesOrder.class)
                    .setParameter("n", u.orderNo()).getResultList();
            if (found.isEmpty()) {
                return new Object[] { Outcome.UNKNOWN_ORDER, null };
            }
            SalesOrder o = found.get(0);
            Map<String, Object> before = erpFields(o);
            boolean changed = false;
            if (u.erpOrderNo() != null && !u.erpOrderNo().equals(o.getErpOrderNo())) {
                o.setErpOrderNo(u.erpOrderNo());
                changed = true;
            }
            if (u.delivery() != null) {
                changed |= delivery(em, o, u.delivery());
            }
            if (u.invoice() != null) {
                changed |= invoice(em, o, u.invoice());
            }
            if (u.payment() != null) {
                changed |= payment(em, u.payment());
            }
            OrderStatus next = switch (u.status()) {
                case "DELIVERED" -> OrderStatus.DELIVERED;
                case "INVOICED", "PAID" -> OrderStatus.INVOICED;
                case "CANCELLED" -> OrderStatus.CANCELLED;
                default -> null;
            };
            if (next != null && moves(o.getStatus(), next)) {
                o.setStatus(next);
                if (next == OrderStatus.DELIVERED && u.delivery() != null && u.delivery().deliveredOn() != null) {
                    o.setDeliveredOn(u.delivery().deliveredOn());
                }
                changed = true;
            }
            if (changed) {
                audit.record(em, OrderServiceImpl.ENTITY, o.getId(), before, erpFields(o));
            }
            return new Object[] { changed ? Outcome.APPLIED : Outcome.ALREADY_KNOWN, o.getId() };
        });
        if (result[0] == Outcome.APPLIED) {
            Events.post(events, Topics.ORDER_CHANGED, (Long) result[1]);
        }
        return (Outcome) result[0];
    }

    /** Orders move forward only: confirmed → delivered → invoiced; a cancellation ends a confirmed order. */
    private static boolean moves(OrderStatus from, OrderStatus to) {
        return switch (to) {
            case DELIVERED -> from == OrderStatus.CONFIRMED;
            case INVOICED -> from == OrderStatus.CONFIRMED || from == OrderStatus.DELIVERED;
            case CANCELLED -> from == OrderStatus.CONFIRMED;
            default -> false;
        };
    }

    private static boolean delivery(EntityManager em, SalesOrder o, ErpDelivery d) {
        if (!em.createQuery("SELECT d.id FROM Delivery d WHERE d.deliveryNo = :n", Long.class).setParameter("n", d.deliveryNo())
                .getResultList().isEmpty()) {
            return false;
        }
        Delivery x = new Delivery();
        x.setOrderId(o.getId());
        x.setDeliveryNo(d.deliveryNo());
        x.setShippedOn(d.shippedOn());
        x.setDeliveredOn(d.deliveredOn());
        x.setCarrier(d.carrier());
        x.setTrackingNo(d.trackingNo());
        x.setStatus(d.deliveredOn() != null ? Delivery.Status.DELIVERED : Delivery.Status.SHIPPED);
        em.persist(x);
        return true;
    }

    private static boolean invoice(EntityManager em, SalesOrder o, ErpInvoice i) {
        if (!invoices(em, i.invoiceNo()).isEmpty()) {
            return false;
        }
        Invoice x = new Invoice();
        x.setInvoiceNo(i.invoiceNo());
        x.setCustomer(o.getCustomer());
        x.setOrder(o);
        x.setIssueDate(i.issueDate());
        x.setDueDate(i.dueDate());
        x.setAmount(i.amount());
        em.persist(x);
        return true;
    }

    private static boolean payment(EntityManager em, ErpPayment p) {
        List<Invoice> invoice = invoices(em, p.invoiceNo());
        if (invoice.isEmpty()) {
            throw new IllegalArgumentException("Payment " + p.reference() + " is for invoice " + p.invoiceNo()
                    + ", which the ERP has not reported");
        }
        // a payment without the ERP's reference is recognised by its day and amount
        String reference = p.reference() != null ? p.reference() : p.paidOn() + "/" + p.amount().toPlainString();
        if (!em.createQuery("SELECT p.id FROM Payment p WHERE p.reference = :r AND p.invoiceId = :i", Long.class)
                .setParameter("r", reference).setParameter("i", invoice.get(0).getId()).getResultList().isEmpty()) {
            return false;
        }
        Invoice i = invoice.get(0);
        Payment x = new Payment();
        x.setInvoiceId(i.getId());
        x.setPaidOn(p.paidOn());
        x.setAmount(p.amount());
        x.setMethod(p.method());
        x.setReference(reference);
        em.persist(x);
        BigDecimal paid = i.getPaidAmount().add(p.amount());
        i.setPaidAmount(paid);
        i.setStatus(paid.compareTo(i.getAmount()) >= 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTLY_PAID);
        return true;
    }

    private static List<Invoice> invoices(EntityManager em, String invoiceNo) {
        return em.createQuery("SELECT i FROM Invoice i WHERE i.invoiceNo = :n", Invoice.class).setParameter("n", invoiceNo)
                .getResultList();
    }

    private static Map<String, Object> erpFields(SalesOrder o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("erpOrderNo", o.getErpOrderNo());
        m.put("status", o.getStatus());
        m.put("deliveredOn", o.getDeliveredOn());
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
