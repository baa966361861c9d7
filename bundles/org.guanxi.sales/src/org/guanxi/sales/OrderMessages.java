package org.guanxi.sales;

import static org.guanxi.core.XmlDocuments.text;

import org.guanxi.core.XmlDocuments;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.SalesOrder;

/**
 * The outbox payload of an order event in Guanxi's canonical order document (namespace {@value #NAMESPACE}). The
 * integration routes map it to each ERP's contract with XSLT, so this document is the one format the CRM promises.
 */
final class OrderMessages {

    static final String NAMESPACE = "urn:guanxi:order:1";
    static final String AGGREGATE = "SalesOrder";

    private OrderMessages() {
    }

    /** The idempotency key of an order event: one confirmation and one cancellation per order number, ever. */
    static String key(SalesOrder order, String event) {
        return order.getOrderNo() + ":" + event;
    }

    static String document(SalesOrder order, Customer customer, String event) {
        return XmlDocuments.write("order " + order.getOrderNo(), w -> {
            w.writeStartElement("SalesOrder");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("event", event);
            text(w, "IdempotencyKey", key(order, event));
            text(w, "OrderNo", order.getOrderNo());
            text(w, "OrderDate", order.getOrderDate());
            text(w, "RequestedDate", order.getRequestedDate());
            text(w, "Currency", order.getCurrency());
            text(w, "Total", order.getTotal());
            text(w, "Owner", order.getOwner());
            w.writeStartElement("Customer");
            text(w, "Code", customer.getCode());
            text(w, "Name", customer.getName());
            text(w, "TaxId", customer.getTaxId());
            text(w, "Phone", customer.getPhone());
            text(w, "Email", customer.getEmail());
            w.writeEndElement();
            text(w, "ShipTo", order.getShipTo());
            text(w, "Notes", order.getNotes());
            text(w, "CancelReason", order.getCancelReason());
            w.writeStartElement("Lines");
            for (OrderLine l : order.getLines()) {
                w.writeStartElement("Line");
                text(w, "LineNo", l.getLineNo());
                text(w, "Sku", l.getProduct().getSku());
                text(w, "Description", l.getProduct().getName());
                text(w, "Quantity", l.getQuantity());
                text(w, "ListPrice", l.getListPrice());
                text(w, "DiscountPct", l.getDiscountPct());
                text(w, "UnitPrice", l.getUnitPrice());
                text(w, "Amount", l.getAmount());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }
}
