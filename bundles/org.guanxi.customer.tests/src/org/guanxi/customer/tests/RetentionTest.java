package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.PrivacyService.Due;
import org.guanxi.core.service.PrivacyService.Erasure;
import org.guanxi.core.service.PrivacyService.Kind;
import org.guanxi.core.service.PrivacyService.RetentionRules;
import org.guanxi.customer.privacy.RetentionTimer;
import org.guanxi.customer.privacy.PrivacyServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PIPL Art. 19: a person's details are kept no longer than needed. Customers without activity for the period and
 * with nothing open are listed, and erased on request; any recent trace or open business keeps a customer.
 */
class RetentionTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private PrivacyServiceImpl privacy;
    private final LocalDate today = AppClock.today();
    private final LocalDate old = today.minusYears(4);

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        // the demo's customers were written today: none of them is due
        new DemoDataGenerator(fx.db).generate(60, 5, n -> { });
        privacy = fx.privacy(tmp.resolve("data"));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void onlyThoseWithoutActivityForThePeriodAndNothingOpenAreDueAndErased() {
        long gone = customer("R0000001", "保留期甲", old);
        order(gone, "SO-R1", old, "DELIVERED");
        invoice(gone, "INV-R1", old, "PAID");
        long called = customer("R0000002", "保留期乙", old);
        order(called, "SO-R2", old, "DELIVERED");
        interaction(called, today.minusMonths(2));
        long owing = customer("R0000003", "保留期丙", old);
        invoice(owing, "INV-R3", old, "OPEN");
        long ordered = customer("R0000004", "保留期丁", old);
        order(ordered, "SO-R4", old, "CONFIRMED");
        customer("R0000005", "保留期戊", today.minusMonths(36));

        assertEquals(List.of("R0000001"), codes(privacy.due(36)), "36 months to the day is not yet past");
        List<Due> due = privacy.due(35);
        assertEquals(List.of("R0000001", "R0000005"), codes(due), "the longest inactive first");
        assertEquals(old, due.get(0).lastActivity());
        assertEquals("保留期甲", due.get(0).name());

        String orders = totals();
        Erasure e = privacy.applyRetention(36);
        assertEquals(1, e.persons());
        assertTrue(e.rows() > 0, e.toString());
        assertEquals(orders, totals(), "orders and invoices stay as they were");
        assertEquals("[erased]", text("SELECT NAME FROM CUSTOMER WHERE CODE = 'R0000001'"));
        for (String kept : List.of("R0000002", "R0000003", "R0000004", "R0000005")) {
            assertTrue(text("SELECT NAME FROM CUSTOMER WHERE CODE = '" + kept + "'").startsWith("保留期"), kept);
        }
        assertEquals(List.of(), codes(privacy.due(36)), "an erased customer is not due again");
        assertTrue(fx.audit.history("Customer", gone).stream().anyMatch(a -> "erasure".equals(a.getField())
                && a.getNewValue().contains("Retention period of 36 months")), "the reason is recorded");
    }

    @Test
    void onlyAPrivacyAdministratorSeesWhoIsDue() {
        assertThrows(IllegalArgumentException.class, () -> privacy.due(0));
        fx.security.createUser("rep", "Rep", "secret-12".toCharArray(), "SALES_MANAGER");
        assertTrue(fx.security.login("rep", "secret-12".toCharArray()));
        assertThrows(PermissionDeniedException.class, () -> privacy.due(36));
        assertThrows(PermissionDeniedException.class, () -> privacy.applyRetention(36));
    }

    @Test
    void leadsNeverConvertedAndOldCallsLoseWhatNamesOrReachesThePerson() {
        long stale = lead("L-R1", "老线索人", "13811112222", "NEW", old);
        long won = lead("L-R2", "已转化人", "13811113333", "CONVERTED", old);
        long fresh = lead("L-R3", "新线索人", "13811114444", "QUALIFIED", today.minusMonths(3));
        long planned = lead("L-R4", "约了拜访", "13811116666", "QUALIFIED", old);
        Timestamp visit = Timestamp.valueOf(today.plusDays(7).atTime(10, 0));
        update("INSERT INTO ACTIVITY (ID, VERSION, KIND, SUBJECT, STARTS_AT, OWNER_LOGIN, STATUS, CREATED_AT, UPDATED_AT, LEAD_ID) "
                + "VALUES (?, 1, 'VISIT', '拜访', ?, 'rep', 'PLANNED', ?, ?, ?)", nextId(), visit, visit, visit, planned);
        // someone types the marker as a lead's name: its trail is not the retention's to touch
        long typed = lead("L-R5", "[erased]", "13811117777", "NEW", old);
        long oldCall = call("13822223333", "客户说下月再联系", old);
        long newCall = call("13822224444", "刚刚来电", today.minusDays(3));

        assertEquals(1, privacy.expired(Kind.LEADS, 24), "converted and recent leads are kept");
        assertEquals(1, privacy.expired(Kind.CALLS, 36));
        assertEquals("老线索人", text("SELECT PERSON_NAME FROM SALES_LEAD WHERE ID = " + stale), "counting changes nothing");

        assertEquals(1, privacy.expire(Kind.LEADS, 24));
        assertEquals(1, privacy.expire(Kind.CALLS, 36));
        assertEquals("[erased]|null|null|华远科技", text("SELECT PERSON_NAME || '|' || COALESCE(PHONE, 'null') || '|' "
                + "|| COALESCE(EMAIL, 'null') || '|' || COMPANY FROM SALES_LEAD WHERE ID = " + stale));
        assertEquals("NEW", text("SELECT STATUS FROM SALES_LEAD WHERE ID = " + stale), "the statistics keep the lead");
        assertEquals("已转化人", text("SELECT PERSON_NAME FROM SALES_LEAD WHERE ID = " + won));
        assertEquals("新线索人", text("SELECT PERSON_NAME FROM SALES_LEAD WHERE ID = " + fresh));
        assertEquals("约了拜访", text("SELECT PERSON_NAME FROM SALES_LEAD WHERE ID = " + planned), "a visit is planned");
        assertTrue(fx.audit.history("Lead", typed).stream().anyMatch(a -> "13811117777".equals(a.getNewValue())),
                "a record this run did not anonymise keeps its trail");
        assertEquals("[erased]|null|COMPLETED", text("SELECT PHONE || '|' || COALESCE(NOTE, 'null') || '|' || DISPOSITION "
                + "FROM CALL_LOG WHERE ID = " + oldCall));
        assertEquals("13822224444", text("SELECT PHONE FROM CALL_LOG WHERE ID = " + newCall));
        for (String gone : List.of("老线索人", "13811112222", "13822223333", "客户说下月再联系")) {
            assertEquals("0", text("SELECT COUNT(*) FROM AUDIT_LOG WHERE OLD_VALUE LIKE '%" + gone + "%' OR NEW_VALUE LIKE '%"
                    + gone + "%'"), gone + " in the audit trail");
            if (fx.db.jdbc(c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()))) {
                assertEquals("0", text("SELECT COUNT(*) FROM DATA_CHANGE WHERE OLD_VALUE LIKE '%" + gone + "%' OR NEW_VALUE LIKE '%"
                        + gone + "%'"), gone + " in the database's own trail");
            }
        }
        assertTrue(fx.audit.history("Lead", won).stream().anyMatch(a -> "已转化人".equals(a.getNewValue())), "kept leads keep their trail");
        assertEquals(0, privacy.expired(Kind.LEADS, 24), "done once");
        assertEquals(0, privacy.expire(Kind.CALLS, 36));
        assertTrue(fx.audit.history("Retention", 0).stream().anyMatch(a -> "records".equals(a.getField())), "the rule's run is recorded");
    }

    @Test
    void theDailyRulesRunOnceADayAndOnlyWhenSet() {
        RetentionTimer timer = new RetentionTimer(privacy, fx.db);
        long gone = customer("R0000009", "保留期己", old);
        long stale = lead("L-R9", "旧线索乙", "13811115555", "DISQUALIFIED", old);
        assertEquals(null, timer.runIfDue(), "no rule set: nothing runs");

        privacy.saveRetentionRules(new RetentionRules(36, 24, null));
        assertEquals(new RetentionRules(36, 24, null), privacy.retentionRules());
        assertEquals(List.of("1 customers erased after 36 months without activity", "1 leads anonymised after 24 months"),
                timer.runIfDue());
        assertEquals("[erased]", text("SELECT NAME FROM CUSTOMER WHERE ID = " + gone));
        assertEquals("[erased]", text("SELECT PERSON_NAME FROM SALES_LEAD WHERE ID = " + stale));
        assertEquals(null, timer.runIfDue(), "once a day");
        assertTrue(fx.audit.history("RetentionRules", 0).stream().anyMatch(a -> "leads".equals(a.getField()) && "24".equals(a.getNewValue())),
                "who set the rules is recorded");
        assertThrows(IllegalArgumentException.class, () -> privacy.saveRetentionRules(new RetentionRules(0, null, null)));
    }

    private long lead(String code, String person, String phone, String status, LocalDate since) {
        long id = nextId();
        Timestamp at = Timestamp.valueOf(since.atTime(9, 0));
        update("INSERT INTO SALES_LEAD (ID, VERSION, CODE, PERSON_NAME, COMPANY, NAME_KEY, PINYIN_KEY, PHONE, PHONE_KEY, EMAIL, "
                + "SOURCE, STATUS, OWNER_LOGIN, NOTES, CREATED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, '华远科技', ?, '', ?, ?, ?, 'WEB', ?, "
                + "'rep', ?, ?, ?)", id, code, person, person + "华远科技", phone, phone, code.toLowerCase() + "@example.cn", status,
                person + "想要报价", at, at);
        fx.db.jdbcTransaction(c -> {
            fx.audit.record(c, "Lead", id, Map.of(), Map.of("personName", person, "phone", phone, "company", "华远科技"));
            return null;
        });
        return id;
    }

    private long call(String phone, String note, LocalDate on) {
        Timestamp at = Timestamp.valueOf(on.atTime(11, 0));
        update("INSERT INTO CALL_LOG (DIRECTION, PHONE, AGENT, STARTED_AT, ENDED_AT, DISPOSITION, NOTE) VALUES ('IN', ?, 'agent', ?, ?, "
                + "'COMPLETED', ?)", phone, at, at, note);
        long id = Long.parseLong(text("SELECT MAX(ID) FROM CALL_LOG"));
        fx.db.jdbcTransaction(c -> {
            fx.audit.record(c, "Call", id, Map.of(), Map.of("phone", phone, "note", note));
            return null;
        });
        return id;
    }

    private static List<String> codes(List<Due> due) {
        return due.stream().map(Due::code).toList();
    }

    private long customer(String code, String name, LocalDate since) {
        long id = nextId();
        Timestamp at = Timestamp.valueOf(since.atTime(10, 0));
        update("INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, NAME_KEY, PINYIN_KEY, PHONE, CREATED_AT, UPDATED_AT) "
                + "VALUES (?, 1, ?, 'PERSON', ?, ?, '', ?, ?, ?)", id, code, name, name, "1390000" + code.substring(4), at, at);
        return id;
    }

    private void order(long customer, String no, LocalDate on, String status) {
        update("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, ORDER_DATE, STATUS, CURRENCY, TOTAL) "
                + "VALUES (?, 1, ?, ?, ?, ?, 'CNY', 880.00)", nextId(), no, customer, Date.valueOf(on), status);
    }

    private void invoice(long customer, String no, LocalDate on, String status) {
        update("INSERT INTO INVOICE (ID, VERSION, INVOICE_NO, CUSTOMER_ID, ISSUE_DATE, AMOUNT, PAID_AMOUNT, STATUS) "
                + "VALUES (?, 1, ?, ?, ?, 880.00, 0, ?)", nextId(), no, customer, Date.valueOf(on), status);
    }

    private void interaction(long customer, LocalDate on) {
        update("INSERT INTO INTERACTION (ID, VERSION, CUSTOMER_ID, CHANNEL, OCCURRED_AT, SUBJECT) VALUES (?, 1, ?, 'PHONE', ?, ?)",
                nextId(), customer, Timestamp.valueOf(on.atTime(15, 30)), "回访");
    }

    private long nextId() {
        return fx.db.jdbc(c -> new IdBlock(c).next());
    }

    private void update(String sql, Object... args) {
        fx.db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private String totals() {
        return text("SELECT COUNT(*) FROM SALES_ORDER") + " orders, " + text("SELECT SUM(TOTAL) FROM SALES_ORDER") + " / "
                + text("SELECT SUM(AMOUNT) FROM INVOICE");
    }

    private String text(String sql) {
        return fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }
}
