package org.guanxi.customer.tests;

import org.guanxi.core.AppClock;
import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.guanxi.core.model.Address;
import org.guanxi.core.model.AddressKind;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.ContactPoint;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.CustomerMergeService.Merge;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.DataQualityService.Candidate;
import org.guanxi.core.service.DataQualityService.Completeness;
import org.guanxi.core.service.DataQualityService.Overview;
import org.guanxi.core.service.DeliveredValueService.Scope;
import org.guanxi.core.service.DeliveredValueService.Sheet;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.DeliveredValueServiceImpl;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.customer.quality.CustomerMergeServiceImpl;
import org.guanxi.customer.quality.DataQualityServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completeness, duplicate detection (keys and fuzzy names) and merge with undo, on a real embedded database. */
class DataQualityTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private CustomerServiceImpl customers;
    private DataQualityServiceImpl quality;
    private CustomerMergeServiceImpl merges;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        new DemoDataGenerator(fx.db).generate(40, 11, n -> { });
        customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        quality = new DataQualityServiceImpl(fx.db, fx.security, fx.audit);
        merges = new CustomerMergeServiceImpl(fx.db, fx.security, fx.audit);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Customer person(String name, String phone, String city, LocalDate birthday) {
        Customer c = new Customer();
        c.setName(name);
        c.setPhone(phone);
        c.setCity(city);
        c.setBirthday(birthday);
        return customers.save(c);
    }

    @Test
    void completenessWeighsWhatABackOfficeNeeds() {
        Customer p = new Customer();
        p.setName("刘洋");
        p.setPhone("138 0000 0001");
        Completeness bare = quality.completeness(p);
        assertEquals(40, bare.score());
        assertEquals(List.of("E-mail", "Address", "City", "Birthday", "ID number", "Member card", "Owner", "Source"), bare.missing());

        Customer org = new Customer();
        org.setKind(PartyKind.ORGANISATION);
        org.setName("华东物流有限公司");
        org.setPhone("021 5555 0000");
        org.setTaxId("91310000MA1FL0000X");
        org.addContact(new Contact("周强", "采购", null, null));
        org.addAddress(new Address(AddressKind.BILLING, "浦东大道 1 号", "上海", "上海", "200120", "CN"));
        Completeness company = quality.completeness(org);
        assertEquals(20 + 15 + 15 + 10 + 10, company.score());
        assertEquals(List.of("E-mail", "City", "Owner", "Source"), company.missing());
    }

    @Test
    void theOverviewAddsUpTheScoresOfEveryCustomer() {
        Overview o = quality.overview(n -> { });
        List<CustomerRow> all = customers.find("", 0, 1000);
        assertEquals(all.size(), o.customers());
        assertEquals(o.customers(), o.bands().stream().mapToInt(Integer::intValue).sum());
        double expected = all.stream().mapToInt(r -> quality.completeness(customers.get(r.id())).score()).average().orElse(0);
        assertEquals(expected, o.averageScore(), 1e-9);
        o.missing().values().forEach(n -> assertTrue(n > 0 && n <= o.customers()));
    }

    @Test
    void duplicatesAreFoundByKeysAndByNamesBackedByOtherFacts() {
        Customer a = person("欧阳明月", "+86 138 0013 8000", "上海", null);
        Customer b = person("欧阳明", "138-0013-8000", "北京", null);
        Customer c = person("司马丽娜", "139 0000 1111", "杭州", LocalDate.of(1990, 5, 1));
        Customer d = person("司马丽纳", "150 2222 3333", "杭州", LocalDate.of(1990, 5, 1));
        Customer e = person("Annabelle Brownlow", "+86 186 1234 4321", "Suzhou", null);
        Customer f = person("Anabelle Brownlow", "+86 135 9999 4321", "Suzhou", null);
        Customer g = person("诸葛伟", "131 0000 0001", "北京", null);
        Customer h = person("诸葛伟", "132 0000 0002", "广州", null);

        List<Candidate> found = quality.duplicates(500, n -> { });
        Candidate phone = pair(found, a, b).orElseThrow(() -> new AssertionError("same phone written differently: " + found));
        assertTrue(phone.score() >= 90);
        assertTrue(phone.reasons().stream().anyMatch(r -> r.startsWith("Same phone")), phone.reasons().toString());

        Candidate sound = pair(found, c, d).orElseThrow(() -> new AssertionError("same pinyin, city and birthday: " + found));
        assertEquals(95, sound.score());
        assertTrue(sound.reasons().contains("司马丽纳 and 司马丽娜 sound alike (simalina)") || sound.reasons().contains(
                "司马丽娜 and 司马丽纳 sound alike (simalina)"), sound.reasons().toString());
        assertTrue(sound.reasons().contains("Same birthday 1990-05-01"), sound.reasons().toString());

        Candidate spelt = pair(found, e, f).orElseThrow(() -> new AssertionError("spelt alike, same city and phone ending: " + found));
        assertEquals(40 + 15 + 25, spelt.score());

        assertTrue(pair(found, g, h).isEmpty(), "the same name in two cities and nothing else is not a duplicate");
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).score() >= found.get(i).score(), "best first");
        }

        quality.dismiss(d.getId(), c.getId());
        quality.dismiss(c.getId(), d.getId());
        assertTrue(pair(quality.duplicates(500, n -> { }), c, d).isEmpty(), "a dismissed pair is not proposed again");
    }

    private static Optional<Candidate> pair(List<Candidate> found, Customer x, Customer y) {
        return found.stream().filter(c -> Set.of(c.first().id(), c.second().id()).equals(Set.of(x.getId(), y.getId()))).findFirst();
    }

    @Test
    void aMergeRepointsEveryReferenceAndCanBeUndoneUntilConfirmed() throws Exception {
        List<CustomerRow> withOrders = customers.find("", 0, 100).stream().filter(r -> count("SALES_ORDER", r.id()) > 0).toList();
        Customer survivor = customers.get(withOrders.get(0).id());
        Customer merged = customers.get(withOrders.get(1).id());
        new InteractionServiceImpl(fx.db, fx.security, fx.audit).log(merged.getId(), Channel.PHONE, "Asked for the catalogue", null);
        // both have the care task of the same day: the survivor's stays, the duplicate's is put aside
        task(survivor.getId(), "birthday", 1);
        long duplicateTask = task(merged.getId(), "birthday", 2);
        long otherTask = task(merged.getId(), "follow-up", 3);
        // the duplicate's delivered-value worksheet names it by id, without a foreign key
        DeliveredValueServiceImpl sheets = new DeliveredValueServiceImpl(fx.db, fx.security, fx.audit);
        Sheet blank = sheets.sheet(Scope.CUSTOMER, Long.toString(merged.getId()));
        sheets.save(new Sheet(Scope.CUSTOMER, blank.key(), "Rival Co.", null, blank.lines(), 0));
        String[] tables = { "SALES_ORDER", "INTERACTION", "CONTACT", "ADDRESS", "TASK", "CONTACT_POINT", "KEY_DATE", "INVOICE" };
        long[] before = new long[tables.length];
        long[] mergedBefore = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            before[i] = count(tables[i], survivor.getId());
            mergedBefore[i] = count(tables[i], merged.getId());
        }
        int total = customers.count("");
        // the same person said yes to e-mail on one record and no on the other: no stands
        fx.db.jdbcTransaction(c -> c.createStatement().executeUpdate("UPDATE CUSTOMER SET CONSENT_EMAIL = CASE WHEN ID = "
                + survivor.getId() + " THEN TRUE ELSE FALSE END WHERE ID IN (" + survivor.getId() + ", " + merged.getId() + ")"));

        Merge m = merges.merge(survivor.getId(), survivor.getVersion(), merged.getId(), merged.getVersion(), Set.of("phone", "birthday"));
        assertEquals(total - 1, customers.count(""));
        assertThrows(NotFoundException.class, () -> customers.get(merged.getId()));
        Customer after = customers.get(survivor.getId());
        assertEquals(merged.getPhone(), after.getPhone());
        assertEquals(merged.getBirthday(), after.getBirthday());
        assertEquals(survivor.getName(), after.getName());
        assertTrue(after.getContactPoints().stream().map(ContactPoint::getValue).anyMatch(survivor.getPhone()::equals),
                "the survivor's old phone is kept as a further phone");
        // the phone the survivor gave up and the duplicate's e-mail stay as further contact points
        int kept = (survivor.getPhone() != null ? 1 : 0)
                + (merged.getEmail() != null && !merged.getEmail().equalsIgnoreCase(String.valueOf(survivor.getEmail())) ? 1 : 0);
        for (int i = 0; i < tables.length; i++) {
            long expected = before[i] + mergedBefore[i] + (tables[i].equals("CONTACT_POINT") ? kept : 0) - (tables[i].equals("TASK") ? 1 : 0);
            assertEquals(expected, count(tables[i], survivor.getId()), tables[i]);
            assertEquals(0, count(tables[i], merged.getId()), tables[i]);
        }
        assertEquals(mergedBefore[0], (long) m.moved().get("SALES_ORDER"));
        assertEquals("Rival Co.", sheets.sheet(Scope.CUSTOMER, Long.toString(survivor.getId())).competitor(), "the worksheet follows");
        assertEquals(java.util.Map.of("TASK", 1), m.setAside(), "the duplicate care task is set aside, not lost");
        assertEquals(List.of(m.id()), merges.pending().stream().map(Merge::id).toList());
        assertTrue(fx.audit.history("Customer", survivor.getId()).stream().anyMatch(a -> a.getAction() == AuditEntry.Action.MERGE));
        assertFalse(customers.get(survivor.getId()).isConsentEmail(), "the stricter answer stands");
        org.guanxi.core.model.ConsentEvent line = customers.consentHistory(survivor.getId()).get(0);
        assertEquals(List.of(org.guanxi.core.model.Consent.EMAIL, false, org.guanxi.core.model.ConsentSource.MERGE,
                "merge of " + merged.getCode()), List.of(line.consent(), line.granted(), line.source(), line.note()));

        merges.undo(m.id());
        Customer back = customers.get(merged.getId());
        assertEquals(merged.getCode(), back.getCode());
        assertEquals(merged.getName(), back.getName());
        assertEquals(survivor.getPhone(), customers.get(survivor.getId()).getPhone());
        assertEquals(survivor.getBirthday(), customers.get(survivor.getId()).getBirthday());
        for (int i = 0; i < tables.length; i++) {
            assertEquals(before[i], count(tables[i], survivor.getId()), "survivor " + tables[i]);
            assertEquals(mergedBefore[i], count(tables[i], merged.getId()), "duplicate " + tables[i]);
        }
        assertEquals(1, count("TASK WHERE ID = " + duplicateTask + " AND", merged.getId()), "the set-aside task is back");
        assertEquals("Rival Co.", sheets.sheet(Scope.CUSTOMER, Long.toString(merged.getId())).competitor(), "and the worksheet");
        assertEquals(0, sheets.sheet(Scope.CUSTOMER, Long.toString(survivor.getId())).version());
        assertEquals(1, count("TASK WHERE ID = " + otherTask + " AND", merged.getId()));
        assertEquals(total, customers.count(""));
        assertTrue(merges.pending().isEmpty());
        assertThrows(ConflictException.class, () -> merges.undo(m.id()), "an undone merge cannot be undone twice");

        // once confirmed, a merge stays
        Customer s2 = customers.get(survivor.getId());
        Customer m2 = customers.get(merged.getId());
        Merge again = merges.merge(s2.getId(), s2.getVersion(), m2.getId(), m2.getVersion(), Set.of());
        merges.confirm(again.id());
        assertThrows(ConflictException.class, () -> merges.undo(again.id()));
        assertThrows(NotFoundException.class, () -> customers.get(merged.getId()));
    }

    @Test
    void anEditAfterTheMergeOrAStaleVersionIsAConflict() {
        Customer x = person("慕容复", "137 0000 0001", "苏州", null);
        Customer y = person("慕容复", "137 0000 0002", "苏州", null);
        assertThrows(ConflictException.class, () -> merges.merge(x.getId(), x.getVersion() - 1, y.getId(), y.getVersion(), Set.of()));
        Merge m = merges.merge(x.getId(), x.getVersion(), y.getId(), y.getVersion(), Set.of());
        assertTrue(customers.nextCode().compareTo(y.getCode()) > 0, "the newest code, merged away, is not given out again");
        Customer edited = customers.get(x.getId());
        edited.setCity("杭州");
        customers.save(edited);
        assertThrows(ConflictException.class, () -> merges.undo(m.id()), "undo would overwrite the later edit");
        assertEquals(1, merges.pending().size(), "the merge stays pending and can still be confirmed");
    }

    private long task(long customerId, String origin, int n) throws Exception {
        long id = 9_000_000_000L + customerId * 10 + n;
        try (Connection c = fx.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO TASK (ID, VERSION, "
                + "CUSTOMER_ID, ORIGIN, TITLE, DUE_DATE, STATUS, CREATED_AT) VALUES (?, 1, ?, ?, 'Call', ?, 'OPEN', ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, customerId);
            ps.setString(3, origin);
            ps.setDate(4, java.sql.Date.valueOf(LocalDate.of(2027, 2, 6)));
            ps.setTimestamp(5, Timestamp.from(AppClock.now()));
            ps.executeUpdate();
        }
        return id;
    }

    /** Rows of {@code table} that belong to the customer ({@code table} may end in "WHERE … AND"). */
    private long count(String table, long customerId) {
        String sql = "SELECT COUNT(*) FROM " + table + (table.endsWith("AND") ? " " : " WHERE ") + "CUSTOMER_ID = ?";
        return fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
