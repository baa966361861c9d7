package org.guanxi.integration;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.xml.transform.TransformerException;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.cxf.binding.soap.SoapFault;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.service.ErpOrderSync;
import org.guanxi.core.service.ErpPartnerSync;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.Outbox.RetryPolicy;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The bean {@code outbox} of the relay routes. {@link #due} offers the messages to send, {@link #open} puts one
 * message's payload and identity on the exchange, {@link #accepted} writes the receiver's answer back, {@link #failed}
 * decides between retrying later and parking. Retries are kept in the database (attempts, next attempt time), not
 * in Camel's memory, so they survive a restart, and the history of every message shows them.
 */
public class OutboxRelay {

    public static final String MESSAGE_ID = "GuanxiMessageId";
    public static final String IDEMPOTENCY_KEY = "GuanxiIdempotencyKey";
    public static final String TOPIC = "GuanxiTopic";
    /** Set by the route from the receiver's answer: its number for the record (e.g. the ERP order number). */
    public static final String REFERENCE = "GuanxiErpReference";
    public static final String STATUS = "GuanxiErpStatus";
    public static final String DUPLICATE = "GuanxiErpDuplicate";
    /** Set by the route from the receiver's answer: the version of the record the receiver now has. */
    public static final String VERSION = "GuanxiErpVersion";
    /**
     * Set by {@link #open} on a customer message: the ERP's partner version the CRM last saw, read at sending time
     * (a mapping declares it as {@code <xsl:param name="GuanxiBaseVersion"/>}, as Camel passes headers to XSLT).
     */
    public static final String BASE_VERSION = "GuanxiBaseVersion";

    public static final String CONFIGURATION = "outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    private final Outbox outbox;
    private final ErpOrderSync orders;
    private final ErpPartnerSync partners;
    private final RetryPolicy policy;
    private final RouteStats stats;
    /** After a failure that is not the message's fault, the relay of that topic waits until this time. */
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    /** Messages handed out and not yet answered: never handed out twice, even if a route polls again meanwhile. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public OutboxRelay(Outbox outbox, ErpOrderSync orders, ErpPartnerSync partners, RetryPolicy policy, RouteStats stats) {
        this.outbox = outbox;
        this.orders = orders;
        this.partners = partners;
        this.policy = policy;
        this.stats = stats;
    }

    /**
     * The route configuration {@code outbox-relay} that every send route names: any failure is handled by
     * {@link #failed}. It is provided here rather than in a route file because it is part of the outbox's promise
     * (retry or park, never lose), and a route file loaded before another could not see a configuration defined there.
     */
    static RouteConfigurationBuilder errorHandling() {
        return new RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration(CONFIGURATION).onException(Exception.class).handled(true).bean("outbox", "failed");
            }
        };
    }

    public List<OutboxMessage> due(String topicPrefix, int max) {
        Instant until = pausedUntil.get(topicPrefix);
        if (until != null && AppClock.now().isBefore(until)) {
            return List.of();
        }
        List<OutboxMessage> due = new ArrayList<>();
        for (OutboxMessage m : outbox.due(topicPrefix, max + inFlight.size())) {
            if (due.size() < max && inFlight.add(m.getId())) {
                due.add(m);
            }
        }
        return due;
    }

    public void open(Exchange exchange) {
        OutboxMessage m = exchange.getIn().getBody(OutboxMessage.class);
        exchange.getIn().setHeader(MESSAGE_ID, m.getId());
        exchange.getIn().setHeader(IDEMPOTENCY_KEY, m.getIdempotencyKey());
        exchange.getIn().setHeader(TOPIC, m.getTopic());
        if (isCustomer(m.getTopic())) {
            Long base = partners.knownVersion(m.getId());
            if (base != null) {
                exchange.getIn().setHeader(BASE_VERSION, base);
            }
        }
        exchange.getIn().setBody(m.getPayload());
    }

    public void accepted(Exchange exchange) {
        long id = exchange.getIn().getHeader(MESSAGE_ID, Long.class);
        String reference = blankToNull(exchange.getIn().getHeader(REFERENCE, String.class));
        String status = blankToNull(exchange.getIn().getHeader(STATUS, String.class));
        boolean duplicate = "true".equals(exchange.getIn().getHeader(DUPLICATE, String.class));
        String answer = (reference == null ? "" : reference) + (status == null ? "" : " · " + status)
                + (duplicate ? " · duplicate recognised by the receiver" : "");
        String topic = exchange.getIn().getHeader(TOPIC, String.class);
        try {
            if (isCustomer(topic)) {
                Long version = exchange.getIn().getHeader(VERSION, Long.class);
                writeBack(() -> partners.accepted(id, reference, version, answer.strip()));
            } else {
                writeBack(() -> orders.accepted(id, reference, answer.strip()));
            }
        } finally {
            inFlight.remove(id);
        }
        pausedUntil.remove(prefix(topic));
        stats.done(exchange.getFromRouteId());
    }

    /**
     * Acknowledgements run in parallel with each other and with the ERP's updates of the same orders: Derby may give
     * up a lock wait or pick a deadlock victim, and the order may have changed since it was read. Such a transaction
     * is retried here on fresh data a few times, because failing it would send the message to the receiver again.
     */
    private static void writeBack(Runnable work) {
        for (int attempt = 1;; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5 || !isContention(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(20L << attempt);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean isContention(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransactionRollbackException || t instanceof org.guanxi.core.service.ConflictException) {
                return true;
            }
            // PostgreSQL's driver names deadlocks (40P01), serialization failures (40001) and lock timeouts (55P03)
            // only by their SQL state
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("40") || "55P03".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public void failed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Long id = exchange.getIn().getHeader(MESSAGE_ID, Long.class);
        if (id == null) {
            OutboxMessage m = exchange.getIn().getBody(OutboxMessage.class);
            id = m == null ? null : m.getId();
        }
        String error = describe(e);
        stats.failed(exchange.getFromRouteId(), error);
        if (id == null) {
            LOG.warning(() -> "Relay failed outside a message: " + error);
            return;
        }
        boolean permanent = isRefusal(e);
        OutboxMessage m;
        try {
            m = outbox.failed(id, error, permanent, policy);
        } finally {
            inFlight.remove(id);
        }
        if (!permanent && m.getStatus() == OutboxMessage.Status.PENDING) {
            pausedUntil.put(prefix(m.getTopic()), m.getNextAttemptAt());
        }
        LOG.warning(() -> "Message " + m.getIdempotencyKey() + " " + (m.getStatus() == OutboxMessage.Status.PARKED ? "parked" : "will be retried")
                + ": " + error);
    }

    /** The receiver refused the content, or it cannot even be mapped: trying again cannot help. */
    static boolean isRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SoapFault f) {
                return f.getDetail() != null || SoapFault.FAULT_CODE_CLIENT.equals(f.getFaultCode())
                        || "Client".equals(f.getFaultCode().getLocalPart());
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return false;
            }
            if (t instanceof TransformerException || t instanceof RefusedException) {
                return true;
            }
        }
        return false;
    }

    /** The error as a user should read it: a fault's code and message from its detail, else the root cause. */
    static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SoapFault f && f.getDetail() != null) {
                String code = childText(f.getDetail(), "Code");
                String message = childText(f.getDetail(), "Message");
                if (code != null) {
                    return code + ": " + (message == null ? f.getMessage() : message);
                }
                return f.getMessage();
            }
            if (t instanceof SoapFault f) {
                return f.getMessage();
            }
            if (t instanceof RefusedException r) {
                return r.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return root == e || e.getMessage() == null ? cause : e.getMessage() + " (" + cause + ")";
    }

    /** The text of the first descendant of that name (a fault's detail nests its own element). */
    private static String childText(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if (localName.equals(c.getLocalName())) {
                    return c.getTextContent().strip();
                }
                String deeper = childText(c, localName);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    private static boolean isCustomer(String topic) {
        return topic != null && topic.startsWith(prefix(Outbox.CUSTOMER_CHANGED));
    }

    private static String prefix(String topic) {
        return topic == null ? "" : topic.substring(0, topic.indexOf('.') + 1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Thrown by a route step when the receiver's answer says no (e.g. iDempiere's IsError="true"). */
    public static class RefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }
}
