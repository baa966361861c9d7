package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CaseNote;
import org.guanxi.core.model.CaseNoteKind;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.CaseStatus;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.CaseService.CaseQuery;
import org.guanxi.core.service.CaseService.CaseRow;
import org.guanxi.core.service.CaseService.NewCase;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.ServiceLevelService.Deadlines;
import org.guanxi.core.service.ServiceLevelService.ServiceLevel;
import org.guanxi.core.service.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service cases: queues and assignment, deadlines per tier, the case's course, escalation and recalculation. */
class CaseServiceTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private long vip;
    private long ordinary;

    @BeforeEach
    void open() throws Exception {
        f = new ServiceFixture(dir);
        vip = f.customer("C-VIP", "上海华联贸易有限公司");
        f.tier(vip, "VIP");
        ordinary = f.customer("C-ORD", "王小明");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ServiceCase request(long customer, CasePriority priority) {
        return f.cases.open(new NewCase(customer, CaseKind.REQUEST, CasePhase.AFTER_SALE, priority, Channel.PHONE, null,
                "空调不制冷", "客户来电：安装三天后空调不制冷。", null));
    }

    @Test
    void aVipCaseGoesToTheVipQueueWithTheVipDeadlines() {
        ServiceCase c = request(vip, CasePriority.NORMAL);
        assertTrue(c.getCaseNo().matches("CS\\d{7}"), c.getCaseNo());
        assertEquals("VIP", c.getQueue());
        assertEquals(Tier.VIP, c.getTier());
        assertEquals(CaseStatus.OPEN, c.getStatus());
        Deadlines d = f.levels.deadlines(Tier.VIP, CasePriority.NORMAL, c.getOpenedAt());
        assertEquals(d.firstResponseDue(), c.getFirstResponseDue());
        assertEquals(d.resolutionDue(), c.getResolutionDue());

        ServiceCase o = request(ordinary, CasePriority.NORMAL);
        assertEquals("GENERAL", o.getQueue());
        assertEquals(Tier.ORDINARY, o.getTier(), "a customer not analysed yet counts as ordinary");
        assertTrue(o.getResolutionDue().isAfter(c.getResolutionDue()), "the VIP is served first");

        ServiceCase pre = f.cases.open(new NewCase(ordinary, CaseKind.REQUEST, CasePhase.PRE_SALE, CasePriority.LOW,
                Channel.WEB, null, "咨询团购价格", null, null));
        assertEquals("PRESALES", pre.getQueue());
    }

    @Test
    void casesGoToTheLeastBusyMemberOfTheQueue() {
        f.cases.saveQueue("GENERAL", "lead", List.of("bob", "alice"));
        assertEquals("alice", request(ordinary, CasePriority.NORMAL).getAssignee(), "a tie goes by login");
        assertEquals("bob", request(ordinary, CasePriority.NORMAL).getAssignee());
        ServiceCase third = request(ordinary, CasePriority.NORMAL);
        assertEquals("alice", third.getAssignee());
        f.cases.resolve(f.cases.find(new CaseQuery(null, "bob", null, null, null, false, 10)).get(0).id(), "已远程指导重启。");
        assertEquals("bob", request(ordinary, CasePriority.NORMAL).getAssignee(), "a resolved case no longer counts");

        ServiceCase moved = f.cases.transfer(third.getId(), "TECHNICAL");
        assertEquals("TECHNICAL", moved.getQueue());
        assertNull(moved.getAssignee(), "nobody is in the technical queue yet");
        assertEquals("carol", f.cases.assign(third.getId(), "carol").getAssignee());
        assertThrows(GuanxiException.class, () -> f.cases.transfer(third.getId(), "NO_SUCH_QUEUE"));

        // an agent takes a case nobody has; a colleague's case is not taken from them
        ServiceCase nobodys = f.cases.transfer(request(ordinary, CasePriority.NORMAL).getId(), "TECHNICAL");
        assertNull(nobodys.getAssignee());
        assertEquals(f.security.currentUser(), f.cases.take(nobodys.getId()).getAssignee());
        assertEquals(f.security.currentUser(), f.cases.take(nobodys.getId()).getAssignee(),
                "taking one's own case again is harmless");
        f.cases.assign(nobodys.getId(), "carol");
        GuanxiException taken = assertThrows(GuanxiException.class, () -> f.cases.take(nobodys.getId()));
        assertTrue(taken.getMessage().contains("carol"), taken.getMessage());
        assertEquals("carol", f.cases.get(nobodys.getId()).getAssignee());
    }

    @Test
    void aCaseRunsFromReplyToClosureWithItsTimelineAndAudit() {
        ServiceCase c = request(ordinary, CasePriority.HIGH);
        assertThrows(GuanxiException.class, () -> f.cases.close(c.getId()), "an open case cannot be closed");
        assertThrows(ValidationException.class, () -> f.cases.reply(c.getId(), "  "));

        ServiceCase replied = f.cases.reply(c.getId(), "您好，我们已安排师傅明天上门检查。");
        assertNotNull(replied.getFirstResponseAt());
        assertEquals(CaseStatus.IN_PROGRESS, replied.getStatus());
        assertEquals(f.security.currentUser(), replied.getAssignee(), "who answers an unassigned case takes it");
        f.cases.note(c.getId(), "外机风扇不转，需更换电容。");
        f.cases.waitForCustomer(c.getId(), "等客户确认上门时间");
        ServiceCase resolved = f.cases.resolve(c.getId(), "已更换启动电容，制冷恢复正常。");
        assertEquals(CaseStatus.RESOLVED, resolved.getStatus());
        assertEquals(replied.getFirstResponseAt(), resolved.getFirstResponseAt(), "the first response stays the first");
        ServiceCase closed = f.cases.close(c.getId());
        assertEquals(CaseStatus.CLOSED, closed.getStatus());
        assertNotNull(closed.getClosedAt());

        List<CaseNoteKind> kinds = f.cases.timeline(c.getId()).stream().map(CaseNote::getKind).toList();
        assertEquals(List.of(CaseNoteKind.REPLY, CaseNoteKind.NOTE, CaseNoteKind.STATUS, CaseNoteKind.STATUS,
                CaseNoteKind.STATUS), kinds);
        List<String> statuses = f.audit.history("ServiceCase", c.getId()).stream().filter(a -> "status".equals(a.getField()))
                .map(AuditEntry::getNewValue).toList();
        assertEquals(List.of("OPEN", "IN_PROGRESS", "WAITING_CUSTOMER", "RESOLVED", "CLOSED"), statuses);

        ServiceCase reopened = f.cases.reopen(c.getId(), "客户反映又不制冷了");
        assertEquals(CaseStatus.IN_PROGRESS, reopened.getStatus());
        assertNull(reopened.getFirstResponseAt(), "the deadlines start again");
        assertTrue(reopened.getResolutionDue().isAfter(c.getResolutionDue()) || reopened.getResolutionDue().equals(c.getResolutionDue()));
    }

    @Test
    void overdueCasesAreEscalatedOncePerLevelAndReachTheSupervisor() {
        f.cases.saveQueue("GENERAL", "lead", List.of("alice"));
        ServiceCase late = request(ordinary, CasePriority.NORMAL);
        ServiceCase answered = request(ordinary, CasePriority.NORMAL);
        f.cases.reply(answered.getId(), "收到，正在处理。");

        assertEquals(0, f.cases.escalateOverdue(late.getFirstResponseDue().minusSeconds(60)), "nothing is late yet");
        assertEquals(1, f.cases.escalateOverdue(late.getFirstResponseDue().plusSeconds(60)),
                "only the unanswered case has missed its first response");
        assertEquals(1, f.cases.get(late.getId()).getEscalationLevel());
        assertEquals("alice", f.cases.get(late.getId()).getAssignee(), "level 1 tells the supervisor, the agent keeps it");
        assertEquals(0, f.cases.escalateOverdue(late.getFirstResponseDue().plusSeconds(120)), "once per level");

        assertEquals(2, f.cases.escalateOverdue(late.getResolutionDue().plusSeconds(60)), "both missed the resolution");
        ServiceCase escalated = f.cases.get(late.getId());
        assertEquals(2, escalated.getEscalationLevel());
        assertEquals("lead", escalated.getAssignee(), "level 2 hands the case to the supervisor");
        assertTrue(f.cases.timeline(late.getId()).stream().anyMatch(n -> n.getKind() == CaseNoteKind.ESCALATED
                && n.getBody().equals("2\nlead")));
        List<CaseRow> overdue = f.cases.find(new CaseQuery(null, null, null, null, null, true, 10));
        assertEquals(0, overdue.size(), "not overdue by the clock of today");
        assertTrue(f.cases.find(CaseQuery.active()).get(0).overdue(late.getResolutionDue().plusSeconds(1)));
    }

    @Test
    void changedServiceLevelsMoveTheDeadlinesOfActiveCasesOnly() {
        ServiceCase active = request(ordinary, CasePriority.NORMAL);
        ServiceCase done = request(ordinary, CasePriority.NORMAL);
        f.cases.resolve(done.getId(), "已解答。");
        f.levels.setLevel(new ServiceLevel(Tier.ORDINARY, CasePriority.NORMAL, Duration.ofMinutes(60), Duration.ofMinutes(540)));
        assertEquals(1, f.cases.recalculateDeadlines());
        Deadlines d = f.levels.deadlines(Tier.ORDINARY, CasePriority.NORMAL, active.getOpenedAt());
        assertEquals(d.resolutionDue(), f.cases.get(active.getId()).getResolutionDue());
        assertEquals(done.getResolutionDue(), f.cases.get(done.getId()).getResolutionDue(), "a resolved case keeps its");
        assertEquals(0, f.cases.recalculateDeadlines(), "nothing moves twice");
    }
}
