package org.guanxi.service.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.guanxi.core.model.CallDirection;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.core.model.CallEntryStatus;

/**
 * The call centre (呼叫中心): the call log of every inbound and outbound call, outbound call lists drawn from a
 * segment with their script, the IVR menu, and the agents' figures. Calls are logged for the signed-in agent.
 */
public interface CallCentre {

    /** Repeat calls within this many days mean the first call did not settle the matter. */
    int REPEAT_DAYS = 7;

    // ---- the call log

    /** A call: {@code customerId} is null for an unknown number; {@code endedAt} null while it lasts. */
    record Call(long id, CallDirection direction, String phone, Long customerId, String customerName, String agent,
            String queue, String ivrKeys, Long entryId, Instant startedAt, Instant endedAt, CallDisposition disposition,
            boolean resolved, Long caseId, String note) {

        public Duration duration() {
            return endedAt == null ? null : Duration.between(startedAt, endedAt);
        }

        /** The call as shown to someone without {@code PERSONAL_DATA}: the number masked. */
        public Call masked() {
            return new Call(id, direction, org.guanxi.core.Masking.mask(org.guanxi.core.Masking.Kind.PHONE, phone), customerId,
                    customerName, agent, queue, ivrKeys, entryId, startedAt, endedAt, disposition, resolved, caseId, note);
        }
    }

    /**
     * An inbound call reaches the agent: the customer is found by the number, the queue by the keys pressed in the
     * IVR (null or empty: none). Needs {@code SERVICE_WRITE}.
     */
    Call answer(String phone, String ivrKeys);

    /** How a call ended: its disposition, whether the matter is settled, the case it was about, a note. */
    record Ending(CallDisposition disposition, boolean resolved, Long caseId, String note, Instant callbackAt) {
    }

    /**
     * Ends a call. A call with a known customer lands in their interaction timeline; an outbound call from a list
     * moves its entry on (done, failed, a callback at {@code callbackAt}, or another attempt later).
     */
    Call end(long callId, Ending ending);

    Call call(long callId);

    /** A customer's calls, newest first. */
    List<Call> calls(long customerId, int limit);

    /** The calls started in a period (inclusive days), newest first; {@code agent} null for everyone's. */
    List<Call> calls(LocalDate from, LocalDate to, String agent, int limit);

    // ---- outbound call lists

    record CallList(long id, String name, Long segmentId, String segmentName, Long surveyId, String script,
            int maxAttempts, String createdBy, Instant createdAt, int entries, int open, int done, int failed) {
    }

    /** A list for a segment's customers who have a phone number and agreed to be called; skipped ones are counted. */
    record NewList(String name, long segmentId, Long surveyId, String script, int maxAttempts) {
    }

    /** The list made, and how many of the segment's customers were left out (no phone, no consent to calls). */
    record Created(CallList list, int noPhone, int noConsent) {
    }

    /** Needs {@code SERVICE_WRITE}; the name is unique. */
    Created createList(NewList list);

    List<CallList> lists();

    CallList list(long listId);

    record Entry(long id, long listId, long customerId, String customerName, String phone, CallEntryStatus status,
            Instant nextAt, int attempts, String heldBy, CallDisposition lastDisposition, Long responseId) {

        /** The entry as shown to someone without {@code PERSONAL_DATA}: the number masked. */
        public Entry masked() {
            return new Entry(id, listId, customerId, customerName, org.guanxi.core.Masking.mask(org.guanxi.core.Masking.Kind.PHONE,
                    phone), status, nextAt, attempts, heldBy, lastDisposition, responseId);
        }
    }

    List<Entry> entries(long listId);

    /**
     * Takes the next customer to call and starts the outbound call: due callbacks first, then pending entries by
     * their time; an entry another agent is calling is skipped. Empty when nobody is due.
     */
    Optional<Call> callNext(long listId);

    /** Links the survey response the script recorded to the call's entry. */
    void recordResponse(long callId, long responseId);

    // ---- IVR

    IvrMenu ivr();

    /** Replaces the IVR menu (needs {@code SERVICE_ADMIN}); a broken line is a validation error naming it. */
    IvrMenu saveIvr(String text);

    // ---- figures

    /**
     * One agent's calls in a period: inbound and outbound calls, reached ones, average handling time of the reached
     * calls, and first-call resolution: inbound completed calls marked settled with no further call from the same
     * customer within {@link #REPEAT_DAYS} days, over inbound completed calls.
     */
    record AgentFigures(String agent, int inbound, int outbound, int reached, Duration averageHandling, int inboundCompleted,
            int firstCallResolved) {

        public double fcr() {
            return inboundCompleted == 0 ? 0 : 100.0 * firstCallResolved / inboundCompleted;
        }
    }

    /** Per agent, and a last row {@code agent = null} over everyone. */
    List<AgentFigures> agentFigures(LocalDate from, LocalDate to);
}
