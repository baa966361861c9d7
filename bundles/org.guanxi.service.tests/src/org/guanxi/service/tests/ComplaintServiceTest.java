package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.CaseStatus;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Compensation;
import org.guanxi.core.model.Complaint;
import org.guanxi.core.model.ComplaintCategory;
import org.guanxi.core.model.ComplaintSeverity;
import org.guanxi.core.model.Department;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.RootCause;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.model.Verdict;
import org.guanxi.service.api.ComplaintService;
import org.guanxi.service.api.ComplaintService.Count;
import org.guanxi.service.api.ComplaintService.NewComplaint;
import org.guanxi.service.api.ComplaintService.Resolution;
import org.guanxi.service.api.ComplaintService.Statistics;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Complaints from intake to the customer's confirmed closure, refunds through the outbox, root-cause statistics. */
class ComplaintServiceTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private long customer;

    @BeforeEach
    void open() throws Exception {
        f = new ServiceFixture(dir);
        customer = f.customer("C-0001", "李华");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ServiceCase file(ComplaintCategory category, ComplaintSeverity severity) {
        return f.complaints.file(new NewComplaint(customer, Channel.PHONE, category, severity, Department.LOGISTICS,
                "冰箱送货晚了三天", "约好周一送货，周四才到，外包装破损。", null));
    }

    private static Resolution refund(String amount) {
        return new Resolution("致歉并退还运费，已安排质检上门。", RootCause.LOGISTICS, Compensation.REFUND,
                amount == null ? null : new BigDecimal(amount), "退还运费");
    }

    @Test
    void aComplaintWalksFromIntakeToConfirmedClosure() {
        ServiceCase c = file(ComplaintCategory.DELIVERY, ComplaintSeverity.MAJOR);
        assertEquals("COMPLAINTS", c.getQueue());
        assertEquals(CasePriority.HIGH, c.getPriority(), "a major complaint is a high-priority case");
        Complaint k = f.complaints.complaint(c.getId());
        assertEquals(Department.LOGISTICS, k.getDepartment());

        assertThrows(GuanxiException.class, () -> f.cases.close(c.getId()), "complaints close only with an answer");
        assertThrows(GuanxiException.class, () -> f.cases.resolve(c.getId(), "好的"), "nor without a root cause");
        assertThrows(GuanxiException.class, () -> f.complaints.confirm(c.getId(), Verdict.SATISFIED, null),
                "nothing to confirm before a resolution");
        ValidationException noAmount = assertThrows(ValidationException.class, () -> f.complaints.resolve(c.getId(), refund(null)));
        assertEquals("compensationAmount", noAmount.getErrors().get(0).field());

        f.complaints.classify(c.getId(), ComplaintCategory.DELIVERY, ComplaintSeverity.CRITICAL, Department.LOGISTICS);
        ServiceCase critical = f.cases.get(c.getId());
        assertEquals(CasePriority.URGENT, critical.getPriority());
        assertTrue(critical.getResolutionDue().isBefore(c.getResolutionDue()), "a critical complaint is due sooner");

        ServiceCase resolved = f.complaints.resolve(c.getId(), refund("120.00"));
        assertEquals(CaseStatus.RESOLVED, resolved.getStatus());
        assertNotNull(resolved.getFirstResponseAt(), "the resolution was the first answer");
        List<OutboxMessage> messages = f.outbox.of("Complaint", c.getId());
        assertEquals(1, messages.size(), "the refund goes to the ERP");
        assertEquals(ComplaintService.REFUND_GRANTED, messages.get(0).getTopic());
        assertEquals(c.getCaseNo() + ":refund:0", messages.get(0).getIdempotencyKey());
        assertTrue(messages.get(0).getPayload().contains("<Amount>120.00</Amount>"), messages.get(0).getPayload());

        ServiceCase closed = f.complaints.confirm(c.getId(), Verdict.SATISFIED, "处理及时，谢谢");
        assertEquals(CaseStatus.CLOSED, closed.getStatus());
        f.complaints.followUp(c.getId(), 4);
        assertEquals(4, f.complaints.complaint(c.getId()).getFollowUpScore());
        assertThrows(ValidationException.class, () -> f.complaints.followUp(c.getId(), 6));

        List<String> trail = f.audit.history("ServiceCase", c.getId()).stream().filter(a -> "status".equals(a.getField()))
                .map(AuditEntry::getNewValue).toList();
        assertEquals(List.of("OPEN", "RESOLVED", "CLOSED"), trail, "resolved at the first answer");
        List<String> complaintTrail = f.audit.history("Complaint", c.getId()).stream().map(AuditEntry::getField).toList();
        assertTrue(complaintTrail.containsAll(List.of("severity", "rootCause", "compensation", "compensationAmount",
                "verdict", "followUpScore")), complaintTrail.toString());
    }

    @Test
    void aDissatisfiedCustomerReopensTheComplaintOneLevelUp() {
        ServiceCase c = file(ComplaintCategory.PRODUCT, ComplaintSeverity.MINOR);
        f.complaints.resolve(c.getId(), refund("50"));
        ServiceCase reopened = f.complaints.confirm(c.getId(), Verdict.DISSATISFIED, "只退运费不够，冰箱门有划痕");
        assertEquals(CaseStatus.IN_PROGRESS, reopened.getStatus());
        assertEquals(1, reopened.getEscalationLevel());
        assertEquals(1, f.complaints.complaint(c.getId()).getReopened());

        f.complaints.resolve(c.getId(), new Resolution("更换冰箱门", RootCause.PRODUCT_DEFECT, Compensation.REPLACEMENT, null, null));
        assertEquals(1, f.outbox.of("Complaint", c.getId()).size(), "a replacement refunds nothing");
        assertThrows(ValidationException.class, () -> f.complaints.closeWithoutAnswer(c.getId(), " "),
                "closing without the customer's word needs a reason");
        ServiceCase closed = f.complaints.closeWithoutAnswer(c.getId(), "三次致电未接通，短信已告知处理结果");
        assertEquals(CaseStatus.CLOSED, closed.getStatus());
        assertEquals("三次致电未接通，短信已告知处理结果", f.complaints.complaint(c.getId()).getCloseReason());
    }

    @Test
    void rootCauseStatisticsCountTheComplaintsOfThePeriod() {
        ServiceCase a = file(ComplaintCategory.DELIVERY, ComplaintSeverity.MAJOR);
        ServiceCase b = file(ComplaintCategory.DELIVERY, ComplaintSeverity.MINOR);
        file(ComplaintCategory.STAFF_ATTITUDE, ComplaintSeverity.MINOR);
        f.complaints.resolve(a.getId(), refund("30"));
        f.complaints.confirm(a.getId(), Verdict.SATISFIED, null);
        f.complaints.resolve(b.getId(), new Resolution("说明配送政策", RootCause.INFORMATION, Compensation.APOLOGY, null, null));

        Statistics s = f.complaints.statistics(AppClock.today().minusDays(1), AppClock.today());
        assertEquals(3, s.complaints());
        assertEquals(1, s.closed());
        assertEquals(new Count("DELIVERY", 2, 1, 0), s.byCategory().get(0));
        assertEquals(new Count("STAFF_ATTITUDE", 1, 0, 0), s.byCategory().get(1));
        assertEquals(List.of("", "INFORMATION", "LOGISTICS"), s.byRootCause().stream().map(Count::group).toList(),
                "one of each, and one without a root cause yet");
        assertEquals(0, f.complaints.statistics(AppClock.today().minusDays(9), AppClock.today().minusDays(2)).complaints());
    }
}
