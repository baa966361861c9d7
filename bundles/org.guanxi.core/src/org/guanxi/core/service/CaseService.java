package org.guanxi.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CaseNote;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.CaseStatus;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.model.Tier;

/**
 * Service cases (服务工单): intake, queues and assignment, replies, resolution and closure, with deadlines from the
 * {@link ServiceLevelService service level} of the customer's tier and escalation of the overdue. Every change is
 * audited and written to the case's timeline.
 */
public interface CaseService {

    /** What an agent enters to open a case; queue null: the customer's tier decides (VIPs go to the VIP queue). */
    record NewCase(long customerId, CaseKind kind, CasePhase phase, CasePriority priority, Channel channel, String queue,
            String subject, String description, Long orderId) {
    }

    /** A case as lists show it. */
    record CaseRow(long id, String caseNo, long customerId, String customerCode, String customerName, Tier tier,
            CaseKind kind, CasePhase phase, CasePriority priority, String queue, String assignee, CaseStatus status,
            String subject, Instant openedAt, Instant firstResponseDue, Instant resolutionDue, Instant firstResponseAt,
            int escalationLevel) {

        /** The deadline the case must meet next: the first response until it is given, then the resolution. */
        public Instant nextDue() {
            return firstResponseAt == null ? firstResponseDue : resolutionDue;
        }

        /** Whether a deadline the case has not met yet has passed at {@code now}. */
        public boolean overdue(Instant now) {
            return status.isActive() && (resolutionDue.isBefore(now) || firstResponseAt == null && firstResponseDue.isBefore(now));
        }
    }

    /** A filter of the case list; null fields do not filter. */
    record CaseQuery(String queue, String assignee, Set<CaseStatus> statuses, Long customerId, CaseKind kind,
            boolean overdueOnly, int limit) {

        public static CaseQuery active() {
            return new CaseQuery(null, null, activeStatuses(), null, null, false, 500);
        }

        public static Set<CaseStatus> activeStatuses() {
            return Set.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_CUSTOMER);
        }
    }

    /** A queue (服务队列) with its members; names in both languages, since queues are configuration. */
    record Queue(String code, String nameZh, String nameEn, String supervisor, List<String> members) {

        public String name(java.util.Locale locale) {
            return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
        }
    }

    /** Opens a case, assigns it to the least busy member of its queue and sets its deadlines. */
    ServiceCase open(NewCase draft);

    ServiceCase get(long caseId);

    List<CaseRow> find(CaseQuery query);

    /** The timeline, oldest first. */
    List<CaseNote> timeline(long caseId);

    List<Queue> queues();

    /** Replaces a queue's members and supervisor (needs {@code SERVICE_ADMIN}). */
    void saveQueue(String code, String supervisor, List<String> members);

    /** Hands the case to {@code login}; null: to the least busy member of its queue (or nobody, if it has none). */
    ServiceCase assign(long caseId, String login);

    /** The signed-in agent takes a case nobody has (or has already); refused when a colleague took it meanwhile. */
    ServiceCase take(long caseId);

    /** Moves the case to another queue and assigns it there. */
    ServiceCase transfer(long caseId, String queue);

    /** A reply to the customer; the first one meets the first-response deadline. */
    ServiceCase reply(long caseId, String text);

    /** An internal note, not seen by the customer. */
    void note(long caseId, String text);

    /** Replies with a knowledge-base article and records it as the case's answer. */
    ServiceCase answerWith(long caseId, long articleId);

    /** Waiting for the customer (more information, a visit): the case stays active. */
    ServiceCase waitForCustomer(long caseId, String reason);

    /** Resolves the case with its answer. */
    ServiceCase resolve(long caseId, String answer);

    /** Closes a resolved request. Complaints are closed through the service module's ComplaintService. */
    ServiceCase close(long caseId);

    /** Reopens a resolved or closed case; its deadlines start again from now. */
    ServiceCase reopen(long caseId, String reason);

    /**
     * Escalates active cases whose deadlines have passed at {@code now}: level 1 when the first response is overdue,
     * level 2 when the resolution is; each case once per level, with a timeline entry for the queue's supervisor.
     * Safe to run from several desktops at once. Returns the number of cases escalated.
     */
    int escalateOverdue(Instant now);

    /**
     * Recomputes the deadlines of every active case from its opening, tier and priority, after the service levels or
     * the working calendar changed (needs {@code SERVICE_ADMIN}). Returns the number of cases whose deadlines moved.
     */
    int recalculateDeadlines();
}
