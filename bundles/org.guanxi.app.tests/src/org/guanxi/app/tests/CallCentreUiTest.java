package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.core.model.CallEntryStatus;
import org.guanxi.service.api.CallCentre;
import org.guanxi.service.api.CallCentre.Call;
import org.guanxi.service.api.CallCentre.CallList;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerService;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The call centre in the real workbench: a call announced by the telephony adapter with the caller's IVR keys is
 * logged in their queue and wrapped up from the call bar; an outbound satisfaction call runs the survey script and
 * completes its list entry; the IVR simulator walks the menu; the agent figures count the calls.
 */
class CallCentreUiTest {

    @Test
    void inboundOutboundIvrAndFigures() throws Exception {
        Ui.inWorkbench(CallCentreUiTest::check);
    }

    private static void check(Shell shell) {
        CallCentre calls = Ui.service(CallCentre.class);
        Ui.waitUntil("the demo call list", 120, () -> !calls.lists().isEmpty());

        // inbound: the adapter's event with the keys the caller pressed (2, then 1: "where is my order")
        CustomerRow caller = Ui.service(CustomerService.class).find("C00001", 0, 50).stream()
                .filter(c -> c.phone() != null).findFirst().orElseThrow();
        Ui.service(EventAdmin.class).postEvent(new Event(Topics.CALL_INCOMING,
                Map.of(Topics.PROPERTY_PHONE, caller.phone(), Topics.PROPERTY_IVR, "21")));
        Label bar = Ui.await(shell, "call.bar");
        Ui.waitUntil("the call on the bar", 20, () -> bar.getText().contains(caller.name()));
        assertTrue(bar.getText().contains("Orders and delivery"), bar.getText());
        Ui.screenshot(shell, "call-bar.png");
        Ui.pump(1200);
        boolean[] wrapped = { false };
        shell.getDisplay().timerExec(800, () -> {
            Shell dialog = Ui.dialog(shell);
            ((Text) Ui.byId(dialog, "call.note")).setText("Delivery date given");
            Ui.screenshot(dialog, "call-wrap-up.png");
            Ui.click(Ui.button(dialog, "OK"));
            wrapped[0] = true;
        });
        Ui.click(Ui.<Button>byId(shell, "call.end"));
        Ui.waitUntil("the wrap-up", 30, () -> wrapped[0]);
        Call logged = calls.calls(caller.id(), 1).get(0);
        assertEquals("ORDERS", logged.queue());
        assertEquals("21", logged.ivrKeys());
        assertEquals(CallDisposition.COMPLETED, logged.disposition());
        assertTrue(logged.resolved(), "an inbound call is settled unless the agent says otherwise");
        assertEquals("Delivery date given", logged.note());
        assertNotNull(logged.endedAt());
        Ui.waitUntil("the bar free again", 10, () -> bar.getText().contains("No call"));

        // outbound: the demo satisfaction list, the next customer due, the survey, completed
        Ui.showPerspective("org.guanxi.service.ui.perspective.calls");
        Combo list = Ui.await(shell, "calls.list");
        CallList demo = calls.lists().get(0);
        Ui.waitUntil("the lists", 10, () -> list.getItemCount() > 0);
        assertEquals(demo.name(), list.getText());
        Ui.click(Ui.<Button>byId(shell, "calls.next"));
        Label callee = Ui.byId(shell, "calls.callee");
        Ui.waitUntil("the call under way", 10, () -> Ui.<Button>byId(shell, "calls.end").isEnabled());
        Text script = Ui.byId(shell, "calls.script");
        assertTrue(!script.getText().contains("{name}"), "the script names the customer");
        Ui.screenshot(shell, "outbound-call.png");
        boolean[] surveyed = { false };
        shell.getDisplay().timerExec(800, () -> {
            Shell dialog = Ui.dialog(shell);
            for (int q = 1; q <= 8; q++) {
                Combo score = Ui.byId(dialog, "survey.q" + q);
                score.select(score.getItemCount() - 2);
            }
            Ui.click(Ui.button(dialog, "OK"));
            surveyed[0] = true;
        });
        Ui.click(Ui.<Button>byId(shell, "calls.survey"));
        Ui.waitUntil("the survey script", 30, () -> surveyed[0]);
        boolean[] ended = { false };
        shell.getDisplay().timerExec(800, () -> {
            Ui.click(Ui.button(Ui.dialog(shell), "OK"));
            ended[0] = true;
        });
        Ui.click(Ui.<Button>byId(shell, "calls.end"));
        Ui.waitUntil("the outbound wrap-up", 30, () -> ended[0]);
        Ui.waitUntil("ready for the next", 10, () -> Ui.<Button>byId(shell, "calls.next").isEnabled());
        assertTrue(callee.getText().startsWith("Press"), callee.getText());
        var done = calls.entries(demo.id()).stream().filter(e -> e.responseId() != null && e.status() == CallEntryStatus.DONE)
                .toList();
        assertEquals(1, done.size(), "the call's survey response is on its entry");

        // the IVR simulator walks the saved menu
        CTabFolder tabs = Ui.byId(shell, "calls.tabs");
        tabs.setSelection(1);
        Ui.click(Ui.<Button>byId(shell, "ivr.key.2"));
        Text heard = Ui.byId(shell, "ivr.heard");
        assertTrue(heard.getText().contains("Press 1: Where is my order"), heard.getText());
        Ui.click(Ui.<Button>byId(shell, "ivr.key.1"));
        assertTrue(heard.getText().contains("The call goes to queue: Orders and delivery"), heard.getText());
        Ui.screenshot(shell, "ivr-simulator.png");

        // the figures of the last 30 days count both calls of this agent
        tabs.setSelection(2);
        Ui.fire(tabs, org.eclipse.swt.SWT.Selection);
        Table agents = Ui.byId(shell, "figures.agents");
        Ui.waitUntil("the agents' figures", 10, () -> agents.getItemCount() > 1);
        assertEquals("All agents", agents.getItem(agents.getItemCount() - 1).getText(0));
        Ui.screenshot(shell, "agent-figures.png");
    }
}
