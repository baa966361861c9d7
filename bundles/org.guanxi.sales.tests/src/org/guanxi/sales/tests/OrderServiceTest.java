package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import javax.xml.parsers.DocumentBuilderFactory;

import org.guanxi.core.db.SqlClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.sales.api.OrderService;
import org.guanxi.sales.api.OrderService.Availability;
import org.guanxi.core.service.Outbox;
import org.guanxi.sales.api.ShortageException;
import org.guanxi.core.service.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class OrderServiceTest {

    /** Customers saved by the fixture queue messages of their own (for the ERP's business partners). */
    private static final String ORDER_MESSAGES = "SELECT COUNT(*) FROM OUTBOX WHERE AGGREGATE_TYPE = 'SalesOrder'";

    @TempDir
    Path dir;

    static SalesOrder order(Customer c, Object... productsAndQuantities) {
        SalesOrder o = new SalesOrder();
        o.setCustomer(c);
        for (int i = 0; i < productsAndQuantities.length; i += 2) {
            OrderLine l = new OrderLine((Product) productsAndQuantities[i], new BigDecimal(productsAndQuantities[i + 1].toString()), null);
            o.getLines().add(l);
        }
        return o;
    }

    private static long count(SalesFixture f, String sql) {
        return f.db.jdbc(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aDraftIsNumberedAndPricedFromTheProduct() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1200", 10);
            SalesOrder o = order(c, chair, 3);
            o.getLines().get(0).setDiscountPct(new BigDecimal("5"));
            SalesOrder saved = f.orders.save(o);
            assertTrue(saved.getOrderNo().matches("SO\\d{7}"), saved.getOrderNo());
            assertEquals(OrderStatus.DRAFT, saved.getStatus());
            assertEquals(0, new BigDecimal("1140.0000").compareTo(saved.getLines().get(0).getUnitPrice()));
            assertEquals(0, new BigDecimal("3420.00").compareTo(saved.getTotal()));
            assertEquals(0, count(f, ORDER_MESSAGES), "a draft tells the ERP nothing");
        }
    }

    @Test
    void badLinesAreRefusedWithTheirFields() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1200", 10);
            ValidationException none = assertThrows(ValidationException.class, () -> f.orders.save(order(c)));
            assertEquals("lines", none.getErrors().get(0).field());
            SalesOrder o = order(c, chair, 0, chair, 2);
            o.getLines().get(1).setDiscountPct(new BigDecimal("120"));
            ValidationException bad = assertThrows(ValidationException.class, () -> f.orders.save(o));
            assertEquals(List.of("line.1.quantity", "line.2.discount"), bad.getErrors().stream().map(e -> e.field()).toList());
            assertTrue(bad.getMessage().contains("Quantity (1)"), bad.getMessage());
        }
    }

    @Test
    void availabilityIsOnHandMinusReservedMinusOrdersConfirmedSinceTheStockReport() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1200", null);
            chair.setStockItem(true);
            chair = f.catalog.saveProduct(chair);
            Product service = f.product("SV-1", "500", null);
            f.stock("CH-1", 10, 2);

            Availability a = f.orders.availability(Map.of(chair.getId(), BigDecimal.valueOf(5))).get(0);
            assertEquals(0, BigDecimal.valueOf(8).compareTo(a.available()));
            assertTrue(a.ok());
            assertNotNull(a.reportedAt());

            SalesOrder first = f.orders.save(order(c, chair, 5));
            f.orders.confirm(first.getId(), first.getVersion(), false);
            a = f.orders.availability(Map.of(chair.getId(), BigDecimal.valueOf(5))).get(0);
            assertEquals(0, BigDecimal.valueOf(3).compareTo(a.available()), "the confirmed order takes 5 the SCM does not know of");
            assertFalse(a.ok());
            assertEquals(0, BigDecimal.valueOf(2).compareTo(a.shortfall()));

            // the next stock report includes the order in RESERVED: it is not subtracted twice
            Thread.sleep(5);
            f.stock("CH-1", 10, 7);
            assertEquals(0, BigDecimal.valueOf(3).compareTo(f.orders.availability(Map.of(chair.getId(), BigDecimal.ONE)).get(0).available()));

            Availability s = f.orders.availability(Map.of(service.getId(), BigDecimal.valueOf(1000))).get(0);
            assertFalse(s.tracked());
            assertTrue(s.ok(), "services are not stocked");
        }
    }

    @Test
    void confirmingWritesExactlyOneOutboxMessageWithTheOrderDocument() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", "021-5555 1234");
            Product chair = f.product("CH-1", "1200", 10);
            Product install = f.product("SV-1", "300", null);
            SalesOrder o = f.orders.save(order(c, chair, 4, install, 1));
            SalesOrder confirmed = f.orders.confirm(o.getId(), o.getVersion(), false);
            assertEquals(OrderStatus.CONFIRMED, confirmed.getStatus());
            assertNotNull(confirmed.getConfirmedAt());

            List<OutboxMessage> messages = f.outbox.of("SalesOrder", o.getId());
            assertEquals(1, messages.size());
            OutboxMessage m = messages.get(0);
            assertEquals(Outbox.ORDER_CONFIRMED, m.getTopic());
            assertEquals(o.getOrderNo() + ":confirmed", m.getIdempotencyKey());
            assertEquals(OutboxMessage.Status.PENDING, m.getStatus());
            Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(m.getPayload())));
            assertEquals("urn:guanxi:order:1", doc.getDocumentElement().getNamespaceURI());
            assertEquals(o.getOrderNo(), text(doc, "OrderNo"));
            assertEquals("华东机械有限公司", text(doc, "Name"));
            assertEquals("5100.00", text(doc, "Total"));
            assertEquals(2, doc.getElementsByTagNameNS("*", "Line").getLength());

            // a second confirmation of the same order is refused and queues nothing
            assertThrows(GuanxiException.class, () -> f.orders.confirm(o.getId(), confirmed.getVersion(), false));
            assertEquals(1, count(f, ORDER_MESSAGES));
            assertEquals(1, count(f, ORDER_MESSAGES + " AND STATUS = 'PENDING'"));
        }
    }

    @Test
    void readersWithoutPersonalDataSeeTheShipToAddressAndTheCustomersNumbersMasked() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", "021-5555 1234");
            Product chair = f.product("CH-1", "1200", 10);
            SalesOrder draft = order(c, chair, 2);
            draft.setShipTo("上海市浦东新区张江路88号");
            SalesOrder o = f.orders.save(draft);
            o = f.orders.confirm(o.getId(), o.getVersion(), false);
            f.security.createUser("ro", "RO", "secret-12".toCharArray(), "READONLY");
            assertTrue(f.security.login("ro", "secret-12".toCharArray()));
            SalesOrder shown = f.orders.get(o.getId());
            assertEquals("上海市**********", shown.getShipTo());
            assertEquals("021-**** 1234", shown.getCustomer().getPhone());
            OrderService.Detail d = f.orders.detail(o.getId());
            assertEquals("上海市**********", d.order().getShipTo());
            assertTrue(d.messages().stream().allMatch(m -> m.getPayload() == null), "the ERP document holds them in full");
            assertEquals(1, d.messages().size());
            // a rep whose role lost PERSONAL_DATA saves the draft shown masked: the address held stays
            f.db.jdbc(x -> x.createStatement().executeUpdate("DELETE FROM ROLE_PERMISSION WHERE PERMISSION = 'PERSONAL_DATA' "
                    + "AND ROLE_ID = (SELECT ID FROM APP_ROLE WHERE NAME = 'SALES')"));
            f.security.signInAsProcess();
            f.security.createUser("rep", "Rep", "secret-12".toCharArray(), "SALES");
            SalesOrder second = order(c, chair, 1);
            second.setShipTo("上海市浦东新区张江路88号");
            long id = f.orders.save(second).getId();
            assertTrue(f.security.login("rep", "secret-12".toCharArray()));
            SalesOrder mine = f.orders.get(id);
            mine.setNotes("请送货前致电");
            f.orders.save(mine);
            assertEquals("上海市浦东新区张江路88号", f.db.jdbc(x -> {
                try (var rs = x.createStatement().executeQuery("SELECT SHIP_TO FROM SALES_ORDER WHERE ID = " + id)) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
        }
    }

    private static String text(Document doc, String element) {
        return doc.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }

    @Test
    void aShortOrderIsRefusedAndNothingIsWrittenUnlessBackordered() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1200", 3);
            SalesOrder o = f.orders.save(order(c, chair, 5));
            ShortageException e = assertThrows(ShortageException.class, () -> f.orders.confirm(o.getId(), o.getVersion(), false));
            assertEquals("CH-1", e.getShortages().get(0).sku());
            assertTrue(e.getMessage().contains("CH-1: 5 wanted, 3 available"), e.getMessage());
            assertEquals(OrderStatus.DRAFT, f.orders.get(o.getId()).getStatus());
            assertEquals(0, count(f, ORDER_MESSAGES));

            SalesOrder back = f.orders.confirm(o.getId(), o.getVersion(), true);
            assertEquals(OrderStatus.CONFIRMED, back.getStatus());
            assertEquals(1, count(f, ORDER_MESSAGES));
        }
    }

    @Test
    void whenTheOutboxWriteFailsTheOrderStaysADraft() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1200", 10);
            SalesOrder o = f.orders.save(order(c, chair, 1));
            // a message already holds this order's key (say, left by a restore): the confirmation must fail whole
            f.db.jdbc(conn -> conn.createStatement().executeUpdate("INSERT INTO OUTBOX (TOPIC, AGGREGATE_TYPE, AGGREGATE_ID, "
                    + "IDEMPOTENCY_KEY, PAYLOAD, STATUS, ATTEMPTS, NEXT_ATTEMPT_AT, CREATED_AT) VALUES ('x', 'x', 0, '"
                    + o.getOrderNo() + ":confirmed', '<x/>', 'SENT', 0, " + SqlClock.now() + ", " + SqlClock.now() + ")"));
            assertThrows(RuntimeException.class, () -> f.orders.confirm(o.getId(), o.getVersion(), false));
            SalesOrder after = f.orders.get(o.getId());
            assertEquals(OrderStatus.DRAFT, after.getStatus(), "order and message commit together or not at all");
            assertEquals(o.getVersion(), after.getVersion());
            assertEquals(0, count(f, "SELECT COUNT(*) FROM OUTBOX WHERE AGGREGATE_TYPE = 'SalesOrder'"));
        }
    }

    @Test
    void twoUsersConfirmingAtOnceCannotPromiseTheSameLastUnits() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1200", 5);
            SalesOrder a = f.orders.save(order(c, chair, 4));
            SalesOrder b = f.orders.save(order(c, chair, 4));
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> tryConfirm(f, a, start));
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> tryConfirm(f, b, start));
            start.countDown();
            assertEquals(1, (first.get() ? 1 : 0) + (second.get() ? 1 : 0), "exactly one order gets the stock");
            assertEquals(1, count(f, "SELECT COUNT(*) FROM SALES_ORDER WHERE STATUS = 'CONFIRMED'"));
            assertEquals(1, count(f, ORDER_MESSAGES));
        }
    }

    private static boolean tryConfirm(SalesFixture f, SalesOrder o, CountDownLatch start) {
        try {
            start.await();
            f.orders.confirm(o.getId(), o.getVersion(), false);
            return true;
        } catch (ShortageException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void cancellingAConfirmedOrderTellsTheErpOnce() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1200", 10);
            SalesOrder o = f.orders.save(order(c, chair, 1));
            assertThrows(ValidationException.class, () -> f.orders.cancel(o.getId(), o.getVersion(), " "));
            SalesOrder confirmed = f.orders.confirm(o.getId(), o.getVersion(), false);
            SalesOrder cancelled = f.orders.cancel(o.getId(), confirmed.getVersion(), "客户改期");
            assertEquals(OrderStatus.CANCELLED, cancelled.getStatus());
            List<OutboxMessage> history = f.orders.detail(o.getId()).messages();
            assertEquals(List.of(Outbox.ORDER_CONFIRMED, Outbox.ORDER_CANCELLED), history.stream().map(OutboxMessage::getTopic).toList());
            assertTrue(history.get(1).getPayload().contains("<CancelReason>客户改期</CancelReason>"));

            SalesOrder draft = f.orders.save(order(c, chair, 1));
            f.orders.cancel(draft.getId(), draft.getVersion(), "录错了");
            assertTrue(f.outbox.of("SalesOrder", draft.getId()).isEmpty(), "the ERP never heard of a draft");
        }
    }

    @Test
    void discountsBeyondTheUsersAuthorityCannotBeConfirmed() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1000", 10);
            f.signIn("rep", "SALES");
            SalesOrder o = order(c, chair, 1);
            o.getLines().get(0).setDiscountPct(new BigDecimal("15"));
            SalesOrder saved = f.orders.save(o);
            GuanxiException e = assertThrows(GuanxiException.class, () -> f.orders.confirm(saved.getId(), saved.getVersion(), false));
            assertEquals("error.discountLimit", e.getKey());
            assertTrue(e.getMessage().contains("15 %") && e.getMessage().contains("10 %"), e.getMessage());
            f.signIn("boss", "SALES_MANAGER");
            assertEquals(OrderStatus.CONFIRMED, f.orders.confirm(saved.getId(), saved.getVersion(), false).getStatus());
        }
    }

    @Test
    void theDetailShowsDeliveriesInvoicesAndPaymentsAsTheErpReportsThem() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1000", 10);
            SalesOrder o = f.orders.save(order(c, chair, 2));
            f.db.jdbc(conn -> {
                var st = conn.createStatement();
                st.executeUpdate("INSERT INTO DELIVERY (ID, VERSION, ORDER_ID, DELIVERY_NO, SHIPPED_ON, CARRIER, TRACKING_NO, STATUS) "
                        + "VALUES (-1, 1, " + o.getId() + ", 'DN-1', " + SqlClock.today() + ", '顺丰', 'SF123', 'SHIPPED')");
                st.executeUpdate("INSERT INTO INVOICE (ID, VERSION, INVOICE_NO, CUSTOMER_ID, ORDER_ID, ISSUE_DATE, AMOUNT, PAID_AMOUNT, "
                        + "STATUS, DUE_DATE) VALUES (-2, 1, 'INV-1', " + c.getId() + ", " + o.getId()
                        + ", " + SqlClock.today() + ", 2000, 500, 'PARTLY_PAID', " + SqlClock.today() + ")");
                return st.executeUpdate("INSERT INTO PAYMENT (ID, VERSION, INVOICE_ID, PAID_ON, AMOUNT, METHOD) "
                        + "VALUES (-3, 1, -2, " + SqlClock.today() + ", 500, 'BANK')");
            });
            var d = f.orders.detail(o.getId());
            assertEquals("华东机械有限公司", d.customerName());
            assertEquals("SF123", d.deliveries().get(0).getTrackingNo());
            assertEquals("INV-1", d.invoices().get(0).invoiceNo());
            assertEquals(0, new BigDecimal("500").compareTo(d.payments().get(0).getAmount()));
            assertEquals(1, f.orders.list(null, o.getOrderNo(), 10).size());
            assertEquals(1, f.orders.list(OrderStatus.DRAFT, "华东", 10).size());
        }
    }
}
