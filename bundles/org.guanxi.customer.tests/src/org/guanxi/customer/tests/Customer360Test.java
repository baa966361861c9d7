package org.guanxi.customer.tests;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.ContactPoint;
import org.guanxi.core.model.ContactPointKind;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.KeyDate;
import org.guanxi.core.model.KeyDateKind;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.service.Customer360Service.Hit;
import org.guanxi.core.service.Customer360Service.Match;
import org.guanxi.core.service.Customer360Service.View;
import org.guanxi.customer.Customer360ServiceImpl;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.CustomerValueServiceImpl;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.customer.care.CareServiceImpl;
import org.guanxi.customer.care.TaskServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screen pop and 360° view over a demo base plus one customer whose every channel is known. */
class Customer360Test {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private CustomerServiceImpl customers;
    private InteractionServiceImpl interactions;
    private Customer360ServiceImpl service;
    private Customer wang;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        new DemoDataGenerator(fx.db).generate(300, 5, n -> { });
        customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        interactions = new InteractionServiceImpl(fx.db, fx.security, fx.audit);
        service = new Customer360ServiceImpl(fx.db, fx.security, customers, new CustomerValueServiceImpl(fx.db, fx.security, fx.audit),
                interactions, new CareServiceImpl(fx.db, fx.security, fx.audit), new TaskServiceImpl(fx.db, fx.security, fx.audit));
        Customer c = new Customer();
        c.setKind(PartyKind.ORGANISATION);
        c.setName("旺达贸易有限公司");
        c.setPhone("+86 21 5888 1234");
        c.setMemberCard("WD20260001");
        c.setEmail("Office@Wanda-Trade.example.cn");
        c.addContact(new Contact("赵敏", "采购经理 / Purchasing", "139 1111 2222", "zhao@wanda-trade.example.cn"));
        c.addContactPoint(new ContactPoint(ContactPointKind.MOBILE, "+86 186-0000-7777", "值班 / On duty"));
        c.addContactPoint(new ContactPoint(ContactPointKind.EMAIL, "Orders@Wanda-Trade.example.cn", null));
        c.addKeyDate(new KeyDate(KeyDateKind.FOUNDING, "公司成立", LocalDate.of(2008, 3, 18), false));
        wang = customers.save(c);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Hit only(String text, Match match) {
        List<Hit> hits = service.lookup(text, 10);
        assertFalse(hits.isEmpty(), "nothing found for " + text);
        assertEquals(wang.getId(), hits.get(0).customerId(), text);
        assertEquals(match, hits.get(0).match(), text);
        return hits.get(0);
    }

    @Test
    void theCallerIsFoundByAnyOfItsNumbersHoweverTheyAreWritten() {
        only("021-58881234", Match.PHONE);
        only("+862158881234", Match.PHONE);
        assertEquals("赵敏", only("13911112222", Match.CONTACT_PHONE).matched());
        only("0086 18600007777", Match.OTHER_PHONE);
        assertEquals(1, service.lookup("02158881234", 10).size(), "an exact number gives only its customer");
    }

    @Test
    void theLastDigitsOfANumberFindItsCustomer() {
        // 手机尾号: the last 4 or more digits, in the 360° view and in the customer list alike
        Customer other = new Customer();
        other.setName("尾号相同的客户");
        other.setPhone("139-0000-1234");
        long otherId = customers.save(other).getId();
        List<Long> found = service.lookup("1234", 10).stream().map(Hit::customerId).toList();
        assertTrue(found.contains(wang.getId()) && found.contains(otherId), found.toString());
        assertEquals(wang.getId(), only("58881234", Match.PHONE).customerId());
        List<Long> listed = customers.find("1234", 0, 50).stream().map(r -> r.id()).toList();
        assertTrue(listed.contains(wang.getId()) && listed.contains(otherId), listed.toString());
        assertEquals(List.of(otherId), customers.find("00001234", 0, 50).stream().map(r -> r.id()).toList());
        assertEquals(customers.find("1234", 0, 10_000).size(), customers.count("1234", 10_000));
        assertTrue(customers.find("234", 0, 50).stream().noneMatch(r -> r.id() == otherId), "three digits are a prefix only");
    }

    @Test
    void cardCodeMailAndNameFindTheCustomer() {
        only("wd20260001", Match.MEMBER_CARD);
        only(wang.getCode(), Match.CODE);
        only("office@wanda-trade.example.cn", Match.EMAIL);
        only("orders@wanda-trade.example.cn", Match.EMAIL);
        only("旺达", Match.NAME);
        only("wangdamao", Match.NAME);
        assertTrue(service.lookup("王", 5).size() <= 5);
        assertTrue(service.lookup("", 5).isEmpty());
        assertTrue(service.lookup("%", 5).isEmpty(), "wildcards are matched literally");
    }

    @Test
    void aPrefixOfANumberListsCandidatesWhenNothingMatchesExactly() throws Exception {
        String phone = customers.find("", 7, 1).get(0).phone();
        List<Hit> hits = service.lookup(phone.substring(0, 7), 10);
        String prefix = SearchKeys.phoneKey(phone.substring(0, 7));
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> SearchKeys.phoneKey(h.phone()).startsWith(prefix)), hits.toString());
    }

    @Test
    void theViewGathersOrdersInvoicesTimelineCareDatesAndTasks() throws Exception {
        try (Connection c = fx.db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, ORDER_DATE, STATUS, CURRENCY, TOTAL, "
                    + "DELIVERED_ON) VALUES (-1, 1, 'SO-T1', " + wang.getId() + ", " + SqlClock.today() + ", 'INVOICED', 'CNY', 1200.00, " + SqlClock.today() + ")");
            st.executeUpdate("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, ORDER_DATE, STATUS, CURRENCY, TOTAL) "
                    + "VALUES (-2, 1, 'SO-T2', " + wang.getId() + ", " + SqlClock.today() + ", 'CONFIRMED', 'CNY', 300.00)");
            st.executeUpdate("INSERT INTO INVOICE (ID, VERSION, INVOICE_NO, CUSTOMER_ID, ORDER_ID, ISSUE_DATE, AMOUNT, PAID_AMOUNT, "
                    + "STATUS) VALUES (-3, 1, 'INV-T1', " + wang.getId() + ", -1, " + SqlClock.today() + ", 1200.00, 200.00, 'PARTLY_PAID')");
        }
        interactions.log(wang.getId(), Channel.PHONE, "询价 / Price enquiry", null);
        new TaskServiceImpl(fx.db, fx.security, fx.audit).create(wang.getId(), "回电 / Call back", AppClock.today().plusDays(1));

        View v = service.view(wang.getId());
        assertEquals("旺达贸易有限公司", v.customer().getName());
        assertEquals(1, v.customer().getContacts().size());
        assertEquals(2, v.customer().getContactPoints().size());
        assertEquals(2, v.orders());
        assertEquals(0, new BigDecimal("1500.00").compareTo(v.revenue()));
        assertEquals(2, v.recentOrders().size());
        assertEquals(1, v.openInvoices().size());
        assertEquals(0, new BigDecimal("1000.00").compareTo(v.openBalance()));
        assertEquals(1, v.timeline().size());
        assertEquals(1, v.openTasks().size());
        assertTrue(v.careDates().stream().anyMatch(d -> d.label().contains("Founding day")), v.careDates().toString());
        assertTrue(v.careDates().stream().anyMatch(d -> d.label().contains("Spring Festival")), v.careDates().toString());
        assertTrue(v.careDates().stream().anyMatch(d -> d.label().contains("SO-T1")), "follow-up of the delivery");
        assertTrue(v.value().isEmpty(), "no analysis has run yet");
    }
}
