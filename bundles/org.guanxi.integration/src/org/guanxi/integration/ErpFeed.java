package org.guanxi.integration;

import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.camel.Exchange;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A bean that polls one of the ERP's change feeds (Guanxi contract: GetOrderUpdates, GetPartnerUpdates): asks for
 * what happened since the last entry read, applies each entry, and only then moves the cursor. A crash between
 * applying and moving the cursor re-reads a few entries, which every {@code apply} recognises as known.
 */
public class ErpFeed {

    private static final String NS = "urn:guanxi:erp:1";
    private static final int MAX = 500;
    private static final Logger LOG = Logger.getLogger(ErpFeed.class.getName());

    private final String operation;
    private final String cursor;
    private final Function<Element, Enum<?>> apply;
    private final IntegrationState state;
    private final RouteStats stats;
    private final Runnable changed;

    /**
     * @param operation the request's element, e.g. GetOrderUpdates
     * @param cursor    where the last sequence number read is kept
     * @param apply     applies one {@code Update} element and tells what became of it
     */
    ErpFeed(String operation, String cursor, Function<Element, Enum<?>> apply, IntegrationState state, RouteStats stats,
            Runnable changed) {
        this.operation = operation;
        this.cursor = cursor;
        this.apply = apply;
        this.state = state;
        this.stats = stats;
        this.changed = changed;
    }

    public String request() {
        return "<" + operation + " xmlns=\"" + NS + "\"><After>" + state.get(cursor, "0") + "</After><Max>" + MAX
                + "</Max></" + operation + ">";
    }

    public void apply(Exchange exchange) throws Exception {
        String xml = exchange.getIn().getBody(String.class);
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();
        long last = -1;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Element u : Xml.children(root, "Update")) {
            outcomes.merge(apply.apply(u).name(), 1, Integer::sum);
            last = Long.parseLong(Xml.text(u, "Seq"));
            stats.done(exchange.getFromRouteId());
        }
        if (last >= 0) {
            state.put(cursor, Long.toString(last));
            LOG.info(() -> operation + ": " + outcomes);
            changed.run();
        }
    }

    public void failed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        stats.failed(exchange.getFromRouteId(), OutboxRelay.describe(e));
    }
}
