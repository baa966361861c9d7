package org.guanxi.core.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Interaction;
import org.guanxi.core.model.InvoiceStatus;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.service.CareService.CareDate;
import org.guanxi.core.service.CustomerValueService.CustomerValue;
import org.guanxi.core.service.TaskService.TaskRow;

/**
 * The 360° view and screen pop: a phone number as the caller id delivers it, a member card, a customer code, an
 * e-mail address or the start of a name finds the customer at once, and one call gathers everything an agent needs.
 */
public interface Customer360Service {

    /** What a lookup matched on. */
    enum Match {
        PHONE, CONTACT_PHONE, OTHER_PHONE, EMAIL, MEMBER_CARD, CODE, NAME
    }

    /** One customer found by a lookup; {@code matched} is the matching phone, card, contact or name. */
    record Hit(long customerId, String code, String name, String phone, String city, Match match, String matched) {
    }

    record OrderRow(long id, String orderNo, LocalDate date, OrderStatus status, BigDecimal total, LocalDate deliveredOn) {
    }

    record InvoiceRow(long id, String invoiceNo, LocalDate issued, BigDecimal amount, BigDecimal paid, InvoiceStatus status) {
    }

    /**
     * Everything about one customer: master data with contacts, addresses, phones and key dates; the latest value
     * analysis; order figures and the latest orders; unpaid invoices; the interaction timeline; coming care dates;
     * open tasks.
     */
    record View(Customer customer, Optional<CustomerValue> value, int orders, BigDecimal revenue, LocalDate lastOrder,
            List<OrderRow> recentOrders, List<InvoiceRow> openInvoices, BigDecimal openBalance,
            List<Interaction> timeline, List<CareDate> careDates, List<TaskRow> openTasks) {
    }

    /**
     * Finds customers for a screen pop: exact matches of a phone number (however it is written, also contacts' and
     * further phones), member card, customer code or e-mail come first; otherwise the prefix of a phone number,
     * card, code or name (Chinese characters or pinyin). At most {@code limit} hits.
     */
    List<Hit> lookup(String text, int limit);

    View view(long customerId);
}
