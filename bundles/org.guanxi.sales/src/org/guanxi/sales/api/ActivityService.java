package org.guanxi.sales.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.guanxi.core.model.Activity;
import org.guanxi.core.model.ActivityKind;
import org.guanxi.core.model.ActivityStatus;
import org.guanxi.core.service.Checks;

/**
 * Sales activities and the calendar (销售活动与日程): calls, visits, meetings and tasks planned by reps, done with an
 * outcome (a done call, visit or meeting also goes on the customer's interaction timeline) or cancelled, and
 * reminders that come due. The calendar also shows the open customer-care tasks (birthdays, follow-ups) of the period,
 * so that a rep sees all that is due in one place.
 */
public interface ActivityService {

    /** Where an entry of the calendar comes from. */
    enum Source { ACTIVITY, CARE_TASK }

    /**
     * One entry of the calendar. {@code end} is null for tasks; {@code about} names the customer, lead or
     * opportunity (empty when none); {@code overdue} is a planned entry whose time has passed.
     */
    record Entry(Source source, long id, long version, ActivityKind kind, String subject, LocalDateTime start,
            LocalDateTime end, boolean allDay, String about, String owner, ActivityStatus status, boolean overdue) {
    }

    /** Whose entries the calendar shows: one rep's (with those they take part in), or everybody's with null. */
    record Filter(String owner) {
        public static final Filter ALL = new Filter(null);
    }

    /** Entries overlapping the days {@code from} to {@code to} (inclusive), by start time. */
    List<Entry> calendar(LocalDate from, LocalDate to, Filter filter);

    /** Checks and stores an activity (new or changed; a changed one is compared with its version). */
    Activity save(Activity activity);

    Activity get(long id);

    /** Marks the activity done with its outcome; a call, visit or meeting with a customer is logged on their timeline. */
    Activity complete(long id, long version, String outcome);

    Activity cancel(long id, long version, String reason);

    /** Moves an activity to a new start, keeping its length (dragging in the calendar). */
    Activity move(long id, long version, LocalDateTime start);

    /** The activities of an opportunity, newest first. */
    List<Entry> ofOpportunity(long opportunityId);

    /** The signed-in user's planned activities whose reminder time has come and who were not yet reminded. */
    List<Entry> dueReminders(LocalDateTime now);

    /** The reminder has been shown; it does not come again (unless the activity is given a new reminder). */
    void dismissReminder(long id);
}
