package org.guanxi.integration;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.guanxi.core.service.ErpOrderSync;
import org.guanxi.core.service.ErpOrderSync.ErpDelivery;
import org.guanxi.core.service.ErpOrderSync.ErpInvoice;
import org.guanxi.core.service.ErpOrderSync.ErpPayment;
import org.guanxi.core.service.ErpOrderSync.ErpUpdate;
import org.guanxi.core.service.ErpPartnerSync;
import org.guanxi.core.service.ErpPartnerSync.PartnerUpdate;
import org.w3c.dom.Element;

/**
 * The ERP's change feeds of the Guanxi contract, read by the beans {@code erpUpdates} (orders: releases,
 * deliveries, invoices, payments, cancellations) and {@code erpPartnerUpdates} (business partners).
 */
final class ErpUpdates {

    static final String ORDER_CURSOR = "erp.order-updates.after";
    static final String PARTNER_CURSOR = "erp.partner-updates.after";

    private ErpUpdates() {
    }

    static ErpFeed orders(ErpOrderSync sync, IntegrationState state, RouteStats stats, Runnable changed) {
        return new ErpFeed("GetOrderUpdates", ORDER_CURSOR, u -> sync.apply(new ErpUpdate(Xml.text(u, "OrderNo"),
                Xml.text(u, "ErpOrderNo"), Xml.text(u, "Status"), delivery(Xml.child(u, "Delivery")),
                invoice(Xml.child(u, "Invoice")), payment(Xml.child(u, "Payment")))), state, stats, changed);
    }

    static ErpFeed partners(ErpPartnerSync sync, IntegrationState state, RouteStats stats, Runnable changed) {
        return new ErpFeed("GetPartnerUpdates", PARTNER_CURSOR, u -> {
            Element p = Xml.child(u, "Partner");
            return sync.apply(new PartnerUpdate(Xml.text(p, "Code"), Xml.text(u, "PartnerNo"),
                    Long.parseLong(Xml.text(u, "Version")), Xml.text(p, "Name"), Xml.text(p, "TaxId"), Xml.text(p, "Phone"),
                    Xml.text(p, "Email")));
        }, state, stats, changed);
    }

    private static ErpDelivery delivery(Element d) {
        return d == null ? null : new ErpDelivery(Xml.text(d, "DeliveryNo"), date(Xml.text(d, "ShippedOn")),
                date(Xml.text(d, "DeliveredOn")), Xml.text(d, "Carrier"), Xml.text(d, "TrackingNo"));
    }

    private static ErpInvoice invoice(Element i) {
        return i == null ? null : new ErpInvoice(Xml.text(i, "InvoiceNo"), date(Xml.text(i, "IssueDate")),
                date(Xml.text(i, "DueDate")), new BigDecimal(Xml.text(i, "Amount")));
    }

    private static ErpPayment payment(Element p) {
        return p == null ? null : new ErpPayment(Xml.text(p, "InvoiceNo"), date(Xml.text(p, "PaidOn")),
                new BigDecimal(Xml.text(p, "Amount")), Xml.text(p, "Method"), Xml.text(p, "Reference"));
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
