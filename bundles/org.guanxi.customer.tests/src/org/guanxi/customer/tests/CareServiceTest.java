package org.guanxi.customer.tests;

import org.guanxi.core.db.SqlClock;
import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.guanxi.core.model.CareOccasion;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.KeyDate;
import org.guanxi.core.model.KeyDateKind;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.CareService.CareRule;
import org.guanxi.core.service.TaskService.TaskRow;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.care.CareServiceImpl;
import org.guanxi.customer.care.TaskServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Care plans turn dates into tasks due on the right day, once. */
class CareServiceTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private CareServiceImpl care;
    private TaskServiceImpl tasks;
    private Customer li;
    private Customer firm;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        care = new CareServiceImpl(fx.db, fx.security, fx.audit);
        tasks = new TaskServiceImpl(fx.db, fx.security, fx.audit);
        CustomerServiceImpl customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        Customer p = new Customer();
        p.setName("李娜");
        p.setBirthday(LocalDate.of(1988, 2, 29));
        // married on lunar 8/15 (Mid-Autumn 1990 was on 3 October 1990)
        p.addKeyDate(new KeyDate(KeyDateKind.WEDDING, null, LocalDate.of(1990, 10, 3), true));
        li = customers.save(p);
        Customer o = new Customer();
        o.setKind(PartyKind.ORGANISATION);
        o.setName("长城电子");
        firm = customers.save(o);
        try (Connection c = fx.db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, ORDER_DATE, STATUS, CURRENCY, TOTAL, "
                    + "DELIVERED_ON) VALUES (-1, 1, 'SO-C1', " + firm.getId() + ", '2026-03-01', 'DELIVERED', 'CNY', 10, '2026-03-05')");
            // the firm is VIP, Li is small in the latest analysis
            st.executeUpdate("INSERT INTO VALUE_RUN (AS_OF, STARTED_AT, FINISHED_AT, CUSTOMERS, USER_LOGIN) VALUES "
                    + "('2026-01-01', " + SqlClock.now() + ", " + SqlClock.now() + ", 2, 'test')");
            for (Object[] v : new Object[][] { { firm.getId(), "VIP" }, { li.getId(), "SMALL" } }) {
                st.executeUpdate("INSERT INTO CUSTOMER_VALUE (RUN_ID, CUSTOMER_ID, VALUE_12M, TIER, STAGE, R, F, M, RFM_SEGMENT, "
                        + "CLV_REALISED, CLV_PREDICTED, QUADRANT, STATUS) VALUES ((SELECT MAX(ID) FROM VALUE_RUN), " + v[0]
                        + ", 0, '" + v[1] + "', 'STABILITY', 1, 1, 1, 'LOST', 0, 0, 'RELEASE', 'EXISTING')");
            }
        }
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private List<TaskRow> open(Customer c) {
        return tasks.openTasks(c.getId());
    }

    @Test
    void aYearOfCareGivesEachTaskOnItsDay() {
        int created = care.planTasks(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), p -> { });
        Set<String> liTasks = open(li).stream().map(t -> t.due() + " " + t.origin()).collect(Collectors.toSet());
        // 29 February is greeted on 28 February in 2026; the rule is due one day ahead
        assertTrue(liTasks.contains("2026-02-27 care:BIRTHDAY"), liTasks.toString());
        // lunar wedding day 8/15 is Mid-Autumn: 25 September 2026, due a day ahead
        assertTrue(liTasks.stream().anyMatch(t -> t.startsWith("2026-09-24 care:KEY_DATE:")), liTasks.toString());
        assertEquals(2, liTasks.size(), "holiday care is for VIP and major customers only: " + liTasks);

        Set<String> firmTasks = open(firm).stream().map(t -> t.due() + " " + t.origin()).collect(Collectors.toSet());
        assertEquals(Set.of("2026-02-07 care:SPRING_FESTIVAL", "2026-09-15 care:MID_AUTUMN", "2026-03-12 care:FOLLOW_UP:SO-C1"),
                firmTasks);
        assertEquals(5, created);
        // an overlapping period adds only what is new in it: Spring Festival 2027 (6 February), due on 27 January
        assertEquals(1, care.planTasks(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 1, 31), p -> { }));
        assertEquals(4, open(firm).size());
    }

    @Test
    void titlesSayWhatToDoInTheUsersLanguage() {
        care.planTasks(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), p -> { });
        TaskRow wedding = open(li).get(0);
        assertEquals("Wedding anniversary of 李娜 (36 years, lunar calendar): send greetings", wedding.title());
        java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
        assertTrue(open(firm).get(0).title().startsWith("中秋节 2026-09-25"), open(firm).get(0).title());
    }

    @Test
    void rulesCanBeChangedAndDisabled() {
        List<CareRule> rules = care.rules();
        assertEquals(EnumSet.allOf(CareOccasion.class), rules.stream().map(CareRule::occasion)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CareOccasion.class))));
        care.saveRules(rules.stream().map(r -> r.occasion() == CareOccasion.SPRING_FESTIVAL
                ? new CareRule(r.occasion(), true, 3, EnumSet.allOf(Tier.class), 0)
                : new CareRule(r.occasion(), false, r.leadDays(), r.tiers(), r.daysAfter())).toList());
        care.planTasks(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), p -> { });
        assertEquals(List.of(LocalDate.of(2026, 2, 14)), open(li).stream().map(TaskRow::due).toList());
        tasks.complete(open(li).get(0).id());
        assertTrue(open(li).isEmpty());
        assertEquals(1, open(firm).size());
    }
}
