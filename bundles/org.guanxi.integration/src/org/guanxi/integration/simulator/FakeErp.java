package org.guanxi.integration.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.guanxi.core.AppClock;
import org.guanxi.integration.Xml;
import org.w3c.dom.Element;

/**
 * A stand-in ERP for demos and tests that speaks Guanxi's ERP contract ({@code contracts/guanxi-erp.wsdl}) over real
 * SOAP on 127.0.0.1, served by CXF. It behaves as a well-kept ERP should: a repeated idempotency key gets the first
 * answer back (and is counted as a duplicate delivery), bad data is refused with an {@code ErpFault}, and a released
 * order is delivered, invoiced and paid after a configurable pace, which {@code GetOrderUpdates} reports.
 * <p>
 * Every receipt is appended to {@code received.log} in the simulator's folder (key, ERP number, duplicate flag), so
 * ERP numbers survive a restart of the simulator and crash tests can count what arrived.
 */
public final class FakeErp implements AutoCloseable {

    public static final String NAMESPACE = "urn:guanxi:erp:1";
    private static final Logger LOG = Logger.getLogger(FakeErp.class.getName());
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What arrived: calls in all, distinct idempotency keys, repeated keys answered from memory, refused calls. */
    public record Counts(long received, long distinct, long duplicates, long faults) {
    }

    private record Receipt(String erpNo, String status) {
    }

    private record Update(long seq, Instant due, String xml) {
    }

    private final Path folder;
    private final Duration pace;
    private final Clock clock;
    private final Map<String, Receipt> byKey = new ConcurrentHashMap<>();
    private final Map<String, String> erpNoByOrder = new ConcurrentHashMap<>();
    private final PartnerBook partners;
    private final RefundBook refunds;
    private final List<Update> updates = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final AtomicLong numbers = new AtomicLong(100_000);
    private final AtomicLong seq = new AtomicLong();
    private final IdempiereEndpoint idempiere = new IdempiereEndpoint();
    private Bus bus;
    private java.io.Writer journal;
    private EndpointImpl endpoint;
    private EndpointImpl idempiereEndpoint;
    private String address;

    /**
     * @param folder where {@code received.log} is kept
     * @param pace   time from release to delivery, from delivery to invoice and from invoice to payment
     */
    public FakeErp(Path folder, Duration pace) {
        this(folder, pace, AppClock.get());
    }

    FakeErp(Path folder, Duration pace, Clock clock) {
        this.folder = folder;
        this.pace = pace;
        this.clock = clock;
        this.partners = new PartnerBook(folder);
        this.refunds = new RefundBook(folder);
        load();
    }

    /**
     * Serves Guanxi's contract at {@code http://127.0.0.1:PORT/erp} and iDempiere's composite interface at
     * {@code http://127.0.0.1:PORT/ADInterface/services/compositeInterface}; port 0 picks a free one. Returns the
     * first address.
     */
    public synchronized String start(int port) {
        int p = port == 0 ? Ports.free() : port;
        bus = BusFactory.newInstance().createBus();
        endpoint = new EndpointImpl(bus, new ErpEndpoint(this));
        idempiereEndpoint = new EndpointImpl(bus, idempiere);
        String url = "http://127.0.0.1:" + p + "/erp";
        Soap.withBundleClassLoader(() -> {
            endpoint.publish(url);
            idempiereEndpoint.publish("http://127.0.0.1:" + p + "/ADInterface/services/compositeInterface");
        });
        address = url;
        LOG.info(() -> "Fake ERP listening at " + url + " (data in " + folder + ")");
        return url;
    }

    public String address() {
        return address;
    }

    /** Stops listening, as an ERP that goes down; {@link #start} brings it back with everything it knew. */
    @Override
    public synchronized void close() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.warning(() -> "Cannot close the fake ERP's journal: " + e);
            }
            journal = null;
        }
        if (endpoint != null) {
            endpoint.stop();
            idempiereEndpoint.stop();
            bus.shutdown(true);
            endpoint = null;
            bus = null;
        }
    }

    public Counts counts() {
        return new Counts(received.get(), byKey.size(), duplicates.get(), faults.get());
    }

    /** The iDempiere side of the simulator. */
    public IdempiereEndpoint idempiere() {
        return idempiere;
    }

    /** The ERP number given to a CRM order number, or null. */
    public String erpNumberOf(String orderNo) {
        return erpNoByOrder.get(orderNo);
    }

    // ----------------------------------------------------------------------------------------------- operations

    /** Counts the call; a key seen before gets its first answer, anything else is written once, under the lock. */
    private String once(Element request, java.util.function.BinaryOperator<String> write) {
        received.incrementAndGet();
        String key = Soap.text(request, "IdempotencyKey");
        synchronized (this) {
            Receipt first = byKey.get(key);
            return first != null ? duplicate(key, first) : write.apply(key, Soap.text(request, "OrderNo"));
        }
    }

    String submit(Element request) {
        return once(request, (key, orderNo) -> {
            checkOrder(request);
            String erpNo = erpNoByOrder.computeIfAbsent(orderNo, n -> "SO" + numbers.incrementAndGet());
            Receipt r = new Receipt(erpNo, "RELEASED");
            byKey.put(key, r);
            journal(key, erpNo, false);
            schedule(orderNo, erpNo, new BigDecimal(Soap.text(request, "Total")));
            return ack(r, false);
        });
    }

    String cancel(Element request) {
        return once(request, (key, orderNo) -> {
            String erpNo = erpNoByOrder.get(orderNo);
            if (erpNo == null) {
                throw refuse("E-UNKNOWN-ORDER", "Order " + orderNo + " was never submitted");
            }
            Receipt r = new Receipt(erpNo, "CANCELLED");
            byKey.put(key, r);
            journal(key, erpNo, false);
            updates.removeIf(u -> u.xml().contains("<OrderNo>" + Soap.escape(orderNo) + "</OrderNo>") && u.due().isAfter(clock.instant()));
            add(clock.instant(), orderNo, erpNo, "CANCELLED", "");
            return ack(r, false);
        });
    }

    synchronized String updates(Element request) {
        long after = Long.parseLong(Soap.text(request, "After"));
        int max = Integer.parseInt(Soap.text(request, "Max"));
        Instant now = clock.instant();
        StringBuilder out = new StringBuilder("<OrderUpdates xmlns=\"" + NAMESPACE + "\">");
        int n = 0;
        for (Update u : updates) {
            if (u.seq() > after && !u.due().isAfter(now) && n++ < max) {
                out.append(u.xml());
            }
        }
        return out.append("</OrderUpdates>").toString();
    }

    /**
     * Creates or updates a business partner. Partners are counted apart from orders (they have their own journal,
     * {@code partners.log}), so the order counts of crash tests and benchmarks stay exact.
     */
    synchronized String syncPartner(Element request) {
        String key = Soap.text(request, "IdempotencyKey");
        String code = Soap.text(Soap.child(request, "Partner"), "Code");
        String base = Xml.text(request, "BaseVersion");
        BusinessPartner first = partners.madeBy(key);
        if (first != null) {
            return partnerAck(first.partnerNo(), first.version() == 1 ? "CREATED" : "UPDATED", first.version(), true);
        }
        BusinessPartner current = partners.get(code);
        if (current != null && base != null && Long.parseLong(base) != current.version()) {
            throw Soap.fault(NAMESPACE, "E-CONFLICT", "Business partner " + code + " was changed in the ERP (version "
                    + current.version() + ") since the CRM last saw it (version " + base + ")");
        }
        BusinessPartner p = partners.put(PartnerBook.fromRequest(request, current), key);
        return partnerAck(p.partnerNo(), current == null ? "CREATED" : "UPDATED", p.version(), false);
    }

    /** Business partner versions after {@code After}, oldest first: every change, the CRM's own included. */
    String partnerUpdates(Element request) {
        return partners.updates(Long.parseLong(Soap.text(request, "After")), Integer.parseInt(Soap.text(request, "Max")));
    }

    /**
     * Books a refund for accounts payable to pay out. A refund needs a positive amount, and the order it names (if
     * any) must have been submitted; a key seen before gets its first answer.
     */
    String recordRefund(Element request) {
        String key = Soap.text(request, "IdempotencyKey");
        RefundBook.Refund first = refunds.madeBy(key);
        if (first != null) {
            return refundAck(first.refundNo(), true);
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(Soap.text(request, "Amount"));
        } catch (NumberFormatException | NullPointerException e) {
            throw refuse("E-AMOUNT", "The refund amount is not a number");
        }
        if (amount.signum() <= 0) {
            throw refuse("E-AMOUNT", "A refund must be greater than zero, not " + amount.toPlainString());
        }
        String orderNo = Xml.text(request, "OrderNo");
        if (orderNo != null && erpNoByOrder.get(orderNo) == null) {
            throw refuse("E-UNKNOWN-ORDER", "Order " + orderNo + " of the refund was never submitted");
        }
        return refundAck(refunds.book(request).refundNo(), false);
    }

    private static String refundAck(String no, boolean duplicate) {
        return "<RefundAck xmlns=\"" + NAMESPACE + "\"><ErpRefundNo>" + Soap.escape(no) + "</ErpRefundNo><Status>BOOKED</Status>"
                + "<Duplicate>" + duplicate + "</Duplicate></RefundAck>";
    }

    /** The refunds the ERP booked, by idempotency key. */
    public Map<String, String> refunds() {
        Map<String, String> out = new java.util.TreeMap<>();
        refunds.all().forEach((k, r) -> out.put(k, r.refundNo() + " " + r.customerCode() + " " + r.amount().toPlainString()));
        return out;
    }

    /** A partner as the ERP has it now, or null. */
    public BusinessPartner partner(String code) {
        return partners.get(code);
    }

    /**
     * Changes a partner's phone and e-mail in the ERP, as an ERP user would (null leaves a field as it is); the CRM
     * hears of it through GetPartnerUpdates, and the CRM's next update based on the older version is a conflict.
     */
    public long editPartnerInErp(String code, String phone, String email) {
        return partners.edit(code, p -> new BusinessPartner(code, p.partnerNo(), p.version(), p.name(), p.taxId(),
                phone == null ? p.phone() : phone, email == null ? p.email() : email, p.address())).version();
    }

    /** A partner entered in the ERP by one of its users, unknown to the CRM so far. */
    public void createPartnerInErp(String code, String name, String phone) {
        partners.put(new BusinessPartner(code, "BP-" + code, 1, name, null, phone, null, null), null);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** An ERP checks what it is given; these are the checks a real one makes on an order. */
    private void checkOrder(Element request) {
        String currency = Soap.text(request, "Currency");
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw refuse("E-CURRENCY", "Unknown currency " + currency);
        }
        List<Element> lines = Xml.children(request, "Line");
        if (lines.isEmpty()) {
            throw refuse("E-LINES", "The order has no lines");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Element line : lines) {
            String no = Soap.text(line, "LineNo");
            BigDecimal qty = new BigDecimal(Soap.text(line, "Quantity"));
            BigDecimal amount = new BigDecimal(Soap.text(line, "Amount"));
            if (qty.signum() <= 0) {
                throw refuse("E-QTY", "Line " + no + ": quantity " + qty.toPlainString() + " is not positive");
            }
            if (Soap.text(line, "Sku").isBlank()) {
                throw refuse("E-SKU", "Line " + no + ": no SKU");
            }
            BigDecimal expected = qty.multiply(new BigDecimal(Soap.text(line, "UnitPrice")));
            if (expected.subtract(amount).abs().compareTo(new BigDecimal("0.01")) > 0) {
                throw refuse("E-AMOUNT", "Line " + no + ": amount " + amount.toPlainString() + " is not quantity × unit price ("
                        + expected.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + ")");
            }
            sum = sum.add(amount);
        }
        BigDecimal total = new BigDecimal(Soap.text(request, "Total"));
        if (sum.subtract(total).abs().compareTo(new BigDecimal("0.01")) > 0) {
            throw refuse("E-TOTAL", "Total " + total.toPlainString() + " is not the sum of the lines (" + sum.toPlainString() + ")");
        }
    }

    private RuntimeException refuse(String code, String message) {
        faults.incrementAndGet();
        return Soap.fault(NAMESPACE, code, message);
    }

    private String duplicate(String key, Receipt first) {
        duplicates.incrementAndGet();
        journal(key, first.erpNo(), true);
        return ack(first, true);
    }

    private static String ack(Receipt r, boolean duplicate) {
        return "<OrderAck xmlns=\"" + NAMESPACE + "\"><ErpOrderNo>" + Soap.escape(r.erpNo()) + "</ErpOrderNo><Status>"
                + r.status() + "</Status><Duplicate>" + duplicate + "</Duplicate></OrderAck>";
    }

    private static String partnerAck(String no, String status, long version, boolean duplicate) {
        return "<PartnerAck xmlns=\"" + NAMESPACE + "\"><PartnerNo>" + Soap.escape(no) + "</PartnerNo><Status>" + status
                + "</Status><Version>" + version + "</Version><Duplicate>" + duplicate + "</Duplicate></PartnerAck>";
    }

    /** Release now; delivery, invoice and payment each one pace later. */
    private void schedule(String orderNo, String erpNo, BigDecimal total) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        String number = erpNo.substring(2);
        add(now, orderNo, erpNo, "RELEASED", "");
        add(now.plus(pace), orderNo, erpNo, "DELIVERED", "<Delivery><DeliveryNo>DN" + number + "</DeliveryNo><ShippedOn>" + today
                + "</ShippedOn><DeliveredOn>" + today + "</DeliveredOn><Carrier>顺丰速运</Carrier><TrackingNo>SF" + number
                + "</TrackingNo></Delivery>");
        add(now.plus(pace.multipliedBy(2)), orderNo, erpNo, "INVOICED", "<Invoice><InvoiceNo>INV" + number + "</InvoiceNo><IssueDate>"
                + today + "</IssueDate><DueDate>" + today.plusDays(30) + "</DueDate><Amount>" + total.toPlainString()
                + "</Amount></Invoice>");
        add(now.plus(pace.multipliedBy(3)), orderNo, erpNo, "PAID", "<Payment><InvoiceNo>INV" + number + "</InvoiceNo><PaidOn>"
                + today + "</PaidOn><Amount>" + total.toPlainString() + "</Amount><Method>BANK</Method><Reference>PAY" + number
                + "</Reference></Payment>");
    }

    private void add(Instant due, String orderNo, String erpNo, String status, String detail) {
        long s = seq.incrementAndGet();
        updates.add(new Update(s, due, "<Update><Seq>" + s + "</Seq><OrderNo>" + Soap.escape(orderNo) + "</OrderNo><ErpOrderNo>"
                + Soap.escape(erpNo) + "</ErpOrderNo><Status>" + status + "</Status>" + detail + "</Update>"));
    }

    /**
     * Appends a receipt to {@code received.log}. The file stays open: opening it per receipt serialised the ERP's
     * callers on file system work. Each line is flushed to the operating system, which keeps it when the CRM's process
     * (not the machine) is killed, all a crash test needs.
     */
    private synchronized void journal(String key, String erpNo, boolean duplicate) {
        try {
            if (journal == null) {
                Files.createDirectories(folder);
                journal = Files.newBufferedWriter(folder.resolve("received.log"), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            journal.write(key + "\t" + erpNo + "\t" + (duplicate ? "duplicate" : "first") + "\n");
            journal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds what the ERP knew from its journal; each journalled receipt counts as received. */
    private void load() {
        Path log = folder.resolve("received.log");
        if (!Files.isRegularFile(log)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length < 3) {
                    continue; // a line cut short by a crash of the simulator
                }
                received.incrementAndGet();
                if (f[2].equals("duplicate")) {
                    duplicates.incrementAndGet();
                } else {
                    byKey.putIfAbsent(f[0], new Receipt(f[1], f[0].endsWith(":cancelled") ? "CANCELLED" : "RELEASED"));
                    int colon = f[0].lastIndexOf(':');
                    if (colon > 0) {
                        erpNoByOrder.putIfAbsent(f[0].substring(0, colon), f[1]);
                    }
                    if (f[1].startsWith("SO")) {
                        numbers.accumulateAndGet(Long.parseLong(f[1].substring(2)), Math::max);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The journal's lines: key, ERP number, "first" or "duplicate". */
    public static List<String[]> journal(Path folder) throws IOException {
        Path log = folder.resolve("received.log");
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(l -> l.split("\t")).filter(f -> f.length == 3).toList();
    }
}
