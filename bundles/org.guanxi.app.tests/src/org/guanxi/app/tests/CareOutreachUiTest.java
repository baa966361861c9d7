package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.marketing.api.CareOutreach;
import org.guanxi.marketing.api.CareOutreach.Outreach;
import org.guanxi.core.service.Outbox;
import org.junit.jupiter.api.Test;

/**
 * Care execution in the real workbench: the demo's care tasks wait beside the agent desk with their greetings ready;
 * an SMS sent from there is queued for the gateway and its task leaves the list.
 */
class CareOutreachUiTest {

    @Test
    void aCareGreetingIsSentFromTheWorkList() throws Exception {
        Ui.inWorkbench(CareOutreachUiTest::check);
    }

    private static void check(Shell shell) {
        CareOutreach outreach = Ui.service(CareOutreach.class);
        LocalDate week = AppClock.today().plusDays(7);
        Ui.waitUntil("the demo's care tasks", 120, () -> outreach.due(week, null, 500).stream().anyMatch(o -> o.smsBlocked() == null));
        Ui.showPerspective("org.guanxi.service.ui.perspective.desk");
        Ui.activatePart("org.guanxi.service.ui.part.careOutreach");
        Table tasks = Ui.await(shell, "care.tasks");
        Ui.click(Ui.<Button>byId(shell, "care.reload"));
        Ui.waitUntil("the care tasks listed", 20, () -> tasks.getItemCount() > 0);

        Outreach target = outreach.due(week, null, 500).stream().filter(o -> o.smsBlocked() == null).findFirst().orElseThrow();
        int row = outreach.due(week, null, 500).indexOf(target);
        tasks.setSelection(row);
        Ui.fire(tasks, org.eclipse.swt.SWT.Selection);
        Text sms = Ui.byId(shell, "care.smsText");
        Ui.waitUntil("the prepared SMS", 10, () -> sms.getText().equals(target.sms()));
        Ui.screenshot(shell, "care-greetings.png");
        int before = tasks.getItemCount();
        Ui.pump(300);

        shell.getDisplay().timerExec(800, () -> Ui.click(Ui.button(Ui.dialog(shell), "OK")));
        Ui.click(Ui.<Button>byId(shell, "care.sendSms"));
        Ui.waitUntil("the task done", 20, () -> tasks.getItemCount() == before - 1);
        assertEquals(1, Ui.service(Outbox.class).of("Task", target.taskId()).size(), "the SMS is queued for the gateway");
        assertTrue(outreach.due(week, null, 500).stream().noneMatch(o -> o.taskId() == target.taskId()));
        Ui.activatePart("org.guanxi.service.ui.part.desk");
    }
}
