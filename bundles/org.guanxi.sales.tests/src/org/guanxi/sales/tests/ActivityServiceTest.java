package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.guanxi.core.model.Activity;
import org.guanxi.core.model.ActivityKind;
import org.guanxi.core.model.ActivityStatus;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Interaction;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.SalesStage;
import org.guanxi.sales.api.ActivityService.Entry;
import org.guanxi.sales.api.ActivityService.Filter;
import org.guanxi.sales.api.ActivityService.Source;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.customer.care.TaskServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityServiceTest {

    @TempDir
    Path dir;

    static Activity activity(ActivityKind kind, String subject, LocalDateTime start, int minutes) {
        Activity a = new Activity();
        a.setKind(kind);
        a.setSubject(subject);
        a.setStartsAt(start);
        a.setEndsAt(minutes == 0 ? null : start.plusMinutes(minutes));
        return a;
    }

    @Test
    void theCalendarShowsTheWeeksActivitiesAndCareTasksOfARep() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            String me = f.security.currentUser();
            Customer c = f.customer("苏州精工机械有限公司", null);
            Opportunity deal = f.opportunities.save(OpportunityServiceTest.deal(c, "二期设备", "80000", SalesStage.PROPOSAL, LocalDate.of(2027, 3, 1)));
            LocalDate monday = LocalDate.of(2026, 3, 2);
            Activity visit = activity(ActivityKind.VISIT, "上门演示", monday.atTime(10, 0), 90);
            visit.setCustomerId(c.getId());
            visit.setOpportunityId(deal.getId());
            visit.setLocation("苏州工业园区");
            visit = f.activities.save(visit);
            assertEquals(me, visit.getOwner(), "the signed-in rep owns a new activity");
            f.activities.save(activity(ActivityKind.CALL, "回访报价", monday.plusDays(2).atTime(15, 0), 15));
            Activity other = activity(ActivityKind.MEETING, "周会", monday.plusDays(1).atTime(9, 0), 60);
            other.setOwner("li");
            other.setParticipants("wang," + me);
            f.activities.save(other);
            Activity elsewhere = activity(ActivityKind.MEETING, "华南区会议", monday.plusDays(3).atTime(9, 0), 60);
            elsewhere.setOwner("li");
            f.activities.save(elsewhere);
            Activity nextWeek = f.activities.save(activity(ActivityKind.TASK, "准备合同", monday.plusDays(7).atTime(18, 0), 0));
            new TaskServiceImpl(f.db, f.security, f.audit).create(c.getId(), "生日关怀", monday.plusDays(4));

            List<Entry> week = f.activities.calendar(monday, monday.plusDays(6), new Filter(me));
            assertEquals(List.of("上门演示", "周会", "回访报价", "生日关怀"), week.stream().map(Entry::subject).toList(),
                    "my activities, the meeting I take part in and the care task of my customer; not li's other meeting");
            assertEquals("苏州精工机械有限公司 · 二期设备", week.get(0).about());
            assertEquals(Source.CARE_TASK, week.get(3).source());
            assertTrue(week.get(0).overdue(), "a planned visit in the past is overdue");
            assertEquals(5, f.activities.calendar(monday, monday.plusDays(6), Filter.ALL).size());
            assertEquals(1, f.activities.calendar(monday.plusDays(7), monday.plusDays(7), Filter.ALL).size());
            assertEquals(1, f.activities.ofOpportunity(deal.getId()).size());

            // dragged to Thursday at 14:00: the visit keeps its length
            Activity moved = f.activities.move(visit.getId(), visit.getVersion(), monday.plusDays(3).atTime(14, 0));
            assertEquals(monday.plusDays(3).atTime(15, 30), moved.getEndsAt());
            Activity stale = visit;
            assertThrows(ConflictException.class, () -> f.activities.move(stale.getId(), stale.getVersion(), monday.atTime(8, 0)),
                    "an edit of an older version is reported, not applied");

            Activity done = f.activities.complete(moved.getId(), moved.getVersion(), "客户认可方案，下周报价");
            assertEquals(ActivityStatus.DONE, done.getStatus());
            assertNotNull(done.getInteractionId());
            Interaction logged = new InteractionServiceImpl(f.db, f.security, f.audit).timeline(c.getId(), 5).get(0);
            assertEquals(Channel.VISIT, logged.getChannel());
            assertEquals("客户认可方案，下周报价", logged.getNotes());
            assertThrows(ValidationException.class, () -> f.activities.cancel(done.getId(), done.getVersion(), "x"),
                    "a done activity stays done");

            f.activities.cancel(nextWeek.getId(), nextWeek.getVersion(), "客户推迟");
            assertEquals(0, f.activities.calendar(monday.plusDays(7), monday.plusDays(7), Filter.ALL).size(),
                    "cancelled activities leave the calendar");
        }
    }

    @Test
    void remindersComeDueOnceAndAgainWhenTheActivityMoves() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            LocalDateTime start = LocalDateTime.of(2030, 5, 6, 10, 0);
            Activity call = activity(ActivityKind.CALL, "确认交期", start, 15);
            call.setRemindAt(start.minusMinutes(15));
            call = f.activities.save(call);
            assertEquals(0, f.activities.dueReminders(start.minusMinutes(16)).size());
            assertEquals(1, f.activities.dueReminders(start.minusMinutes(15)).size());
            f.activities.dismissReminder(call.getId());
            assertEquals(0, f.activities.dueReminders(start).size(), "dismissed");
            Activity moved = f.activities.move(call.getId(), f.activities.get(call.getId()).getVersion(), start.plusDays(1));
            assertEquals(start.plusDays(1).minusMinutes(15), moved.getRemindAt());
            assertEquals(1, f.activities.dueReminders(start.plusDays(1)).size(), "a moved activity reminds again");
        }
    }

    @Test
    void anActivityNeedsASubjectAStartAndAnEndAfterIt() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Activity a = activity(ActivityKind.MEETING, " ", LocalDateTime.of(2027, 1, 1, 10, 0), 0);
            a.setEndsAt(LocalDateTime.of(2027, 1, 1, 9, 0));
            ValidationException e = assertThrows(ValidationException.class, () -> f.activities.save(a));
            assertEquals(List.of("subject", "endsAt"), e.getErrors().stream().map(x -> x.field()).toList());
            assertEquals("End cannot be before the start.", e.getErrors().get(1).message());
        }
    }
}
