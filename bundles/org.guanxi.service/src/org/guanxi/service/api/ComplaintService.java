package org.guanxi.service.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Compensation;
import org.guanxi.core.model.Complaint;
import org.guanxi.core.model.ComplaintCategory;
import org.guanxi.core.model.ComplaintSeverity;
import org.guanxi.core.model.Department;
import org.guanxi.core.model.RootCause;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.model.Verdict;

/**
 * Complaints and service recovery (投诉处理与服务补救): intake from any channel, classification, the responsible
 * department, resolution with root cause and compensation (a refund is booked in the ERP through the outbox), the
 * customer's confirmation and a follow-up score. A complaint is never closed without the customer's answer or an
 * explicit reason why there is none.
 */
public interface ComplaintService {

    /** Topic of a refund granted for a complaint, for the ERP. */
    String REFUND_GRANTED = "refund.granted";

    record NewComplaint(long customerId, Channel channel, ComplaintCategory category, ComplaintSeverity severity,
            Department department, String subject, String description, Long orderId) {
    }

    record Resolution(String answer, RootCause rootCause, Compensation compensation, BigDecimal amount, String note) {
    }

    /** Files a complaint: a case of kind COMPLAINT in the complaints queue, its priority from the severity. */
    ServiceCase file(NewComplaint complaint);

    Complaint complaint(long caseId);

    /** Changes the classification; a new severity moves the deadlines. */
    Complaint classify(long caseId, ComplaintCategory category, ComplaintSeverity severity, Department department);

    /** Resolves the complaint with its root cause and compensation; the case then waits for the customer's word. */
    ServiceCase resolve(long caseId, Resolution resolution);

    /**
     * Records the customer's answer. Satisfied or partly satisfied closes the complaint; dissatisfied reopens it
     * and escalates it.
     */
    ServiceCase confirm(long caseId, Verdict verdict, String comment);

    /** Closes a resolved complaint whose customer cannot be reached, with the reason; the reason is required. */
    ServiceCase closeWithoutAnswer(long caseId, String reason);

    /** The follow-up satisfaction score (1–5) asked after closure. */
    void followUp(long caseId, int score);

    /** Complaints of a period counted per group. */
    record Count(String group, int complaints, int closed, int overdue) {
    }

    /** Root-cause statistics (根因分析) of complaints opened from {@code from} to {@code to}. */
    record Statistics(int complaints, int closed, int reopened, double averageFollowUp, List<Count> byCategory,
            List<Count> byRootCause, List<Count> byDepartment, List<Count> bySeverity) {
    }

    Statistics statistics(LocalDate from, LocalDate to);
}
