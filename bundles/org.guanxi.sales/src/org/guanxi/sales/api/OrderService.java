package org.guanxi.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Delivery;
import org.guanxi.core.model.InvoiceStatus;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Payment;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.Outbox;

/**
 * Sales orders entered in Guanxi: drafts, the available-to-promise check against the stock the SCM reports, and
 * confirmation, which writes the order and its message for the ERP in one transaction.
 */
public interface OrderService {

    /**
     * Availability of one product. {@code available} is on hand minus reserved over all warehouses, minus what orders
     * confirmed after the latest stock report still take; {@code tracked} is false for services and {@code reportedAt}
     * null when the SCM never reported the product.
     */
    record Availability(long productId, String sku, BigDecimal requested, BigDecimal available, boolean tracked,
            Instant reportedAt) {

        public boolean ok() {
            return !tracked || available.compareTo(requested) >= 0;
        }

        public BigDecimal shortfall() {
            return ok() ? BigDecimal.ZERO : requested.subtract(available.max(BigDecimal.ZERO));
        }
    }

    /** One row of the order list. */
    record OrderRow(long id, long version, String orderNo, String customer, LocalDate orderDate, OrderStatus status,
            BigDecimal total, String erpOrderNo, String owner) {
    }

    record InvoiceRow(long id, String invoiceNo, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
            BigDecimal paid, InvoiceStatus status) {
    }

    /** An order with what came back for it: deliveries, invoices, payments, and its messages to the ERP. */
    record Detail(SalesOrder order, String customerCode, String customerName, List<Delivery> deliveries,
            List<InvoiceRow> invoices, List<Payment> payments, List<OutboxMessage> messages) {
    }

    /** Availability of each product (id → quantity wanted), in the order given. */
    List<Availability> availability(Map<Long, BigDecimal> quantities);

    /** Validates and writes a draft; a new one gets the next number, today's date and the current user as owner. */
    SalesOrder save(SalesOrder order);

    SalesOrder get(long id);

    Detail detail(long id);

    /**
     * Confirms a draft: checks discount authority and availability (holding the products' rows so that two users
     * cannot promise the same stock), sets it CONFIRMED and queues {@link Outbox#ORDER_CONFIRMED} in the same
     * transaction.
     *
     * @throws ShortageException when a product is short and {@code allowBackorder} is false; nothing was written
     */
    SalesOrder confirm(long id, long version, boolean allowBackorder);

    /** Cancels a draft or a confirmed order with a reason; a confirmed one queues {@link Outbox#ORDER_CANCELLED}. */
    SalesOrder cancel(long id, long version, String reason);

    /** Orders newest first; {@code status} null for all, {@code text} matches number, ERP number or customer name. */
    List<OrderRow> list(OrderStatus status, String text, int limit);
}
