package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.model.CallDirection;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.core.model.CallEntryStatus;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.ResponseSource;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.Survey;
import org.guanxi.service.api.CallCentre.AgentFigures;
import org.guanxi.service.api.CallCentre.Call;
import org.guanxi.service.api.CallCentre.Created;
import org.guanxi.service.api.CallCentre.Ending;
import org.guanxi.service.api.CallCentre.Entry;
import org.guanxi.service.api.CallCentre.NewList;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.service.api.IvrMenu;
import org.guanxi.service.api.IvrMenu.Action;
import org.guanxi.core.service.SurveyService.NewResponse;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.service.CallCentreImpl;
import org.guanxi.service.SurveyServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call centre on Derby: the IVR menu, inbound calls with their figures, an outbound call list from a segment. */
class CallCentreTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private CallCentreImpl calls;

    @BeforeEach
    void setUp() throws Exception {
        f = new ServiceFixture(dir);
        calls = new CallCentreImpl(f.db, f.security, f.audit, new InteractionServiceImpl(f.db, f.security, f.audit));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void theSeededIvrMenuRoutesKeysToQueues() {
        IvrMenu menu = calls.ivr();
        assertEquals("ORDERS", menu.route("21"));
        assertEquals("BILLING", menu.route("23"));
        assertEquals("TECHNICAL", menu.route("2*3"), "* goes back to the main menu");
        assertEquals("GENERAL", menu.operatorQueue());

        IvrMenu.Walk inSubMenu = menu.walk("2");
        assertFalse(inSubMenu.routed());
        assertEquals(3, inSubMenu.options(menu).size());
        assertEquals("Orders and delivery", inSubMenu.path().get(0).prompt(java.util.Locale.ENGLISH));

        IvrMenu.Walk lost = menu.walk("2777");
        assertEquals("GENERAL", lost.queue(), "three keys off the menu in a row reach the operator");
        assertEquals(List.of(Action.CHOSE, Action.INVALID, Action.INVALID, Action.INVALID, Action.OPERATOR),
                lost.steps().stream().map(IvrMenu.Step::action).toList());
        assertEquals("PRESALES", menu.route("57#1"), "two wrong keys and a repeat leave the caller in the main menu");
    }

    @Test
    void aBrokenIvrMenuNamesEveryBadLineAndKeepsTheOldOne() {
        String broken = """
                1 售前 | Sales -> PRESALES
                1 重复 | Twice -> GENERAL
                2 订单 | Orders
                   1 缩进错 | Odd indent -> ORDERS
                3 无队列 | No queue
                4 不存在 | Missing -> NOWHERE
                x 键错 | Bad key -> GENERAL
                """;
        ValidationException e = assertThrows(ValidationException.class, () -> calls.saveIvr(broken));
        List<String> keys = e.getErrors().stream().map(er -> er.key() + "@" + er.args()[0]).sorted().toList();
        assertEquals(List.of("error.ivr.duplicate@2", "error.ivr.indent@4", "error.ivr.noQueue@3", "error.ivr.noQueue@5",
                "error.ivr.queue@6", "error.ivr.syntax@7"), keys);
        assertEquals("ORDERS", calls.ivr().route("21"), "the saved menu is unchanged");

        CallCentreImpl otherDesktop = new CallCentreImpl(f.db, f.security, f.audit, new InteractionServiceImpl(f.db, f.security, f.audit));
        assertEquals("ORDERS", otherDesktop.ivr().route("21"));
        calls.saveIvr("1 新品 | New products -> PRESALES\n0 人工 | Operator -> GENERAL\n");
        assertEquals(2, otherDesktop.ivr().root().size(), "another desktop reads the new menu");
        assertNull(otherDesktop.ivr().route("2"));
    }

    @Test
    void inboundCallsAreLoggedAndMeasured() {
        long wang = customer("C1", "王芳", "13800138000", "杭州", true);
        long li = customer("C2", "李雷", "13900139000", "杭州", true);

        Call first = calls.answer("138 0013 8000", "21");
        assertEquals(wang, first.customerId(), "the customer is found by the number, however it is written");
        assertEquals("ORDERS", first.queue(), "the queue comes from the keys pressed in the IVR");
        assertEquals(CallDirection.IN, first.direction());
        assertNull(first.endedAt());
        calls.end(first.id(), new Ending(CallDisposition.COMPLETED, true, null, "物流已查询", null));
        assertThrows(GuanxiException.class, () -> calls.end(first.id(), new Ending(CallDisposition.COMPLETED, true, null, null, null)),
                "a call ends once");

        Call liFirst = calls.answer("13900139000", null);
        calls.end(liFirst.id(), new Ending(CallDisposition.COMPLETED, true, null, null, null));
        Call liAgain = calls.answer("13900139000", "4");
        assertEquals("COMPLAINTS", liAgain.queue());
        calls.end(liAgain.id(), new Ending(CallDisposition.COMPLETED, false, null, "再次来电", null));

        Call stranger = calls.answer("02155550000", null);
        assertNull(stranger.customerId());
        calls.end(stranger.id(), new Ending(CallDisposition.ABANDONED, false, null, null, null));

        assertThrows(ValidationException.class, () -> calls.end(calls.answer("13800138000", null).id(),
                new Ending(CallDisposition.CALLBACK, false, null, null, AppClock.now().minusSeconds(60))), "a callback lies ahead");

        // handling times fixed for the arithmetic: 120 s, 300 s, 60 s reached; the dropped call does not count
        Instant t = AppClock.now().minus(1, ChronoUnit.HOURS);
        times(first.id(), t, 120);
        times(liFirst.id(), t.plusSeconds(600), 300);
        times(liAgain.id(), t.plusSeconds(1200), 60);
        times(stranger.id(), t.plusSeconds(1800), 5);
        f.db.jdbcTransaction(c -> c.createStatement().executeUpdate("DELETE FROM CALL_LOG WHERE ENDED_AT IS NULL"));

        List<AgentFigures> figures = calls.agentFigures(AppClock.today().minusDays(1), AppClock.today());
        assertEquals(2, figures.size(), "the agent, then everyone");
        AgentFigures me = figures.get(0);
        assertEquals(f.security.currentUser(), me.agent());
        assertEquals(4, me.inbound());
        assertEquals(0, me.outbound());
        assertEquals(3, me.reached());
        assertEquals(Duration.ofSeconds(160), me.averageHandling());
        assertEquals(3, me.inboundCompleted());
        assertEquals(1, me.firstCallResolved(), "李雷 called again within 7 days: his first call did not settle it");
        assertEquals(100.0 / 3, me.fcr(), 1e-9);
        assertNull(figures.get(1).agent());
        assertEquals(me.firstCallResolved(), figures.get(1).firstCallResolved());

        assertEquals(List.of(liAgain.id(), liFirst.id()), calls.calls(li, 10).stream().map(Call::id).toList());
        int logged = f.db.jdbc(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM INTERACTION WHERE CUSTOMER_ID = ? AND CHANNEL = 'PHONE'")) {
                ps.setLong(1, wang);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        assertEquals(1, logged, "the call is in the customer's interaction timeline");

        // read-only staff see the call log with the numbers masked (PIPL)
        f.security.createUser("reader", "只读", "secret-12".toCharArray(), "READONLY");
        assertTrue(f.security.login("reader", "secret-12".toCharArray()));
        assertEquals(List.of("139****9000", "139****9000"), calls.calls(li, 10).stream().map(Call::phone).toList());
        List<Call> log = calls.calls(AppClock.today().minusDays(1), AppClock.today(), null, 50);
        assertEquals(4, log.size(), log.toString());
        assertTrue(log.stream().allMatch(x -> x.phone().contains("*")), log.toString());
    }

    @Test
    void anOutboundListIsCalledThroughWithCallbacksRetriesAndTheSurveyScript() {
        long a = customer("C1", "赵敏", "13700000001", "杭州", true);
        long b = customer("C2", "钱进", "13700000002", "杭州", true);
        customer("C3", "孙无号", null, "杭州", true);
        customer("C4", "李不愿", "13700000004", "杭州", false);
        customer("C5", "周上海", "13700000005", "上海", true);
        long segment = f.db.inTransaction(em -> {
            Segment s = new Segment();
            s.setName("杭州客户");
            s.setCities(List.of("杭州"));
            s.setCreatedBy("test");
            em.persist(s);
            em.flush();
            return s.getId();
        });
        SurveyServiceImpl surveys = new SurveyServiceImpl(f.db, f.security, f.audit);
        Survey csi = surveys.survey("CSI");

        Created created = calls.createList(new NewList("11月满意度回访", segment, csi.getId(), "您好，我是客服小王……", 2));
        assertEquals(2, created.list().entries(), "only customers with a phone who agreed to be called");
        assertEquals(1, created.noPhone());
        assertEquals(1, created.noConsent());
        assertThrows(ValidationException.class, () -> calls.createList(new NewList("11月满意度回访", segment, null, "x", 2)),
                "list names are unique");

        Call toA = calls.callNext(created.list().id()).orElseThrow();
        assertEquals(a, toA.customerId());
        assertEquals(CallDirection.OUT, toA.direction());
        Call toB = calls.callNext(created.list().id()).orElseThrow();
        assertEquals(b, toB.customerId(), "an entry being called is not handed out twice");
        assertTrue(calls.callNext(created.list().id()).isEmpty());

        calls.end(toA.id(), new Ending(CallDisposition.NO_ANSWER, false, null, null, null));
        Instant callback = AppClock.now().plus(1, ChronoUnit.DAYS);
        calls.end(toB.id(), new Ending(CallDisposition.CALLBACK, false, null, "明天上午再打", callback));
        Entry entryA = entry(created.list().id(), a);
        assertEquals(CallEntryStatus.PENDING, entryA.status());
        assertEquals(1, entryA.attempts());
        assertTrue(entryA.nextAt().isAfter(AppClock.now().plus(Duration.ofMinutes(100))), "tried again in two hours");
        assertEquals(CallEntryStatus.CALLBACK, entry(created.list().id(), b).status());
        assertTrue(calls.callNext(created.list().id()).isEmpty(), "nobody is due yet");

        // time passes: both are due; the callback comes first
        f.db.jdbcTransaction(c -> c.createStatement().executeUpdate("UPDATE CALL_LIST_ENTRY SET NEXT_AT = " + SqlClock.at(AppClock.now().minusSeconds(60))));
        Call backToB = calls.callNext(created.list().id()).orElseThrow();
        assertEquals(b, backToB.customerId());
        Map<Long, Integer> scores = Map.of(csi.getQuestions().get(0).getId(), 9);
        long response = surveys.record(new NewResponse(csi.getId(), b, null, null, ResponseSource.CALL, AppClock.now(), scores, null));
        calls.recordResponse(backToB.id(), response);
        calls.end(backToB.id(), new Ending(CallDisposition.COMPLETED, true, null, null, null));
        Entry entryB = entry(created.list().id(), b);
        assertEquals(CallEntryStatus.DONE, entryB.status());
        assertEquals(response, entryB.responseId());

        Call againA = calls.callNext(created.list().id()).orElseThrow();
        assertEquals(a, againA.customerId());
        calls.end(againA.id(), new Ending(CallDisposition.BUSY, false, null, null, null));
        assertEquals(CallEntryStatus.FAILED, entry(created.list().id(), a).status(), "not reached in the list's two attempts");

        var list = calls.list(created.list().id());
        assertEquals(0, list.open());
        assertEquals(1, list.done());
        assertEquals(1, list.failed());
        AgentFigures me = calls.agentFigures(AppClock.today(), AppClock.today()).get(0);
        assertEquals(4, me.outbound());
        assertEquals(2, me.reached(), "the callback agreement and the completed survey");
        assertNotNull(calls.call(backToB.id()).endedAt());
    }

    private long customer(String code, String name, String phone, String city, boolean consentPhone) {
        return f.db.inTransaction(em -> {
            Customer c = new Customer();
            c.setCode(code);
            c.setName(name);
            c.setPhone(phone);
            c.setCity(city);
            c.setConsentPhone(consentPhone);
            em.persist(c);
            em.flush();
            return c.getId();
        });
    }

    private void times(long callId, Instant start, int seconds) {
        f.db.jdbcTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE CALL_LOG SET STARTED_AT = ?, ENDED_AT = ? WHERE ID = ?")) {
                ps.setTimestamp(1, Timestamp.from(start));
                ps.setTimestamp(2, Timestamp.from(start.plusSeconds(seconds)));
                ps.setLong(3, callId);
                return ps.executeUpdate();
            }
        });
    }

    private Entry entry(long listId, long customerId) {
        return calls.entries(listId).stream().filter(e -> e.customerId() == customerId).findFirst().orElseThrow();
    }
}
