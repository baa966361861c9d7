package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Compensation;
import org.guanxi.core.model.ComplaintCategory;
import org.guanxi.core.model.ComplaintSeverity;
import org.guanxi.core.model.Department;
import org.guanxi.core.model.PointsKind;
import org.guanxi.core.model.RootCause;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.service.api.ComplaintService.NewComplaint;
import org.guanxi.service.api.ComplaintService.Resolution;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.LoyaltyService.Account;
import org.guanxi.core.service.LoyaltyService.Entry;
import org.guanxi.core.service.LoyaltyService.Grant;
import org.guanxi.core.service.LoyaltyService.Request;
import org.guanxi.core.service.LoyaltyService.RequestStatus;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.LoyaltyService.Measures;
import org.guanxi.core.service.LoyaltyService.Statement;
import org.guanxi.core.service.ValidationException;
import org.guanxi.service.LoyaltyServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The points programme: earning by the rules and member tiers, redemption, expiry, statements, a ledger that balances. */
class LoyaltyTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private LoyaltyServiceImpl loyalty;
    private long anna;
    private long bo;
    private long fridge;
    private java.time.Clock clock;

    @BeforeEach
    void open() throws Exception {
        // the orders are of 2026, and a member's tier counts the points of the last 12 months: it is 6 December 2026
        clock = AppClock.set(java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T02:00:00Z"), AppClock.zone()));
        f = new ServiceFixture(dir);
        loyalty = new LoyaltyServiceImpl(f.db, f.security, f.audit);
        anna = f.customer("C-1", "安娜");
        bo = f.customer("C-2", "薄波");
        fridge = f.product("FR-1", "冰箱");
    }

    @AfterEach
    void close() {
        AppClock.set(clock);
        f.close();
    }

    private static long next(java.sql.Connection c) throws java.sql.SQLException {
        return ServiceFixture.nextId(c);
    }

    private long order(long customer, String day, String total, String status, int quantity) {
        return f.order(customer, day, total, status, fridge, quantity);
    }

    private void rule(String kind, String perYuan, Integer bonus, String multiplier, String from, String to) {
        f.db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO POINTS_RULE (ID, VERSION, KIND, NAME, PRODUCT_ID, "
                    + "POINTS_PER_YUAN, BONUS_POINTS, MULTIPLIER, VALID_FROM, VALID_TO, ACTIVE) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)")) {
                ps.setLong(1, next(c));
                ps.setString(2, kind);
                ps.setString(3, kind);
                ps.setObject(4, "PRODUCT".equals(kind) ? fridge : null);
                ps.setBigDecimal(5, perYuan == null ? null : new BigDecimal(perYuan));
                ps.setObject(6, bonus);
                ps.setBigDecimal(7, multiplier == null ? null : new BigDecimal(multiplier));
                ps.setDate(8, from == null ? null : Date.valueOf(from));
                ps.setDate(9, to == null ? null : Date.valueOf(to));
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void ordersEarnOnceByTheRulesAndTheMemberTier() {
        long first = order(anna, "2026-03-02", "2500.80", "INVOICED", 1);
        assertEquals(2500, loyalty.earn(first), "one point per yuan, rounded down");
        assertEquals(0, loyalty.earn(first), "an order earns once");
        assertEquals(0, loyalty.earn(order(anna, "2026-03-05", "999", "CONFIRMED", 1)), "not delivered yet");

        // 2,500 points in 12 months make anna a silver member: 1.2 points per yuan
        assertEquals(1200, loyalty.earn(order(anna, "2026-04-01", "1000", "DELIVERED", 1)));
        rule("PRODUCT", null, 50, null, null, null);
        rule("CAMPAIGN", null, null, "2", "2026-06-01", "2026-06-18");
        assertEquals(1000 * 2 * 12 / 10 + 3 * 50, loyalty.earn(order(anna, "2026-06-18", "1000", "DELIVERED", 3)),
                "618 double points, silver, plus 50 a fridge");
        assertEquals(500 + 50, loyalty.earn(order(bo, "2026-06-19", "500", "DELIVERED", 1)), "the campaign is over, bo is a member");

        Account a = loyalty.account(anna);
        assertEquals(2500 + 1200 + 2550, a.balance());
        assertEquals("SILVER", a.tier().code());
        assertEquals(LocalDate.of(2027, 12, 31), a.nextExpiry(), "points expire at the end of the following year");
        assertTrue(loyalty.unbalanced().isEmpty());
    }

    @Test
    void earningAllAtOnceGivesWhatEarningOneByOneGives() {
        order(anna, "2026-04-01", "1000", "DELIVERED", 1);
        order(anna, "2026-03-02", "2500.80", "INVOICED", 1);
        order(bo, "2026-05-01", "300", "CONFIRMED", 1);
        rule("PRODUCT", null, 50, null, null, null);
        assertEquals(2, loyalty.earnAll(), "the confirmed order does not earn yet");
        assertEquals(2500 + 50 + 1200 + 50, loyalty.account(anna).balance(), "in date order: silver by April");
        assertEquals(0, loyalty.earnAll());
        assertTrue(loyalty.unbalanced().isEmpty());
    }

    @Test
    void redemptionTakesTheOldestPointsAndNeverMoreThanTheBalance() {
        loyalty.earn(order(anna, "2024-05-01", "300", "INVOICED", 1));
        loyalty.earn(order(anna, "2026-02-01", "800", "INVOICED", 1));
        ValidationException tooMany = assertThrows(ValidationException.class, () -> loyalty.redeem(anna, 1101, "电饭煲"));
        assertTrue(tooMany.getMessage().contains("1,100") || tooMany.getMessage().contains("1100"), tooMany.getMessage());
        assertEquals(1100, loyalty.account(anna).balance(), "a refused redemption changes nothing");

        loyalty.redeem(anna, 200, "兑换保温杯");
        // 100 points of 2024 are left and expire at the end of 2025
        assertEquals(100, loyalty.expire(LocalDate.of(2026, 1, 1)));
        assertEquals(0, loyalty.expire(LocalDate.of(2026, 1, 1)), "expired once");
        assertEquals(800, loyalty.account(anna).balance());
        assertTrue(loyalty.unbalanced().isEmpty(), "balance = what is left of the lots");

        Statement s = loyalty.statement(anna, LocalDate.of(2026, 1, 1), AppClock.today());
        assertEquals(300, s.opening(), "earned in 2024; the expiry (1 January) and the redemption (today) are in the period");
        assertEquals(s.opening() + s.entries().stream().mapToInt(e -> e.points()).sum(), s.closing());
        assertEquals(800, s.closing());
        assertEquals(List.of(PointsKind.EXPIRE, PointsKind.EARN, PointsKind.REDEEM), s.entries().stream().map(e -> e.kind()).toList());
    }

    @Test
    void complaintPointsReachTheAccountWithTheResolution() {
        ServiceCase c = f.complaints.file(new NewComplaint(anna, Channel.PHONE, ComplaintCategory.SERVICE,
                ComplaintSeverity.MINOR, Department.CUSTOMER_SERVICE, "热线等太久", null, null));
        assertThrows(ValidationException.class, () -> f.complaints.resolve(c.getId(), new Resolution("致歉", RootCause.PROCESS,
                Compensation.POINTS, new BigDecimal("99.5"), null)), "points are whole");
        f.complaints.resolve(c.getId(), new Resolution("致歉并赠送积分", RootCause.PROCESS, Compensation.POINTS,
                new BigDecimal("500"), null));
        Statement s = loyalty.statement(anna, AppClock.today(), AppClock.today());
        assertEquals(1, s.entries().size());
        assertEquals(PointsKind.GRANT, s.entries().get(0).kind());
        assertEquals(500, s.entries().get(0).points());
        assertEquals(c.getId(), s.entries().get(0).caseId());
        assertNull(s.entries().get(0).orderId());
        assertTrue(loyalty.unbalanced().isEmpty());
    }

    @Test
    void grantsAboveAnAgentsLimitWaitForAnotherPersonsApproval() {
        f.security.createUser("agent.zhou", "周敏", "secret-12".toCharArray(), "SERVICE");
        f.security.createUser("manager.wu", "吴刚", "secret-12".toCharArray(), "ADMIN");
        assertTrue(f.security.login("agent.zhou", "secret-12".toCharArray()));
        assertEquals(LoyaltyService.DEFAULT_GRANT_LIMIT, loyalty.grantLimit());
        assertFalse(loyalty.grant(anna, 500, null, "生日关怀").pending(), "within the limit: booked at once");
        Grant big = loyalty.grant(anna, 2_000, null, "错发货致歉");
        assertTrue(big.pending());
        assertEquals(500, loyalty.account(anna).balance(), "nothing booked before the approval");
        assertThrows(PermissionDeniedException.class, () -> loyalty.approve(big.request().id(), null));
        assertThrows(PermissionDeniedException.class, () -> loyalty.pendingRequests());
        assertThrows(PermissionDeniedException.class, () -> loyalty.setGrantLimit("SERVICE", 100_000));

        // complaint compensation goes the same way: above the limit it waits too
        ServiceCase c = f.complaints.file(new NewComplaint(anna, Channel.PHONE, ComplaintCategory.SERVICE,
                ComplaintSeverity.MINOR, Department.CUSTOMER_SERVICE, "安装延误", null, null));
        f.complaints.resolve(c.getId(), new Resolution("致歉并赠送积分", RootCause.PROCESS, Compensation.POINTS,
                new BigDecimal("1000"), null));
        assertEquals(500, loyalty.account(anna).balance());

        assertTrue(f.security.login("manager.wu", "secret-12".toCharArray()));
        assertEquals(Integer.MAX_VALUE, loyalty.grantLimit(), "those who approve are not limited");
        List<Request> waiting = loyalty.pendingRequests();
        assertEquals(List.of(2_000, 1_000), waiting.stream().map(Request::points).toList());
        assertEquals(List.of("agent.zhou", "agent.zhou"), waiting.stream().map(Request::requestedBy).toList());
        assertEquals(c.getId(), waiting.get(1).caseId());
        assertThrows(ValidationException.class, () -> loyalty.refuse(waiting.get(1).id(), " "), "a refusal says why");
        Entry booked = loyalty.approve(big.request().id(), "同意");
        assertEquals(2_000, booked.points());
        assertEquals(2_500, loyalty.account(anna).balance());
        assertThrows(ConflictException.class, () -> loyalty.approve(big.request().id(), null), "decided once");
        // the trail: asked by the agent, approved by the manager, the lot booked in the manager's name
        List<org.guanxi.core.model.AuditEntry> trail = f.audit.history("PointsRequest", big.request().id());
        assertTrue(trail.stream().anyMatch(a -> "points".equals(a.getField()) && "2000".equals(a.getNewValue())
                && "agent.zhou".equals(a.getUser())), trail.toString());
        assertTrue(trail.stream().anyMatch(a -> "status".equals(a.getField()) && "APPROVED".equals(a.getNewValue())
                && "manager.wu".equals(a.getUser())), trail.toString());
        assertTrue(f.audit.history("PointsLedger", booked.id()).stream().anyMatch(a -> "manager.wu".equals(a.getUser())));
        Request refused = loyalty.refuse(waiting.get(1).id(), "已退款补偿");
        assertEquals(RequestStatus.REFUSED, refused.status());
        assertEquals("manager.wu", refused.decidedBy());
        assertEquals(2_500, loyalty.account(anna).balance());
        assertTrue(loyalty.pendingRequests().isEmpty());
        assertTrue(loyalty.unbalanced().isEmpty());

        // a larger limit for the role, set by an administrator
        loyalty.setGrantLimit("SERVICE", 3_000);
        assertEquals(java.util.Map.of("SERVICE", 3_000), loyalty.grantLimits());
        assertTrue(f.security.login("agent.zhou", "secret-12".toCharArray()));
        assertFalse(loyalty.grant(bo, 3_000, null, "大客户关怀").pending());
        Grant again = loyalty.grant(bo, 3_001, null, "再多一点");
        assertTrue(again.pending());

        // nobody decides their own request: the agent, made an administrator meanwhile, still cannot approve it
        assertTrue(f.security.login("manager.wu", "secret-12".toCharArray()));
        f.security.saveUser("agent.zhou", "周敏", null, true, java.util.Set.of("SERVICE", "ADMIN"), null);
        List<org.guanxi.core.model.AuditEntry> roles = f.db.read(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE "
                + "a.entity = 'AppUser' AND a.field = 'roles' ORDER BY a.id", org.guanxi.core.model.AuditEntry.class).getResultList());
        org.guanxi.core.model.AuditEntry promoted = roles.get(roles.size() - 1);
        assertEquals(List.of("SERVICE", "ADMIN, SERVICE", "manager.wu"),
                List.of(promoted.getOldValue(), promoted.getNewValue(), promoted.getUser()), "a change of roles is audited");
        assertTrue(f.security.login("agent.zhou", "secret-12".toCharArray()));
        assertThrows(GuanxiException.class, () -> loyalty.approve(again.request().id(), null));
        assertEquals(List.of(RequestStatus.PENDING), loyalty.requests(bo).stream().map(Request::status).toList());
    }

    @Test
    void loyaltyIsMeasuredFromPurchases() {
        LocalDate today = AppClock.today();
        order(anna, today.minusMonths(2).toString(), "100", "INVOICED", 1);
        order(anna, today.minusMonths(5).toString(), "100", "DELIVERED", 1);
        order(anna, today.minusMonths(15).toString(), "100", "INVOICED", 1);
        order(bo, today.minusMonths(14).toString(), "100", "INVOICED", 1);
        Measures all = loyalty.measures(today).stream().filter(m -> m.tier() == null).findFirst().orElseThrow();
        assertEquals(2, all.customers());
        assertEquals(1, all.buyers());
        assertEquals(1.0, all.repurchaseRate(), 1e-9, "anna bought twice this year");
        assertEquals(2.0, all.purchaseFrequency(), 1e-9);
        assertEquals(0.5, all.retentionRate(), 1e-9, "of last year's two buyers, anna came back");
        assertTrue(all.tenureYears() > 1.1 && all.tenureYears() < 1.3, "about 15 and 14 months: " + all.tenureYears());
        assertEquals(0, all.walletKnown(), "nobody's category spend is known yet");

        // anna spends 800 a year in our categories, bo 50 (of which we had nothing this year)
        f.db.jdbcTransaction(c -> c.createStatement().executeUpdate("UPDATE CUSTOMER SET CATEGORY_SPEND = 800 WHERE ID = " + anna));
        f.db.jdbcTransaction(c -> c.createStatement().executeUpdate("UPDATE CUSTOMER SET CATEGORY_SPEND = 50 WHERE ID = " + bo));
        all = loyalty.measures(today).stream().filter(m -> m.tier() == null).findFirst().orElseThrow();
        assertEquals(2, all.walletKnown());
        assertEquals(200.0 / 850, all.shareOfWallet(), 1e-9, "our 200 of their 850");
    }
}
