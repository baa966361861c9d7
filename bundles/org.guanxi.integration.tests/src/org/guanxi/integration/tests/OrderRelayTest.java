package org.guanxi.integration.tests;

import static org.guanxi.integration.tests.ErpFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.model.OutboxEvent;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.sales.api.OrderService.Detail;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.ValidationException;
import org.guanxi.integration.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders from the outbox to the fake ERP over real SOAP on 127.0.0.1 through the shipped route files, and what the
 * ERP reports coming back: ERP number, delivery, invoice, payment.
 */
class OrderRelayTest {

    @TempDir
    Path home;

    private ErpFixture f;
    private Customer customer;
    private Product product;

    @BeforeEach
    void start() throws Exception {
        f = new ErpFixture(home);
        customer = f.customer("上海明达贸易有限公司");
        product = f.product("SKU-1001", "120.00", 1000);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private OutboxMessage message(long orderId, String topic) {
        return f.outbox.of("SalesOrder", orderId).stream().filter(m -> m.getTopic().equals(topic)).findFirst().orElseThrow();
    }

    @Test
    void confirmedOrderReachesTheErpAndItsNumberDeliveryInvoiceAndPaymentComeBack() throws Exception {
        SalesOrder o = f.confirmed(customer, product, 3);
        await("the ERP number is on the order", () -> f.orders.get(o.getId()).getErpOrderNo() != null);
        SalesOrder back = f.orders.get(o.getId());
        assertEquals(f.erp.erpNumberOf(o.getOrderNo()), back.getErpOrderNo());
        OutboxMessage m = message(o.getId(), Outbox.ORDER_CONFIRMED);
        assertEquals(OutboxMessage.Status.SENT, m.getStatus());
        List<OutboxEvent> history = f.outbox.history(m.getId());
        assertEquals(OutboxEvent.Kind.ACKNOWLEDGED, history.get(history.size() - 1).getKind());
        assertTrue(history.get(history.size() - 1).getDetail().startsWith(back.getErpOrderNo()), history.toString());

        await("the ERP's delivery, invoice and payment are in", () -> {
            Detail d = f.orders.detail(o.getId());
            return d.order().getStatus() == OrderStatus.INVOICED && !d.deliveries().isEmpty() && !d.payments().isEmpty();
        });
        Detail d = f.orders.detail(o.getId());
        assertEquals(1, d.deliveries().size());
        assertEquals(1, d.invoices().size());
        assertEquals(0, d.invoices().get(0).amount().compareTo(o.getTotal()));
        assertEquals(0, d.invoices().get(0).paid().compareTo(o.getTotal()));
        assertEquals(1, f.erp.counts().distinct());
    }

    @Test
    void ordersQueueWhileTheErpIsDownAndAllArriveOnceWhenItReturns() throws Exception {
        f.erp.close();
        SalesOrder a = f.confirmed(customer, product, 1);
        SalesOrder b = f.confirmed(customer, product, 2);
        SalesOrder c = f.confirmed(customer, product, 3);
        await("a failed attempt is in a history", () -> f.outbox.history(message(a.getId(), Outbox.ORDER_CONFIRMED).getId())
                .stream().anyMatch(e -> e.getKind() == OutboxEvent.Kind.RETRY));
        Thread.sleep(2500);
        OutboxMessage waiting = message(a.getId(), Outbox.ORDER_CONFIRMED);
        assertEquals(OutboxMessage.Status.PENDING, waiting.getStatus());
        assertNotNull(waiting.getLastError());
        // no storm: each attempt waited at least the doubling pause of the policy (300, 600, 1000 ms, …)
        List<OutboxEvent> retries = f.outbox.history(waiting.getId());
        assertTrue(retries.size() >= 2, retries.toString());
        Outbox.RetryPolicy policy = new Outbox.RetryPolicy(Duration.ofMillis(300), Duration.ofMillis(1000), 50);
        for (int i = 1; i < retries.size(); i++) {
            long gap = Duration.between(retries.get(i - 1).getAt(), retries.get(i).getAt()).toMillis();
            assertTrue(gap >= policy.delayAfter(i).toMillis() - 20, "attempt " + (i + 1) + " came " + gap + " ms after the previous one");
        }
        f.erp.start(f.port);
        for (SalesOrder o : List.of(a, b, c)) {
            await(o.getOrderNo() + " is sent", () -> message(o.getId(), Outbox.ORDER_CONFIRMED).getStatus() == OutboxMessage.Status.SENT);
            assertNotNull(f.orders.get(o.getId()).getErpOrderNo());
        }
        assertEquals(3, f.erp.counts().distinct());
        assertEquals(0, f.erp.counts().duplicates());
    }

    @Test
    void contentTheErpRefusesIsParkedAtOnceWithItsReason() throws Exception {
        SalesOrder o = f.confirmed(customer, product, 2);
        await("sent", () -> message(o.getId(), Outbox.ORDER_CONFIRMED).getStatus() == OutboxMessage.Status.SENT);
        // a message whose line amount does not match quantity × price, as a faulty mapping or an old version could write
        String bad = message(o.getId(), Outbox.ORDER_CONFIRMED).getPayload().replace("<Amount>240.00</Amount>", "<Amount>241.00</Amount>")
                .replace(":confirmed<", ":resent<");
        f.db.inTransaction(em -> f.outbox.append(em, "order.confirmed", "Test", 1, o.getOrderNo() + ":resent", bad));
        OutboxMessage parked = f.outbox.of("Test", 1).get(0);
        await("parked", () -> f.outbox.of("Test", 1).get(0).getStatus() == OutboxMessage.Status.PARKED);
        Thread.sleep(1000);
        parked = f.outbox.of("Test", 1).get(0);
        assertEquals(1, parked.getAttempts(), "a refusal is not retried");
        assertTrue(parked.getLastError().startsWith("E-AMOUNT: Line 1"), parked.getLastError());
        assertEquals(1, f.erp.counts().faults());
        assertEquals(OutboxEvent.Kind.PARKED, f.outbox.history(parked.getId()).get(0).getKind());

        // a user corrects the amount and sends it again; the ERP takes it under the same key
        DeadLetters letters = new DeadLetters(f.db, f.security, f.audit);
        assertEquals(List.of(parked.getId()), letters.parked(10).stream().map(OutboxMessage::getId).toList());
        assertThrows(ValidationException.class, () -> letters.replay(f.outbox.of("Test", 1).get(0).getId(), "<SalesOrder"));
        letters.replay(parked.getId(), bad.replace("<Amount>241.00</Amount>", "<Amount>240.00</Amount>"));
        await("sent after correction", () -> f.outbox.of("Test", 1).get(0).getStatus() == OutboxMessage.Status.SENT);
        assertEquals(List.of(OutboxEvent.Kind.PARKED, OutboxEvent.Kind.REPLAYED, OutboxEvent.Kind.ACKNOWLEDGED),
                f.outbox.history(parked.getId()).stream().map(OutboxEvent::getKind).toList());
        assertEquals("content corrected", f.outbox.history(parked.getId()).get(1).getDetail());
        assertTrue(f.audit.history("OutboxMessage", parked.getId()).stream().anyMatch(a -> "payload".equals(a.getField())));
        assertTrue(letters.parked(10).isEmpty());
    }

    @Test
    void anEditedMappingTakesEffectAtOnceAndABrokenOneKeepsTheLastGood() throws Exception {
        String file = "mappings/order-to-guanxi-erp.xsl";
        String good = f.runtime.read(file);
        String broken = good.replace("</xsl:template>", "</xsl:templat>");
        String reason = f.runtime.check(file, broken);
        assertNotNull(reason, "a broken mapping is found before it is saved");
        assertTrue(reason.startsWith("line "), reason);
        assertNull(f.runtime.check(file, good));
        assertNotNull(f.runtime.save(file, broken), "saved, but refused with a reason");
        assertTrue(f.runtime.routes().stream().anyMatch(r -> file.equals(r.file()) && r.lastError() != null), "shown in the view");

        SalesOrder first = f.confirmed(customer, product, 1);
        await("sent with the last good mapping", () -> message(first.getId(), Outbox.ORDER_CONFIRMED).getStatus() == OutboxMessage.Status.SENT);

        // a valid edit that leaves the lines out: the ERP refuses such orders, so the next one shows the edit applied
        String noLines = good.replaceFirst("(?s)<xsl:for-each select=\"o:Lines/o:Line\">.*?</xsl:for-each>", "");
        assertNull(f.runtime.save(file, noLines));
        SalesOrder second = f.confirmed(customer, product, 1);
        await("refused as mapped by the edit", () -> message(second.getId(), Outbox.ORDER_CONFIRMED).getStatus() == OutboxMessage.Status.PARKED);
        assertTrue(message(second.getId(), Outbox.ORDER_CONFIRMED).getLastError().startsWith("E-LINES"));
        assertThrows(IllegalArgumentException.class, () -> f.runtime.save("../integration.properties", "x=1"));
        assertTrue(f.runtime.editableFiles().contains(file), f.runtime.editableFiles().toString());
    }

    @Test
    void aParkedMessageCanBeDiscardedWithAReasonOnly() throws Exception {
        f.db.inTransaction(em -> f.outbox.append(em, "order.confirmed", "Test", 3, "X-1:confirmed", "<SalesOrder xmlns=\"urn:guanxi:order:1\" event=\"confirmed\"><IdempotencyKey>X-1:confirmed</IdempotencyKey><OrderNo>X-1</OrderNo><OrderDate>2026-11-23</OrderDate><Currency>XXQ</Currency><Total>1.00</Total><Customer><Code>C</Code><Name>N</Name></Customer><Lines><Line><LineNo>1</LineNo><Sku>S</Sku><Quantity>1</Quantity><UnitPrice>1.00</UnitPrice><Amount>1.00</Amount></Line></Lines></SalesOrder>"));
        await("parked", () -> f.outbox.of("Test", 3).get(0).getStatus() == OutboxMessage.Status.PARKED);
        OutboxMessage m = f.outbox.of("Test", 3).get(0);
        assertTrue(m.getLastError().startsWith("E-CURRENCY"), m.getLastError());
        DeadLetters letters = new DeadLetters(f.db, f.security, f.audit);
        assertThrows(ValidationException.class, () -> letters.discard(m.getId(), " "));
        letters.discard(m.getId(), "测试订单，无需同步");
        assertEquals(OutboxMessage.Status.DISCARDED, f.outbox.of("Test", 3).get(0).getStatus());
        assertThrows(GuanxiException.class, () -> letters.replay(m.getId(), null), "only parked messages can be replayed");
    }

    @Test
    void aCancellationFollowsItsConfirmation() throws Exception {
        SalesOrder o = f.confirmed(customer, product, 1);
        f.orders.cancel(o.getId(), f.orders.get(o.getId()).getVersion(), "客户取消");
        await("both sent", () -> f.outbox.of("SalesOrder", o.getId()).stream().allMatch(m -> m.getStatus() == OutboxMessage.Status.SENT));
        assertEquals(0, f.erp.counts().faults(), "the cancellation never reached the ERP before the order");
        await("the ERP reports the cancellation", () -> f.orders.get(o.getId()).getStatus() == OrderStatus.CANCELLED);
    }
}
