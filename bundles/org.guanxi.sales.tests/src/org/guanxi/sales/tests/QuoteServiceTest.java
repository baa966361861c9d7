package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.model.PriceList;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.Quote;
import org.guanxi.core.model.QuoteLine;
import org.guanxi.core.model.QuoteStatus;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.sales.api.QuoteService.QuoteRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteServiceTest {

    @TempDir
    Path dir;

    static Quote quote(Customer c, Long priceList, Object... productQuantityDiscount) {
        Quote q = new Quote();
        q.setCustomerId(c.getId());
        q.setPriceListId(priceList);
        q.setValidUntil(AppClock.today().plusDays(30));
        for (int i = 0; i < productQuantityDiscount.length; i += 3) {
            QuoteLine l = new QuoteLine();
            l.setProduct((Product) productQuantityDiscount[i]);
            l.setQuantity(new BigDecimal(productQuantityDiscount[i + 1].toString()));
            l.setDiscountPct(new BigDecimal(productQuantityDiscount[i + 2].toString()));
            q.getLines().add(l);
        }
        return q;
    }

    @Test
    void linesArePricedFromTheListsVolumeTiers() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1000", 100);
            Product desk = f.product("DK-1", "2500", 100);
            PriceList list = new PriceList();
            list.setCode("DIST");
            list.setName("经销商价");
            list = f.catalog.savePriceList(list);
            f.catalog.setPrice(list.getId(), chair.getId(), BigDecimal.ONE, new BigDecimal("900"));
            f.catalog.setPrice(list.getId(), chair.getId(), BigDecimal.TEN, new BigDecimal("850"));

            assertEquals(0, new BigDecimal("900").compareTo(f.catalog.listPrice(list.getId(), chair.getId(), new BigDecimal("9"))));
            assertEquals(0, new BigDecimal("850").compareTo(f.catalog.listPrice(list.getId(), chair.getId(), BigDecimal.TEN)));
            assertEquals(0, new BigDecimal("2500").compareTo(f.catalog.listPrice(list.getId(), desk.getId(), BigDecimal.ONE)),
                    "not in the list: the product's own price");
            assertEquals(0, new BigDecimal("1000").compareTo(f.catalog.listPrice(null, chair.getId(), BigDecimal.TEN)));

            Quote q = f.quotes.save(quote(c, list.getId(), chair, 20, 5, desk, 1, 0));
            assertTrue(q.getQuoteNo().matches("QT\\d{7}"), q.getQuoteNo());
            assertEquals(1, q.getRevision());
            // 20 × 850 × 0.95 + 2500
            assertEquals(0, new BigDecimal("18650.00").compareTo(q.getTotal()), q.getTotal().toString());
            assertEquals(0, new BigDecimal("19500.00").compareTo(q.getListTotal()));
            assertEquals(0, new BigDecimal("5").compareTo(q.getMaxDiscount()));
        }
    }

    @Test
    void aDiscountWithinTheAuthorsLimitNeedsNoApprovalBeyondItWaitsForAManager() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1000", 100);
            f.signIn("rep", "SALES");
            assertEquals(0, BigDecimal.TEN.compareTo(f.quotes.discountLimit()));

            assertEquals(QuoteStatus.APPROVED, f.quotes.save(quote(c, null, chair, 1, 10)).getStatus(), "10 % is the rep's own");
            Quote big = f.quotes.save(quote(c, null, chair, 1, 20));
            assertEquals(QuoteStatus.PENDING_APPROVAL, big.getStatus());
            assertThrows(GuanxiException.class, () -> f.quotes.send(big.getId(), big.getVersion()), "not sent before approval");
            GuanxiException own = assertThrows(GuanxiException.class, () -> f.quotes.approve(big.getId(), big.getVersion()));
            assertEquals("error.discountLimit", own.getKey());

            f.signIn("boss", "SALES_MANAGER");
            Quote approved = f.quotes.approve(big.getId(), big.getVersion());
            assertEquals(QuoteStatus.APPROVED, approved.getStatus());
            assertEquals("boss", approved.getApprovedBy());

            Quote tooBig = f.quotes.save(quote(c, null, chair, 1, 30));
            assertThrows(GuanxiException.class, () -> f.quotes.approve(tooBig.getId(), tooBig.getVersion()), "25 % is a manager's limit");
            f.signIn("readonly", "READONLY");
            assertThrows(PermissionDeniedException.class, () -> f.quotes.save(quote(c, null, chair, 1, 0)));
        }
    }

    @Test
    void discountLimitsAreSettingsPerRole() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1000", 100);
            f.quotes.saveDiscountLimits(Map.of("SALES", new BigDecimal("3")));
            assertEquals(0, new BigDecimal("3").compareTo(f.quotes.discountLimits().get("SALES")));
            assertEquals(0, new BigDecimal("25").compareTo(f.quotes.discountLimits().get("SALES_MANAGER")), "others keep theirs");
            assertThrows(GuanxiException.class, () -> f.quotes.saveDiscountLimits(Map.of("SALES", new BigDecimal("101"))));
            f.signIn("rep", "SALES");
            assertEquals(QuoteStatus.PENDING_APPROVAL, f.quotes.save(quote(c, null, chair, 1, 5)).getStatus());
            assertThrows(PermissionDeniedException.class, () -> f.quotes.saveDiscountLimits(Map.of("SALES", BigDecimal.TEN)),
                    "only an administrator sets limits");
        }
    }

    @Test
    void aSentQuoteIsRevisedNotOverwritten() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1000", 100);
            Quote q = f.quotes.save(quote(c, null, chair, 2, 0));
            Quote sent = f.quotes.send(q.getId(), q.getVersion());
            assertEquals(QuoteStatus.SENT, sent.getStatus());
            sent.getLines().get(0).setQuantity(BigDecimal.TEN);
            GuanxiException locked = assertThrows(GuanxiException.class, () -> f.quotes.save(sent));
            assertEquals("error.quoteLocked", locked.getKey());

            Quote rev2 = f.quotes.revise(sent.getId(), sent.getVersion());
            assertEquals(q.getQuoteNo(), rev2.getQuoteNo());
            assertEquals(2, rev2.getRevision());
            rev2.getLines().get(0).setQuantity(BigDecimal.TEN);
            rev2.getLines().get(0).setListPrice(null);
            Quote saved = f.quotes.save(rev2);
            assertEquals(0, new BigDecimal("10000.00").compareTo(saved.getTotal()));

            List<QuoteRow> revisions = f.quotes.revisions(q.getQuoteNo());
            assertEquals(List.of(QuoteStatus.SUPERSEDED, QuoteStatus.APPROVED), revisions.stream().map(QuoteRow::status).toList());
            assertEquals(0, new BigDecimal("2000.00").compareTo(revisions.get(0).total()), "what the customer received is kept");
            assertEquals(List.of(2), f.quotes.list(null, q.getQuoteNo(), 10).stream().map(QuoteRow::revision).toList(),
                    "the list shows the live revision");
        }
    }

    @Test
    void anAcceptedQuoteBecomesADraftOrderThatKeepsItsApprovedDiscount() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1000", 100);
            f.signIn("rep", "SALES");
            Quote q = f.quotes.save(quote(c, null, chair, 3, 20));
            f.signIn("boss", "SALES_MANAGER");
            q = f.quotes.approve(q.getId(), q.getVersion());
            f.signIn("rep2", "SALES");
            q = f.quotes.send(q.getId(), q.getVersion());
            q = f.quotes.answer(q.getId(), q.getVersion(), true);
            SalesOrder o = f.quotes.toOrder(q.getId(), q.getVersion());
            assertEquals(OrderStatus.DRAFT, o.getStatus());
            assertEquals(q.getId(), o.getQuoteId());
            assertEquals(0, new BigDecimal("2400.00").compareTo(o.getTotal()));
            assertEquals("rep", o.getOwner(), "the quote's author owns the order");
            Quote ordered = f.quotes.get(q.getId());
            assertEquals(QuoteStatus.ORDERED, ordered.getStatus());
            assertEquals(o.getId(), ordered.getOrderId());
            // a rep may confirm it: the 20 % was approved on the quote
            assertEquals(OrderStatus.CONFIRMED, f.orders.confirm(o.getId(), o.getVersion(), false).getStatus());
            Quote finalQ = ordered;
            assertThrows(GuanxiException.class, () -> f.quotes.toOrder(finalQ.getId(), finalQ.getVersion()), "one order per quote");
        }
    }

    @Test
    void anExpiredQuoteCannotBecomeAnOrder() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Product chair = f.product("CH-1", "1000", 100);
            Quote q = f.quotes.save(quote(c, null, chair, 1, 0));
            f.db.jdbc(conn -> {
                try (var ps = conn.prepareStatement("UPDATE QUOTE SET VALID_UNTIL = ?")) {
                    ps.setDate(1, java.sql.Date.valueOf(AppClock.today().minusDays(1)));
                    return ps.executeUpdate();
                }
            });
            GuanxiException e = assertThrows(GuanxiException.class, () -> f.quotes.toOrder(q.getId(), q.getVersion()));
            assertEquals("error.quoteExpired", e.getKey());
            Quote rev = f.quotes.revise(q.getId(), q.getVersion());
            assertTrue(!rev.getValidUntil().isBefore(AppClock.today()), "a revision of an expired quote gets a new validity");
            assertNull(rev.getOrderId());
        }
    }
}
