package org.guanxi.core.service;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the ERP tells Guanxi about orders, written back by the integration routes (not a user's command: the ERP is
 * the authority for these facts). Every method can be called again with the same facts without changing anything,
 * because a route that crashed halfway through repeats its last step.
 */
public interface ErpOrderSync {

    /**
     * The ERP accepted an outbox message about an order: its ERP number is written on the order and the message is
     * marked sent, in one transaction.
     */
    void accepted(long messageId, String erpOrderNo, String answer);

    record ErpDelivery(String deliveryNo, LocalDate shippedOn, LocalDate deliveredOn, String carrier, String trackingNo) {
    }

    record ErpInvoice(String invoiceNo, LocalDate issueDate, LocalDate dueDate, BigDecimal amount) {
    }

    record ErpPayment(String invoiceNo, LocalDate paidOn, BigDecimal amount, String method, String reference) {
    }

    /**
     * One event of an order in the ERP: {@code status} RELEASED, DELIVERED, INVOICED, PAID or CANCELLED, with the
     * delivery, invoice or payment it brings (or null).
     */
    record ErpUpdate(String orderNo, String erpOrderNo, String status, ErpDelivery delivery, ErpInvoice invoice,
            ErpPayment payment) {
    }

    enum Outcome { APPLIED, ALREADY_KNOWN, UNKNOWN_ORDER }

    /** Applies an update from the ERP: order status, delivery, invoice or payment; a repeated update changes nothing. */
    Outcome apply(ErpUpdate update);
}
