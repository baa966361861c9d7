package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SegmentQuery;
import org.guanxi.core.model.Consent;
import org.guanxi.core.model.ConsentEvent;
import org.guanxi.core.model.ConsentSource;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.Tier;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.CustomerValueServiceImpl;
import org.guanxi.customer.imports.CustomerImportServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.guanxi.core.persistence.OutboxRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consent ledger (PIPL): every consent given or withdrawn is a row with when, source and who, written with the
 * change; a person who refused personalisation (Art. 24) is left out of segments chosen by computed classes.
 */
class ConsentLedgerTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private CustomerServiceImpl customers;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void everySaveThatChangesAConsentAddsToTheLedgerAndNothingElseDoes() {
        Customer c = new Customer();
        c.setKind(PartyKind.PERSON);
        c.setName("同意测试");
        c.setPhone("13800138000");
        c.setEmail("consent@example.cn");
        c.setConsentEmail(true);
        c.setConsentSms(true);
        Customer saved = customers.save(c);
        List<ConsentEvent> first = customers.consentHistory(saved.getId());
        assertEquals(Set.of(Consent.EMAIL, Consent.SMS), Set.copyOf(first.stream().map(ConsentEvent::consent).toList()),
                "a new customer's ledger holds what they agreed to, not what they did not");
        assertTrue(first.stream().allMatch(e -> e.granted() && e.source() == ConsentSource.EDITOR
                && fx.security.currentUser().equals(e.user()) && e.at().equals(first.get(0).at())), first.toString());

        saved.setName("同意测试乙");
        saved = customers.save(saved);
        assertEquals(2, customers.consentHistory(saved.getId()).size(), "a save that changes no consent adds nothing");

        saved.setConsentSms(false);
        saved.setConsentPhone(true);
        saved.setPersonalised(false);
        saved = customers.save(saved);
        List<ConsentEvent> after = customers.consentHistory(saved.getId());
        assertEquals(5, after.size(), after.toString());
        List<String> newest = after.subList(0, 3).stream().map(e -> e.consent() + "=" + e.granted()).sorted().toList();
        assertEquals(List.of("PERSONALISED=false", "PHONE=true", "SMS=false"), newest, "newest first");
        assertFalse(customers.get(saved.getId()).isPersonalised());
        assertTrue(fx.audit.history("Customer", saved.getId()).stream()
                .anyMatch(a -> "personalised".equals(a.getField()) && "false".equals(a.getNewValue())));

        // a customer with a ledger can still be deleted: the ledger goes with it
        customers.delete(saved.getId(), saved.getVersion());
        assertEquals(0, count("SELECT COUNT(*) FROM CONSENT_EVENT WHERE CUSTOMER_ID = " + saved.getId()));
    }

    @Test
    void anImportRecordsTheConsentsItsFileGaveWithTheFileName() throws Exception {
        Path f = tmp.resolve("会员.csv");
        Files.writeString(f, "客户名称,手机,同意邮件,同意短信,同意电话\r\n李雷,13900139000,是,否,是\r\n韩梅梅,13700137000,否,否,否\r\n",
                StandardCharsets.UTF_8);
        CustomerImportServiceImpl imports = new CustomerImportServiceImpl(fx.db, fx.security, fx.audit);
        imports.importCustomers(f, imports.preview(f, 1).mapping(), false, n -> { });
        long li = id("李雷");
        List<ConsentEvent> ledger = customers.consentHistory(li);
        assertEquals(List.of("EMAIL", "PHONE"), ledger.stream().map(e -> e.consent().name()).sorted().toList());
        assertTrue(ledger.stream().allMatch(e -> e.granted() && e.source() == ConsentSource.IMPORT && "会员.csv".equals(e.note())),
                ledger.toString());
        assertEquals(List.of(), customers.consentHistory(id("韩梅梅")), "no consent given, none recorded");
    }

    @Test
    void whoRefusedPersonalisationIsLeftOutOfSegmentsByComputedClassesOnly() throws Exception {
        new DemoDataGenerator(fx.db).generate(80, 11, n -> { });
        new CustomerValueServiceImpl(fx.db, fx.security, fx.audit).analyse(AppClock.today(), n -> { });
        long someone = first("SELECT v.CUSTOMER_ID FROM CUSTOMER_VALUE v ORDER BY v.CUSTOMER_ID");
        Tier tier = Tier.valueOf(text("SELECT TIER FROM CUSTOMER_VALUE WHERE CUSTOMER_ID = " + someone));
        String city = text("SELECT CITY FROM CUSTOMER WHERE ID = " + someone);
        Segment byTier = new Segment();
        byTier.setTiers(Set.of(tier));
        Segment byCity = new Segment();
        byCity.setCities(List.of(city));
        assertTrue(members(byTier).contains(someone));

        Customer c = customers.get(someone);
        c.setPersonalised(false);
        customers.save(c);
        assertFalse(members(byTier).contains(someone), "chosen by a computed tier: left out");
        assertTrue(members(byCity).contains(someone), "chosen by the city they gave: still in");
        assertEquals(1, customers.consentHistory(someone).stream().filter(e -> e.consent() == Consent.PERSONALISED).count());
        assertTrue(customers.consentHistory(someone).stream().filter(e -> e.consent() != Consent.PERSONALISED)
                .allMatch(e -> e.source() == ConsentSource.DEMO), "the demo's consents are in the ledger");
    }

    private List<Long> members(Segment s) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = fx.db.dataSource().getConnection(); PreparedStatement ps = SegmentQuery.prepare(c, s, "c.ID", "");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private long id(String name) throws Exception {
        return first("SELECT ID FROM CUSTOMER WHERE NAME = '" + name + "'");
    }

    private long count(String sql) {
        try {
            return first(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long first(String sql) throws Exception {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws Exception {
        try (Connection c = fx.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
