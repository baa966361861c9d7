package org.guanxi.integration;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.camel.Exchange;
import org.guanxi.core.service.ErpOrderSync;
import org.guanxi.core.service.ErpOrderSync.ErpDelivery;
import org.guanxi.core.service.ErpOrderSync.ErpInvoice;
import org.guanxi.core.service.ErpOrderSync.ErpPayment;
import org.guanxi.core.service.ErpOrderSync.ErpUpdate;
import org.guanxi.core.service.ErpOrderSync.Outcome;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The bean {@code erpUpdates}: asks the ERP (Guanxi contract) for what happened to orders since the last update
 * read, applies each, and only then moves the cursor. A crash between applying and moving the cursor re-reads a few
 * updates, which {@link ErpOrderSync#apply} recognises.
 */
public class ErpUpdates {

    static final String CURSOR = "erp.order-updates.after";
    private static final String NS = "urn:guanxi:erp:1";
    private static final int MAX = 500;
    private static final Logger LOG = Logger.getLogger(ErpUpdates.class.getName());

    private final ErpOrderSync sync;
    private final IntegrationState state;
    private final RouteStats stats;
    private final Runnable changed;

    ErpUpdates(ErpOrderSync sync, IntegrationState state, RouteStats stats, Runnable changed) {
        this.sync = sync;
        this.state = state;
        this.stats = stats;
        this.changed = changed;
    }

    public String request() {
        return "<GetOrderUpdates xmlns=\"" + NS + "\"><After>" + state.get(CURSOR, "0") + "</After><Max>" + MAX
                + "</Max></GetOrderUpdates>";
    }

    public void apply(Exchange exchange) throws Exception {
        String xml = exchange.getIn().getBody(String.class);
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();
        long last = -1;
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Element u : Xml.children(root, "Update")) {
            ErpUpdate update = new ErpUpdate(Xml.text(u, "OrderNo"), Xml.text(u, "ErpOrderNo"), Xml.text(u, "Status"),
                    delivery(Xml.child(u, "Delivery")), invoice(Xml.child(u, "Invoice")), payment(Xml.child(u, "Payment")));
            outcomes.merge(sync.apply(update), 1, Integer::sum);
            last = Long.parseLong(Xml.text(u, "Seq"));
            stats.done(exchange.getFromRouteId());
        }
        if (last >= 0) {
            state.put(CURSOR, Long.toString(last));
            LOG.info(() -> "ERP order updates: " + outcomes);
            changed.run();
        }
    }

    public void failed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        stats.failed(exchange.getFromRouteId(), OutboxRelay.describe(e));
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
