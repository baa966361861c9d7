package org.guanxi.customer.tests;

import org.guanxi.core.AppClock;
import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.guanxi.core.model.Address;
import org.guanxi.core.model.AddressKind;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Attitude;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.ContactPoint;
import org.guanxi.core.model.ContactPointKind;
import org.guanxi.core.model.CustomerType;
import org.guanxi.core.model.KeyDate;
import org.guanxi.core.model.KeyDateKind;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.testing.TestDatabases;
import org.guanxi.security.SecurityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.persistence.EntityManager;

class CustomerServiceTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private JpaDatabase db;
    private SecurityServiceImpl security;
    private AuditLogImpl audit;
    private CustomerServiceImpl service;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        db = fx.db;
        security = fx.security;
        audit = fx.audit;
        service = new CustomerServiceImpl(db, security, audit, new OutboxRepository(db));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static Customer customer(String name) {
        Customer c = new Customer();
        c.setKind(PartyKind.ORGANISATION);
        c.setName(name);
        c.setPhone("+86 21 5555 0101");
        c.setEmail("info@huaxin.example.cn");
        c.setCity("上海");
        return c;
    }

    @Test
    void createAssignsACodeAndAuditsEveryField() {
        Customer c = customer("上海华信贸易有限公司");
        c.addContact(new Contact("王芳", "采购经理", "+86 138 0000 0001", "wang.fang@huaxin.example.cn"));
        c.addAddress(new Address(AddressKind.OFFICE, "南京西路 1266 号", "上海", "上海市", "200040", "CN"));
        Customer saved = service.save(c);
        assertEquals("C0000001", saved.getCode());
        assertEquals(security.currentUser(), saved.getOwner());
        assertEquals(1, saved.getContacts().size());
        assertEquals(1, saved.getAddresses().size());
        List<AuditEntry> history = audit.history("Customer", saved.getId());
        Set<String> fields = history.stream().map(AuditEntry::getField).collect(Collectors.toSet());
        assertTrue(fields.containsAll(Set.of("name", "phone", "email", "city", "code")), fields.toString());
        assertTrue(history.stream().allMatch(a -> a.getAction() == AuditEntry.Action.CREATE));
        assertTrue(history.stream().allMatch(a -> a.getUser().equals(security.currentUser())));
        assertEquals("C0000002", service.nextCode());
    }

    @Test
    void invalidInputIsRefusedWithAMessagePerFieldAndNothingIsWritten() {
        Customer c = customer(" ");
        c.setEmail("not-an-email");
        c.setPhone("call me");
        c.setBirthday(AppClock.today().plusDays(3));
        c.addContact(new Contact("", null, null, "x@y"));
        ValidationException e = assertThrows(ValidationException.class, () -> service.save(c));
        Set<String> fields = e.getErrors().stream().map(FieldError::field).collect(Collectors.toSet());
        assertEquals(Set.of("name", "email", "phone", "birthday", "contact.1.name", "contact.1.email"), fields);
        assertTrue(e.getMessage().contains("Name is required."), e.getMessage());
        assertTrue(e.getMessage().contains("Contact e-mail (1) is not a valid e-mail address."), e.getMessage());
        assertEquals(0, service.count(""));
    }

    @Test
    void messagesAreTranslatedToChinese() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        ValidationException e = assertThrows(ValidationException.class, () -> service.save(customer("")));
        assertTrue(e.getMessage().contains("名称为必填项。"), e.getMessage());
    }

    @Test
    void anUpdateRecordsOldAndNewValues() {
        Customer saved = service.save(customer("Li Lei"));
        saved.setPhone("+86 21 6666 0202");
        saved.setCity("杭州");
        Customer updated = service.save(saved);
        assertEquals(saved.getVersion() + 1, updated.getVersion());
        List<AuditEntry> changes = audit.history("Customer", saved.getId()).stream()
                .filter(a -> a.getAction() == AuditEntry.Action.UPDATE).toList();
        assertEquals(2, changes.size(), changes.toString());
        AuditEntry phone = changes.stream().filter(a -> a.getField().equals("phone")).findFirst().orElseThrow();
        assertEquals("+86 21 5555 0101", phone.getOldValue());
        assertEquals("+86 21 6666 0202", phone.getNewValue());
    }

    @Test
    void aStaleEditIsReportedAndDoesNotOverwrite() {
        Customer saved = service.save(customer("Han Meimei"));
        Customer mine = service.get(saved.getId());
        Customer theirs = service.get(saved.getId());
        theirs.setCity("北京");
        service.save(theirs);
        mine.setCity("广州");
        assertThrows(ConflictException.class, () -> service.save(mine));
        assertEquals("北京", service.get(saved.getId()).getCity());
        // a contact-only change also moves the version on, so it conflicts with a stale copy too
        Customer current = service.get(saved.getId());
        Customer stale = service.get(saved.getId());
        current.addContact(new Contact("Zhao Lei", null, null, null));
        service.save(current);
        stale.setNotes("late edit");
        assertThrows(ConflictException.class, () -> service.save(stale));
    }

    @Test
    void contactsAndAddressesAreAddedChangedAndRemoved() {
        Customer c = customer("Beijing Yuanhang Logistics");
        c.addContact(new Contact("A", null, null, null));
        c.addContact(new Contact("B", null, null, null));
        Customer saved = service.save(c);
        Contact a = saved.getContacts().get(0);
        a.setPhone("+86 10 1234 5678");
        saved.getContacts().remove(1);
        saved.addContact(new Contact("C", "CEO", null, null));
        saved.addAddress(new Address(AddressKind.BILLING, "建国路 88 号", "北京", "北京市", "100022", "CN"));
        Customer again = service.save(saved);
        assertEquals(List.of("A", "C"), again.getContacts().stream().map(Contact::getName).toList());
        assertEquals("+86 10 1234 5678", again.getContacts().get(0).getPhone());
        assertEquals(a.getId(), again.getContacts().get(0).getId());
        assertEquals(1, again.getAddresses().size());
    }

    @Test
    void memberCardsAndCodesAreUnique() {
        Customer first = customer("First");
        first.setMemberCard("VIP0000000001");
        service.save(first);
        Customer second = customer("Second");
        second.setMemberCard("VIP0000000001");
        ValidationException e = assertThrows(ValidationException.class, () -> service.save(second));
        assertEquals("memberCard", e.getErrors().get(0).field());
        assertTrue(e.getMessage().contains("First"), e.getMessage());
    }

    @Test
    void deleteIsRefusedForCustomersWithOrdersAndAuditedOtherwise() {
        new DemoDataGenerator(db).generate(30, 7, n -> { });
        CustomerRow withOrders = service.find("", 0, 30).stream().filter(r -> hasOrders(r.id())).findFirst().orElseThrow();
        Customer c = service.get(withOrders.id());
        assertThrows(ValidationException.class, () -> service.delete(c.getId(), c.getVersion()));
        Customer plain = service.save(customer("Short-lived"));
        assertThrows(ConflictException.class, () -> service.delete(plain.getId(), plain.getVersion() - 1));
        service.delete(plain.getId(), plain.getVersion());
        assertEquals(0, service.count("short-lived"));
        assertTrue(audit.history("Customer", plain.getId()).stream().anyMatch(a -> a.getAction() == AuditEntry.Action.DELETE));
    }

    private boolean hasOrders(long customerId) {
        return db.read(em -> em.createQuery("SELECT COUNT(o) FROM SalesOrder o WHERE o.customer.id = :id", Long.class)
                .setParameter("id", customerId).getSingleResult()) > 0;
    }

    @Test
    void searchMatchesNamePhoneCardAndCodePrefixesAndPagesInTheQuery() {
        new DemoDataGenerator(db).generate(400, 42, n -> { });
        assertEquals(400, service.count(""));
        Set<Long> seen = new HashSet<>();
        String previous = "";
        for (int offset = 0; offset < 400; offset += 70) {
            for (CustomerRow r : service.find("", offset, 70)) {
                assertTrue(seen.add(r.id()), "row " + r.id() + " on two pages");
                String key = Customer.nameKeyOf(r.name());
                assertTrue(key.compareTo(previous) >= 0, "sorted by name");
                previous = key;
            }
        }
        assertEquals(400, seen.size());

        CustomerRow any = service.find("", 123, 1).get(0);
        String prefix = any.name().substring(0, Math.min(2, any.name().length()));
        List<CustomerRow> byName = service.find(prefix.toUpperCase(Locale.ROOT), 0, 500);
        assertFalse(byName.isEmpty());
        assertTrue(byName.stream().allMatch(r -> Customer.nameKeyOf(r.name()).startsWith(prefix.toLowerCase(Locale.ROOT))));
        assertEquals(byName.size(), service.count(prefix));

        assertEquals(any.id(), service.find(any.phone(), 0, 5).get(0).id());
        assertEquals(List.of(any.id()), service.find(any.code().toLowerCase(Locale.ROOT), 0, 5).stream().map(CustomerRow::id).toList());
        CustomerRow carded = service.find("", 0, 400).stream().filter(r -> r.memberCard() != null).findFirst().orElseThrow();
        assertTrue(service.find(carded.memberCard().toLowerCase(Locale.ROOT), 0, 5).stream().anyMatch(r -> r.id() == carded.id()));
        assertEquals(0, service.count("%"), "wildcards are matched literally");

        // Chinese names are found by their pinyin, Western names with or without the space
        long fang = service.save(customer("王芳")).getId();
        assertTrue(service.find("wangf", 0, 50).stream().anyMatch(r -> r.id() == fang));
        assertTrue(service.find("Wang Fang", 0, 50).stream().anyMatch(r -> r.id() == fang));
        assertTrue(service.find("王", 0, 500).stream().anyMatch(r -> r.id() == fang));
        long anna = service.save(customer("Anna Brown")).getId();
        assertTrue(service.find("annab", 0, 50).stream().anyMatch(r -> r.id() == anna));
    }

    @Test
    void aChangeAndItsAuditRowsCommitTogetherOrNotAtAll() {
        // an audit trail that fails after writing its rows: the customer must not be stored either
        AuditLog failing = new AuditLog() {
            @Override
            public void record(EntityManager em, String entity, long entityId, Map<String, ?> before, Map<String, ?> after) {
                audit.record(em, entity, entityId, before, after);
                em.flush();
                throw new IllegalStateException("audit store unavailable");
            }

            @Override
            public void record(java.sql.Connection c, String entity, long entityId, Map<String, ?> before,
                    Map<String, ?> after) {
                throw new IllegalStateException("audit store unavailable");
            }

            @Override
            public void event(java.sql.Connection c, String entity, long entityId, AuditEntry.Action action, String field,
                    String oldValue, String newValue) {
                throw new IllegalStateException("audit store unavailable");
            }

            @Override
            public List<AuditEntry> history(String entity, long entityId) {
                return audit.history(entity, entityId);
            }
        };
        CustomerServiceImpl withFailingAudit = new CustomerServiceImpl(db, security, failing, new OutboxRepository(db));
        assertThrows(IllegalStateException.class, () -> withFailingAudit.save(customer("Never stored")));
        assertEquals(0, service.count(""));
        long auditRows = db.read(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntry a", Long.class).getSingleResult());
        assertEquals(0, auditRows);
    }

    @Test
    void aReadOnlyUserCannotWrite() throws Exception {
        security.createUser("reader", "Reader", "secret-1".toCharArray(), "READONLY");
        // on a team database the reader's desktop connects with the reader's own login
        JpaDatabase desk = db;
        if (TestDatabases.onPostgreSql()) {
            desk = new JpaDatabase();
            desk.awaitSignIn(new DatabaseSettings(TestDatabases.settings(tmp.resolve("db")).url(), null, null));
        }
        try {
            SecurityServiceImpl reader = desk == db ? security : new SecurityServiceImpl(desk);
            assertFalse(reader.login("reader", "wrong".toCharArray()));
            assertTrue(reader.login("reader", "secret-1".toCharArray()));
            CustomerServiceImpl readerService = new CustomerServiceImpl(desk, reader, new AuditLogImpl(desk, reader),
                    new OutboxRepository(desk));
            assertEquals(0, readerService.count(""));
            assertThrows(PermissionDeniedException.class, () -> readerService.save(customer("Nope")));
            assertThrows(PermissionDeniedException.class, () -> reader.createUser("mallory", "M", "x".toCharArray(), "ADMIN"));
        } finally {
            if (desk != db) {
                desk.close();
            }
        }
    }

    @Test
    void furtherPhonesKeyDatesConsentAndDecisionMakersAreKeptAndAudited() {
        Customer c = customer("华夏建材");
        c.setKind(PartyKind.ORGANISATION);
        c.setType(CustomerType.PARTNER);
        c.setConsentEmail(true);
        Contact boss = new Contact("周总", "总经理 / General manager", "13700001111", null);
        boss.setInfluence(5);
        boss.setAttitude(Attitude.SUPPORTER);
        c.addContact(boss);
        c.addContactPoint(new ContactPoint(ContactPointKind.FAX, "010-8888 9999", "传真"));
        c.addKeyDate(new KeyDate(KeyDateKind.FOUNDING, null, LocalDate.of(2001, 5, 8), false));
        Customer saved = service.save(c);
        Customer read = service.get(saved.getId());
        assertEquals(CustomerType.PARTNER, read.getType());
        assertTrue(read.isConsentEmail());
        assertFalse(read.isConsentSms());
        assertEquals(5, read.getContacts().get(0).getInfluence());
        assertEquals(Attitude.SUPPORTER, read.getContacts().get(0).getAttitude());
        assertEquals("01088889999", read.getContactPoints().get(0).getLookupKey());
        assertEquals(LocalDate.of(2001, 5, 8), read.getKeyDates().get(0).getDay());

        read.getContactPoints().clear();
        read.getKeyDates().get(0).setLunar(true);
        read.setConsentSms(true);
        service.save(read);
        Customer again = service.get(saved.getId());
        assertTrue(again.getContactPoints().isEmpty());
        assertTrue(again.getKeyDates().get(0).isLunar());
        Set<String> fields = audit.history("Customer", saved.getId()).stream().map(AuditEntry::getField)
                .collect(Collectors.toSet());
        assertTrue(fields.contains("consentSms"), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("point[")), fields.toString());
    }

    @Test
    void aResidentIdNumberIsCheckedByItsCheckCharacter() {
        Customer ok = customer("张伟");
        ok.setIdNumber("11010519491231002X");
        service.save(ok);
        Customer bad = customer("张伟二");
        bad.setIdNumber("110105194912310021");
        ValidationException e = assertThrows(ValidationException.class, () -> service.save(bad));
        assertEquals("idNumber", e.getErrors().get(0).field());
        Customer badMail = customer("张伟三");
        badMail.addContactPoint(new ContactPoint(ContactPointKind.EMAIL, "not-an-address", null));
        assertEquals("point.1.value", assertThrows(ValidationException.class, () -> service.save(badMail)).getErrors().get(0).field());
    }
}
