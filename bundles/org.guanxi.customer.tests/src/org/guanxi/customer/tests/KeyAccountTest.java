package org.guanxi.customer.tests;

import org.guanxi.core.AppClock;
import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.KeyAccountService.Account;
import org.guanxi.core.service.KeyAccountService.Plan;
import org.guanxi.core.service.KeyAccountService.TeamRole;
import org.guanxi.core.service.TaskService.TaskRow;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.account.KeyAccountServiceImpl;
import org.guanxi.customer.care.TaskServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key-account plan, team and reviews; a review schedules the next one as a task. */
class KeyAccountTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private KeyAccountServiceImpl service;
    private long customerId;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        new DemoDataGenerator(fx.db).generate(30, 4, n -> { });
        service = new KeyAccountServiceImpl(fx.db, fx.security, fx.audit);
        CustomerServiceImpl customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        customerId = customers.find("", 0, 30).stream().filter(r -> revenue(r.id(), AppClock.today().getYear()).signum() > 0)
                .findFirst().orElse(customers.find("", 0, 1).get(0)).id();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void aPlanIsProposedSavedAndGuardedAgainstLostUpdates() {
        Account fresh = service.account(customerId);
        assertFalse(fresh.planned());
        assertEquals(AppClock.today().getYear(), fresh.plan().year());
        assertEquals(revenue(customerId, fresh.plan().year()), fresh.revenueInPlanYear(), "net revenue of the plan year");

        Plan p = fresh.plan();
        Plan saved = service.savePlan(new Plan(customerId, p.year(), "Grow share of wallet to 40 %", "Quarterly business reviews",
                new BigDecimal("1200000.00"), 60, null, 0));
        assertEquals(AppClock.today().plusDays(60), saved.nextReview());
        Account stored = service.account(customerId);
        assertTrue(stored.planned());
        assertEquals("Grow share of wallet to 40 %", stored.plan().objectives());
        assertEquals(0, new BigDecimal("1200000").compareTo(stored.plan().targetRevenue()));
        // someone else's save in between: the older copy is refused
        service.savePlan(stored.plan());
        assertThrows(ConflictException.class, () -> service.savePlan(stored.plan()));
        ValidationException bad = assertThrows(ValidationException.class, () -> service.savePlan(new Plan(customerId, p.year(), null,
                null, new BigDecimal("-1"), 3, null, service.account(customerId).plan().version())));
        assertEquals(2, bad.getErrors().size(), bad.getMessage());
    }

    @Test
    void theTeamHoldsEachPersonOncePerRole() {
        service.addMember(customerId, "li.qiang", TeamRole.ACCOUNT_MANAGER);
        service.addMember(customerId, "li.qiang", TeamRole.SALES);
        service.addMember(customerId, "zhao.min", TeamRole.SERVICE);
        assertThrows(ValidationException.class, () -> service.addMember(customerId, "li.qiang", TeamRole.SALES));
        List<String> team = service.account(customerId).team().stream().map(m -> m.role() + ":" + m.user()).toList();
        assertEquals(List.of("ACCOUNT_MANAGER:li.qiang", "SALES:li.qiang", "SERVICE:zhao.min"), team);
        service.removeMember(service.account(customerId).team().get(1).id());
        assertEquals(2, service.account(customerId).team().size());
        assertTrue(service.knownUsers().contains(fx.security.currentUser()), "the signed-in user is a known user");
    }

    @Test
    void aReviewSchedulesTheNextOneAsATask() {
        Plan p = service.account(customerId).plan();
        service.savePlan(new Plan(customerId, p.year(), "Keep", null, null, 30, AppClock.today().minusDays(1), 0));
        assertEquals(List.of(customerId), service.reviewsDue(AppClock.today()).stream().map(d -> d.customerId()).toList());
        TaskServiceImpl tasks = new TaskServiceImpl(fx.db, fx.security, fx.audit);
        assertEquals(1, openReviewTasks(tasks).size(), "the plan's review is a task");

        LocalDate held = AppClock.today();
        service.recordReview(customerId, held, "Volumes stable; new buyer in purchasing", "Meet the new buyer");
        Account a = service.account(customerId);
        assertEquals(held.plusDays(30), a.plan().nextReview());
        assertEquals("Meet the new buyer", a.reviews().get(0).nextSteps());
        assertTrue(service.reviewsDue(AppClock.today()).isEmpty());
        List<TaskRow> open = openReviewTasks(tasks);
        assertEquals(1, open.size());
        assertEquals(held.plusDays(30), open.get(0).due());
        assertTrue(open.get(0).title().startsWith("Key-account review of"), open.get(0).title());

        assertThrows(ValidationException.class, () -> service.recordReview(customerId, held, " ", null));
        assertThrows(ValidationException.class, () -> service.recordReview(customerId, held.plusDays(2), "later", null));
    }

    private List<TaskRow> openReviewTasks(TaskServiceImpl tasks) {
        return tasks.openTasks(customerId).stream().filter(t -> t.title().startsWith("Key-account review")).toList();
    }

    private BigDecimal revenue(long id, int year) {
        return fx.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(TOTAL), 0) FROM SALES_ORDER WHERE CUSTOMER_ID = ? "
                    + "AND STATUS <> 'CANCELLED' AND ORDER_DATE BETWEEN ? AND ?")) {
                ps.setLong(1, id);
                ps.setDate(2, java.sql.Date.valueOf(java.time.LocalDate.of(year, 1, 1)));
                ps.setDate(3, java.sql.Date.valueOf(java.time.LocalDate.of(year, 12, 31)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            }
        });
    }
}
