package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.guanxi.core.Masking;
import org.guanxi.core.Masking.Kind;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Customer;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.PersonalDataService;
import org.guanxi.core.service.PersonalDataService.Field;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.PersonalDataServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles without PERSONAL_DATA see phones, e-mail addresses and ID numbers masked; a reveal is recorded. */
class CustomerMaskingTest {

    private static final String PHONE = "13812349679";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String EMAIL = "zhang.wei@qq.com";

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private CustomerServiceImpl customers;
    private PersonalDataService personal;
    private long id;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        new DemoDataGenerator(fx.db).generate(60, 7, n -> { });
        customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        personal = new PersonalDataServiceImpl(fx.db, fx.security, fx.audit);
        Customer c = customers.get(customers.find("", 5, 1).get(0).id());
        c.setPhone(PHONE);
        c.setEmail(EMAIL);
        c.setIdNumber(ID_NUMBER);
        id = customers.save(c).getId();
        for (String role : List.of("READONLY", "MARKETING", "SALES")) {
            fx.security.createUser(role.toLowerCase(), role, "secret-12".toCharArray(), role);
        }
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void masksKeepEnoughToTellValuesApart() {
        assertEquals("138****9679", Masking.mask(Kind.PHONE, PHONE));
        assertEquals("4401**********1234", Masking.mask(Kind.NUMBER, "440105198001011234"));
        assertEquals("z***@qq.com", Masking.mask(Kind.EMAIL, EMAIL));
        assertEquals("+86 ** **** 1234", Masking.mask(Kind.PHONE, "+86 21 6888 1234"));
        assertEquals("天河路****", Masking.mask(Kind.ADDRESS, "天河路385号"));
    }

    @Test
    void aReadOnlyUserSeesMasksEverywhereButFindsByTheFullValueAndCannotReveal() {
        signIn("readonly");
        List<CustomerRow> found = customers.find(PHONE, 0, 10);
        assertEquals(1, found.size(), "the search runs on the value held");
        assertEquals("138****9679", found.get(0).phone());
        assertEquals("z***@qq.com", found.get(0).email());
        assertTrue(customers.find("", 0, 500).stream().allMatch(r -> r.phone() == null || r.phone().contains("*")),
                "every phone of the list is masked");
        Customer c = customers.get(id);
        assertEquals("138****9679", c.getPhone());
        assertEquals("1101**********002X", c.getIdNumber());
        assertTrue(c.getContacts().stream().allMatch(k -> k.getPhone() == null || k.getPhone().contains("*")));
        assertThrows(PermissionDeniedException.class, () -> personal.reveal(id, Field.PHONE));
        // the trail holds the values as they were written, and shows them masked too (e.g. an ERP's overridden values)
        List<AuditEntry> trail = fx.audit.history("Customer", id);
        assertTrue(trail.stream().anyMatch(e -> "phone".equals(e.getField()) && "138****9679".equals(e.getNewValue())));
        assertTrue(trail.stream().anyMatch(e -> "idNumber".equals(e.getField()) && "1101**********002X".equals(e.getNewValue())));
        assertTrue(trail.stream().noneMatch(e -> String.valueOf(e.getOldValue()).contains(PHONE)
                || String.valueOf(e.getNewValue()).contains(PHONE) || String.valueOf(e.getNewValue()).contains(EMAIL)));

        // the screen pop finds the caller by the full number and shows it masked, the e-mail it matched too
        org.guanxi.customer.Customer360ServiceImpl pop = new org.guanxi.customer.Customer360ServiceImpl(fx.db, fx.security,
                customers, null, null, null, null);
        var hit = pop.lookup(PHONE, 5).get(0);
        assertEquals(List.of(id, "138****9679", "138****9679"), List.of(hit.customerId(), hit.phone(), hit.matched()));
        assertEquals("z***@qq.com", pop.lookup(EMAIL, 5).get(0).matched());
    }

    @Test
    void duplicateReasonsNameTheSharedValueMasked() {
        Customer twin = customers.get(customers.find("", 6, 1).get(0).id());
        twin.setIdNumber(ID_NUMBER);
        customers.save(twin);
        var quality = new org.guanxi.customer.quality.DataQualityServiceImpl(fx.db, fx.security, fx.audit);
        assertTrue(reasons(quality).contains(ID_NUMBER), "in full for those who see it so");
        signIn("readonly");
        String shown = reasons(quality);
        assertTrue(shown.contains("1101**********002X") && !shown.contains(ID_NUMBER), shown);
    }

    private static String reasons(org.guanxi.customer.quality.DataQualityServiceImpl quality) {
        return quality.duplicates(50, p -> { }).stream().flatMap(d -> d.reasons().stream())
                .collect(java.util.stream.Collectors.joining(" | "));
    }

    @Test
    void aMaskedPhoneCannotBeUncoveredDigitByDigit() {
        org.guanxi.customer.Customer360ServiceImpl pop = new org.guanxi.customer.Customer360ServiceImpl(fx.db, fx.security,
                customers, null, null, null, null);
        // with the number in full, its beginning and its last digits find the customer
        assertTrue(customers.find("1381234", 0, 50).stream().anyMatch(r -> r.id() == id));
        assertTrue(customers.find("49679", 0, 50).stream().anyMatch(r -> r.id() == id));
        assertTrue(pop.lookup("1381234", 50).stream().anyMatch(h -> h.customerId() == id));
        for (String who : List.of("readonly", "marketing")) {
            signIn(who);
            for (String part : List.of("1381", "13812", "1381234967", "349679", "12349679", "138 1234 967")) {
                assertTrue(customers.find(part, 0, 500).stream().noneMatch(r -> r.id() == id), who + " typing " + part);
                assertTrue(pop.lookup(part, 500).stream().noneMatch(h -> h.customerId() == id), who + " looking up " + part);
            }
            assertEquals(List.of(id), customers.find("138 1234 9679", 0, 10).stream().map(CustomerRow::id).toList(),
                    "typed in full, however written");
            assertEquals(id, pop.lookup("+86 138-1234-9679", 5).get(0).customerId());
        }
    }

    @Test
    void marketingRevealsOneValueAndTheRevealIsRecorded() {
        signIn("marketing");
        assertEquals("138****9679", customers.get(id).getPhone());
        assertEquals(PHONE, personal.reveal(id, Field.PHONE));
        List<AuditEntry> reveals = fx.audit.history(PersonalDataService.ENTITY, id);
        assertEquals(1, reveals.size());
        assertEquals("phone", reveals.get(0).getField());
        assertEquals("marketing", reveals.get(0).getUser());
    }

    @Test
    void savingAMaskedFormKeepsTheValuesHeld() {
        // an administrator takes PERSONAL_DATA from sales: reps then see masks, and may still edit
        fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ROLE_PERMISSION WHERE PERMISSION = 'PERSONAL_DATA' "
                    + "AND ROLE_ID = (SELECT ID FROM APP_ROLE WHERE NAME = 'SALES')")) {
                return ps.executeUpdate();
            }
        });
        signIn("sales");
        Customer shown = customers.get(id);
        assertEquals("138****9679", shown.getPhone());
        shown.setNotes("回访：满意");
        customers.save(shown);
        String[] held = fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT PHONE, ID_NUMBER, EMAIL, NOTES FROM CUSTOMER WHERE ID = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) };
                }
            }
        });
        assertEquals(List.of(PHONE, ID_NUMBER, EMAIL, "回访：满意"), List.of(held));
    }

    private void signIn(String login) {
        assertTrue(fx.security.login(login, "secret-12".toCharArray()));
    }
}
