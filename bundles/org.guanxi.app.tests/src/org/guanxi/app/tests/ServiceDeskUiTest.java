package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.model.Compensation;
import org.guanxi.core.model.RootCause;
import org.guanxi.core.service.AuditLog;
import org.guanxi.service.api.CallCentre;
import org.guanxi.service.api.CallCentre.Call;
import org.guanxi.core.service.CaseService;
import org.guanxi.core.service.CaseService.CaseQuery;
import org.guanxi.core.service.CaseService.CaseRow;
import org.guanxi.core.service.CaseService.NewCase;
import org.guanxi.core.service.CaseService.Queue;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.SecurityService;
import org.junit.jupiter.api.Test;

/**
 * The agent desk in the real workbench: a call taken by number pops the caller's 360° view and stays on the desk; a
 * complaint filed for the caller walks from intake through resolution with a refund to the customer's confirmed
 * closure, with its audit trail; the complaint analysis counts it.
 */
class ServiceDeskUiTest {

    private static final String SUBJECT = "Washing machine leaks when spinning";

    @Test
    void aCallPopsTheCallerAndTheirComplaintWalksToConfirmedClosure() throws Exception {
        Ui.inWorkbench(ServiceDeskUiTest::check);
    }

    @Test
    void takeItMakesAnUnassignedCaseTheAgents() throws Exception {
        Ui.inWorkbench(shell -> {
            CaseService cases = Ui.service(CaseService.class);
            Queue queue = cases.queues().get(0);
            // a queue without members leaves a new case to whoever takes it
            cases.saveQueue(queue.code(), queue.supervisor(), List.of());
            try {
                long customer = Ui.service(CustomerService.class).find("C00000", 0, 1).get(0).id();
                ServiceCase open = cases.open(new NewCase(customer, CaseKind.REQUEST, CasePhase.AFTER_SALE, CasePriority.NORMAL,
                        Channel.PHONE, queue.code(), "Nobody has this one yet", "Left for whoever takes it.", null));
                assertNull(open.getAssignee());

                Ui.showPerspective("org.guanxi.service.ui.perspective.desk");
                Ui.activatePart("org.guanxi.service.ui.part.desk");
                Combo view = Ui.byId(shell, "desk.view");
                view.select(1); // active cases, whoever has them
                Ui.fire(view, SWT.Selection);
                Table list = Ui.await(shell, "desk.cases");
                Ui.waitUntil("the new case in the list", 30, () -> index(list, open.getId()) >= 0);
                list.setSelection(index(list, open.getId()));
                Ui.fire(list, SWT.Selection);
                Button take = Ui.byId(shell, "detail.take");
                Ui.waitUntil("Take it offered", 10, take::isEnabled);
                Ui.click(take);
                String me = Ui.service(SecurityService.class).currentUser();
                Ui.waitUntil("the case assigned to the agent who took it", 10,
                        () -> me.equals(cases.get(open.getId()).getAssignee()));
            } finally {
                cases.saveQueue(queue.code(), queue.supervisor(), queue.members());
            }
        });
    }

    private static int index(Table list, long caseId) {
        for (int i = 0; i < list.getItemCount(); i++) {
            if (list.getItem(i).getData() instanceof CaseRow r && r.id() == caseId) {
                return i;
            }
        }
        return -1;
    }

    private static void check(Shell shell) {
        CaseService cases = Ui.service(CaseService.class);
        Ui.showPerspective("org.guanxi.service.ui.perspective.desk");
        Ui.activatePart("org.guanxi.service.ui.part.desk");
        Table list = Ui.await(shell, "desk.cases");
        Ui.waitUntil("the demo cases on the desk", 120, () -> list.getItemCount() > 0);
        Ui.screenshot(shell, "agent-desk.png");

        CustomerRow caller = Ui.service(CustomerService.class).find("C00000", 0, 50).stream()
                .filter(c -> c.phone() != null).findFirst().orElseThrow();
        Text phone = Ui.byId(shell, "desk.phone");
        phone.setText(caller.phone());
        Ui.click(Ui.<Button>byId(shell, "desk.takeCall"));
        Label title = Ui.await(shell, "c360.title");
        Ui.waitUntil("the screen pop", 20, () -> title.isVisible() && title.getText().startsWith(caller.name()));
        Table history = Ui.byId(shell, "c360.caseTable");
        int casesBefore = history.getItemCount();

        Ui.showPerspective("org.guanxi.service.ui.perspective.desk");
        Ui.activatePart("org.guanxi.service.ui.part.desk");
        Label onTheLine = Ui.byId(shell, "desk.caller");
        assertTrue(onTheLine.getText().contains(caller.name()), onTheLine.getText());

        Display display = shell.getDisplay();
        boolean[] filed = { false };
        display.timerExec(800, () -> {
            Shell dialog = Ui.dialog(shell);
            assertTrue(((Combo) Ui.byId(dialog, "case.customer")).getText().contains(caller.code()), "the caller is preset");
            ((Combo) Ui.byId(dialog, "case.category")).select(0);
            ((Combo) Ui.byId(dialog, "case.severity")).select(1);
            ((Text) Ui.byId(dialog, "case.subject")).setText(SUBJECT);
            ((Text) Ui.byId(dialog, "case.description")).setText("Water on the floor after every wash.");
            Ui.screenshot(dialog, "complaint-dialog.png");
            Ui.click(Ui.button(dialog, "OK"));
            filed[0] = true;
        });
        Ui.click(Ui.<Button>byId(shell, "desk.newComplaint"));
        Ui.waitUntil("the complaint dialog", 30, () -> filed[0]);
        Label heading = Ui.byId(shell, "detail.heading");
        Ui.waitUntil("the new complaint on the desk", 10, () -> heading.getText().endsWith(SUBJECT));
        CaseRow filedCase = cases.find(new CaseQuery(null, null, null, caller.id(), CaseKind.COMPLAINT, false, 50)).stream()
                .filter(r -> r.subject().equals(SUBJECT)).findFirst().orElseThrow();
        assertEquals("Complaints", ((Label) Ui.byId(shell, "detail.queue")).getText());
        assertEquals("High", ((Label) Ui.byId(shell, "detail.priority")).getText(), "a major complaint is urgent business");
        assertFalse(Ui.<Button>byId(shell, "detail.confirm").isEnabled(), "nothing to confirm before a resolution");

        ((Text) Ui.byId(shell, "detail.reply")).setText("We replace the drain hose and refund 88 yuan.");
        boolean[] resolved = { false };
        display.timerExec(800, () -> {
            Shell dialog = Ui.dialog(shell);
            ((Combo) Ui.byId(dialog, "resolution.rootCause")).select(RootCause.PRODUCT_DEFECT.ordinal());
            Combo compensation = Ui.byId(dialog, "resolution.compensation");
            compensation.select(Compensation.REFUND.ordinal());
            Ui.fire(compensation, SWT.Selection);
            ((Text) Ui.byId(dialog, "resolution.amount")).setText("88");
            Ui.screenshot(dialog, "complaint-resolution.png");
            Ui.click(Ui.button(dialog, "OK"));
            resolved[0] = true;
        });
        Ui.click(Ui.<Button>byId(shell, "detail.resolve"));
        Ui.waitUntil("the resolution dialog", 30, () -> resolved[0]);
        Label status = Ui.byId(shell, "detail.status");
        Ui.waitUntil("the complaint resolved", 10, () -> "Resolved".equals(status.getText()));
        assertEquals(1, Ui.service(Outbox.class).of("Complaint", filedCase.id()).size(), "the refund is queued for the ERP");

        boolean[] confirmed = { false };
        display.timerExec(800, () -> {
            Shell dialog = Ui.dialog(shell);
            ((Combo) Ui.byId(dialog, "confirmation.verdict")).select(0);
            ((Text) Ui.byId(dialog, "confirmation.comment")).setText("Fixed quickly, thank you");
            Ui.click(Ui.button(dialog, "OK"));
            confirmed[0] = true;
        });
        Ui.click(Ui.<Button>byId(shell, "detail.confirm"));
        Ui.waitUntil("the confirmation dialog", 30, () -> confirmed[0]);
        Ui.waitUntil("the complaint closed", 10, () -> "Closed".equals(status.getText()));
        assertTrue(((Label) Ui.byId(shell, "detail.verdict")).getText().startsWith("Satisfied"));
        assertTrue(((Table) Ui.byId(shell, "detail.timeline")).getItemCount() >= 4, "assigned, reply, resolved, closed");
        Ui.screenshot(shell, "complaint-closed.png");

        List<String> trail = Ui.service(AuditLog.class).history("ServiceCase", filedCase.id()).stream()
                .filter(a -> "status".equals(a.getField())).map(AuditEntry::getNewValue).toList();
        assertEquals(List.of("OPEN", "RESOLVED", "CLOSED"), trail);

        // the call is wrapped up: it was about the complaint filed during it
        boolean[] wrapped = { false };
        display.timerExec(800, () -> {
            Ui.click(Ui.button(Ui.dialog(shell), "OK"));
            wrapped[0] = true;
        });
        Ui.click(Ui.<Button>byId(shell, "call.end"));
        Ui.waitUntil("the call's wrap-up", 30, () -> wrapped[0]);
        Call call = Ui.service(CallCentre.class).calls(caller.id(), 1).get(0);
        assertEquals(filedCase.id(), call.caseId(), "the call is linked to the complaint opened while it lasted");
        assertNotNull(call.endedAt());

        Ui.showPerspective("org.guanxi.customer.ui.perspective.customer360");
        Ui.waitUntil("the complaint in the caller's history", 10, () -> history.getItemCount() == casesBefore + 1);

        Ui.showPerspective("org.guanxi.service.ui.perspective.complaints");
        Label summary = Ui.await(shell, "complaints.summary");
        Ui.waitUntil("the complaint analysis", 10, () -> summary.getText().contains("complaints"));
        Ui.screenshot(shell, "complaint-analysis.png");
    }
}
