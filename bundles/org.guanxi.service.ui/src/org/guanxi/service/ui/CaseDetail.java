package org.guanxi.service.ui;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CaseNote;
import org.guanxi.core.model.CaseStatus;
import org.guanxi.core.model.Complaint;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.model.Survey;
import org.guanxi.core.service.CaseService;
import org.guanxi.core.service.CaseService.Queue;
import org.guanxi.service.api.ComplaintService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.service.api.KnowledgeBase;
import org.guanxi.core.service.SurveyService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

/**
 * One case at work: its facts and deadlines, a complaint's classification and recovery, the timeline, and the actions
 * its state allows (reply, note, knowledge base, wait, resolve, close, reopen, transfer; for complaints resolve with
 * root cause and compensation, the customer's confirmation, closure without an answer, the follow-up score).
 */
final class CaseDetail {

    private final CaseService cases;
    private final ComplaintService complaints;
    private final KnowledgeBase knowledge;
    private final CustomerService customers;
    private final SurveyService surveys;
    private final Runnable changed;

    private final Group box;
    private final Label title;
    private final Map<String, Label> facts = new LinkedHashMap<>();
    private final Composite complaintFacts;
    private final Text description;
    private final TableViewer timeline;
    private final Text reply;
    private final Map<String, Button> buttons = new LinkedHashMap<>();
    private ServiceCase current;
    private Complaint complaint;

    CaseDetail(Composite parent, CaseService cases, ComplaintService complaints, KnowledgeBase knowledge,
            CustomerService customers, SurveyService surveys, Runnable changed) {
        this.cases = cases;
        this.complaints = complaints;
        this.knowledge = knowledge;
        this.customers = customers;
        this.surveys = surveys;
        this.changed = changed;
        box = new Group(parent, SWT.NONE);
        box.setText(Messages.get("detail.title"));
        GridLayoutFactory.fillDefaults().margins(8, 6).applyTo(box);
        title = Widgets.id(new Label(box, SWT.WRAP), "detail.heading");
        title.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);

        Composite grid = new Composite(box, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(grid);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(10, 3).applyTo(grid);
        for (String key : List.of("customer", "tier", "kind", "phase", "channel", "priority", "queue", "assignee",
                "status", "escalation")) {
            fact(grid, facts, key);
        }
        // the deadlines take a row each: their texts are the longest
        for (String key : List.of("firstResponse", "resolution")) {
            fact(grid, facts, key);
            GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(facts.get(key));
        }
        complaintFacts = new Composite(box, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(complaintFacts);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(10, 3).applyTo(complaintFacts);
        for (String key : List.of("category", "severity", "department", "rootCause", "compensation", "verdict")) {
            fact(complaintFacts, facts, key);
        }

        description = Widgets.id(new Text(box, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER), "detail.description");
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 48).applyTo(description);

        timeline = Tables.viewer(box, SWT.BORDER | SWT.FULL_SELECTION, "detail.timeline");
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 120).applyTo(timeline.getTable());
        Columns.add(timeline, CaseNote.class, Messages.get("timeline.col.time"), 90, n -> Times.moment(n.getCreatedAt()));
        Columns.add(timeline, CaseNote.class, Messages.get("timeline.col.who"), 70, CaseNote::getAuthor);
        Columns.add(timeline, CaseNote.class, Messages.get("timeline.col.kind"), 110, n -> Labels.of(n.getKind()));
        Columns.add(timeline, CaseNote.class, Messages.get("timeline.col.text"), 360, CaseDetail::describe);

        reply = Widgets.id(new Text(box, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER), "detail.reply");
        reply.setMessage(Messages.get("detail.reply.hint"));
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 60).applyTo(reply);

        Composite actions = new Composite(box, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        org.eclipse.swt.layout.RowLayout rows = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        rows.marginLeft = 0;
        rows.spacing = 4;
        actions.setLayout(rows);
        action(actions, "reply", this::sendReply);
        action(actions, "note", this::addNote);
        action(actions, "knowledge", this::searchKnowledge);
        action(actions, "wait", () -> work(id -> cases.waitForCustomer(id, reply.getText()), true));
        action(actions, "resolve", this::resolve);
        action(actions, "close", () -> work(cases::close, false));
        action(actions, "confirm", this::confirm);
        action(actions, "closeWithoutAnswer", this::closeWithoutAnswer);
        action(actions, "followUp", this::followUp);
        action(actions, "reopen", this::reopen);
        action(actions, "transfer", this::transfer);
        action(actions, "survey", this::survey);
        action(actions, "take", () -> work(cases::take, false));
        show(null);
    }

    private static void fact(Composite grid, Map<String, Label> facts, String key) {
        Label name = new Label(grid, SWT.NONE);
        name.setText(Messages.get("detail." + key));
        Label value = Widgets.id(new Label(grid, SWT.NONE), "detail." + key);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
        facts.put(key, value);
    }

    private void action(Composite parent, String key, Runnable run) {
        buttons.put(key, Widgets.button(parent, "detail." + key, Messages.get("detail." + key), run));
    }

    /** Shows a case, or nothing; the reply being typed stays while the same case is shown again. */
    void show(Long caseId) {
        if (box.isDisposed()) {
            return;
        }
        Long before = current == null ? null : current.getId();
        try {
            current = caseId == null ? null : cases.get(caseId);
            complaint = current != null && current.getKind() == CaseKind.COMPLAINT ? complaints.complaint(caseId) : null;
        } catch (RuntimeException e) {
            current = null;
            complaint = null;
            Errors.show(box.getShell(), e);
        }
        if (current == null || !current.getId().equals(before)) {
            reply.setText("");
        }
        render();
    }

    private void render() {
        ServiceCase c = current;
        title.setText(c == null ? Messages.get("detail.none") : c.getCaseNo() + "  " + c.getSubject());
        if (c != null) {
            Instant now = AppClock.now();
            set("customer", customerName(c));
            set("tier", Labels.of(c.getTier()));
            set("kind", Labels.of(c.getKind()));
            set("phase", Labels.of(c.getPhase()));
            set("channel", Labels.of(c.getChannel()));
            set("priority", Labels.of(c.getPriority()));
            set("queue", queueName(c.getQueue()));
            set("assignee", c.getAssignee() == null ? Messages.get("detail.unassigned") : c.getAssignee());
            set("status", Labels.of(c.getStatus()));
            set("escalation", c.getEscalationLevel() == 0 ? "—" : Messages.get("detail.escalation.level", c.getEscalationLevel()));
            set("firstResponse", c.getFirstResponseAt() != null ? Messages.get("detail.answeredAt", Times.moment(c.getFirstResponseAt()))
                    : c.getStatus().isActive() ? Times.due(c.getFirstResponseDue(), now) : "—");
            set("resolution", c.getResolvedAt() != null ? Messages.get("detail.resolvedAt", Times.moment(c.getResolvedAt()))
                    : c.getStatus().isActive() ? Times.due(c.getResolutionDue(), now) : "—");
            description.setText(c.getDescription() == null ? "" : c.getDescription());
            timeline.setInput(cases.timeline(c.getId()));
        } else {
            facts.values().forEach(l -> l.setText(""));
            description.setText("");
            timeline.setInput(List.of());
        }
        boolean isComplaint = complaint != null;
        if (isComplaint) {
            set("category", Labels.of(complaint.getCategory()));
            set("severity", Labels.of(complaint.getSeverity()));
            set("department", Labels.of(complaint.getDepartment()));
            set("rootCause", complaint.getRootCause() == null ? "—" : Labels.of(complaint.getRootCause()));
            set("compensation", compensation(complaint));
            set("verdict", verdict(complaint));
        }
        complaintFacts.setVisible(isComplaint);
        ((org.eclipse.swt.layout.GridData) complaintFacts.getLayoutData()).exclude = !isComplaint;
        enableActions();
        box.layout(true, true);
    }

    private void enableActions() {
        CaseStatus s = current == null ? null : current.getStatus();
        boolean active = s != null && s.isActive();
        boolean isComplaint = complaint != null;
        enable("reply", active);
        enable("note", current != null);
        enable("knowledge", active);
        enable("wait", active && s != CaseStatus.WAITING_CUSTOMER);
        enable("resolve", active);
        enable("close", s == CaseStatus.RESOLVED && !isComplaint);
        enable("confirm", s == CaseStatus.RESOLVED && isComplaint);
        enable("closeWithoutAnswer", s == CaseStatus.RESOLVED && isComplaint);
        enable("followUp", s == CaseStatus.CLOSED && isComplaint);
        enable("reopen", s == CaseStatus.RESOLVED || s == CaseStatus.CLOSED);
        enable("transfer", active);
        enable("take", active && current.getAssignee() == null);
        enable("survey", current != null && !active);
        show("confirm", isComplaint);
        show("closeWithoutAnswer", isComplaint);
        show("followUp", isComplaint);
        show("close", !isComplaint);
    }

    /** Shows or hides an action; a hidden one leaves no gap in the row. */
    private void show(String key, boolean visible) {
        Button b = buttons.get(key);
        b.setVisible(visible);
        org.eclipse.swt.layout.RowData data = new org.eclipse.swt.layout.RowData();
        data.exclude = !visible;
        b.setLayoutData(data);
    }

    private void enable(String key, boolean on) {
        buttons.get(key).setEnabled(on);
    }

    private void set(String key, String text) {
        facts.get(key).setText(text == null ? "" : text);
    }

    private String customerName(ServiceCase c) {
        Customer customer = customers.get(c.getCustomerId());
        return customer.getName() + "（" + customer.getCode() + "）";
    }

    private String queueName(String code) {
        return cases.queues().stream().filter(q -> q.code().equals(code)).findFirst().map(q -> q.name(Locale.getDefault()))
                .orElse(code);
    }

    private static String compensation(Complaint k) {
        if (k.getCompensationAmount() == null) {
            return Labels.of(k.getCompensation());
        }
        return Labels.of(k.getCompensation()) + " " + k.getCompensationAmount().toPlainString();
    }

    private static String verdict(Complaint k) {
        if (k.getVerdict() != null) {
            String score = k.getFollowUpScore() == null ? "" : " · " + Messages.get("detail.score", k.getFollowUpScore());
            return Labels.of(k.getVerdict()) + score;
        }
        return k.getCloseReason() != null ? Messages.get("detail.noAnswer") : "—";
    }

    /** A timeline entry in words: system entries carry their facts, which are put into a sentence here. */
    static String describe(CaseNote n) {
        String[] parts = n.getBody().split("\n", 2);
        return switch (n.getKind()) {
            case ASSIGNED -> Messages.get("timeline.assigned", n.getBody());
            case ESCALATED -> parts.length == 2 ? Messages.get("timeline.escalatedTo", parts[0], parts[1])
                    : Messages.get("timeline.escalated", parts[0]);
            case STATUS -> {
                String status = Labels.of(CaseStatus.valueOf(parts[0]));
                yield parts.length == 2 ? Messages.get("timeline.statusWhy", status, flat(parts[1])) : Messages.get("timeline.status", status);
            }
            default -> flat(n.getBody());
        };
    }

    private static String flat(String s) {
        String one = s.replaceAll("\\s*\\n+\\s*", " · ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    // ----------------------------------------------------------------------------------------------- actions

    private interface Step {
        Object apply(long caseId);
    }

    /** Runs a step on the shown case, shows what goes wrong, and refreshes; {@code clear}: the reply box was used. */
    private void work(Step step, boolean clear) {
        if (current == null) {
            return;
        }
        try {
            step.apply(current.getId());
            if (clear) {
                reply.setText("");
            }
        } catch (RuntimeException e) {
            Errors.show(box.getShell(), e);
        }
        show(current.getId());
        changed.run();
    }

    /** The reply box's text, or a word to the agent that it is empty. */
    private String typed() {
        String text = reply.getText().strip();
        if (text.isEmpty()) {
            MessageDialog.openInformation(box.getShell(), Messages.get("detail.title"), Messages.get("detail.typeFirst"));
            reply.setFocus();
            return null;
        }
        return text;
    }

    private void sendReply() {
        String text = typed();
        if (text != null) {
            work(id -> cases.reply(id, text), true);
        }
    }

    private void addNote() {
        String text = typed();
        if (text != null) {
            work(id -> {
                cases.note(id, text);
                return null;
            }, true);
        }
    }

    private void searchKnowledge() {
        KnowledgeDialog dialog = new KnowledgeDialog(box.getShell(), knowledge, current.getSubject());
        if (dialog.open() == Window.OK && dialog.chosen() != null) {
            work(id -> cases.answerWith(id, dialog.chosen()), false);
        }
    }

    private void resolve() {
        if (complaint != null) {
            ResolutionDialog dialog = new ResolutionDialog(box.getShell(), reply.getText().strip());
            if (dialog.open() == Window.OK) {
                work(id -> complaints.resolve(id, dialog.resolution()), true);
            }
            return;
        }
        String text = typed();
        if (text != null) {
            work(id -> cases.resolve(id, text), true);
        }
    }

    private void confirm() {
        ConfirmationDialog dialog = new ConfirmationDialog(box.getShell());
        if (dialog.open() == Window.OK) {
            work(id -> complaints.confirm(id, dialog.verdict(), dialog.comment()), false);
        }
    }

    private void closeWithoutAnswer() {
        String reason = ask("detail.closeWithoutAnswer", "detail.closeWithoutAnswer.prompt");
        if (reason != null) {
            work(id -> complaints.closeWithoutAnswer(id, reason), false);
        }
    }

    private void reopen() {
        String reason = ask("detail.reopen", "detail.reopen.prompt");
        if (reason != null) {
            work(id -> cases.reopen(id, reason), false);
        }
    }

    private String ask(String titleKey, String promptKey) {
        InputDialog dialog = new InputDialog(box.getShell(), Messages.get(titleKey), Messages.get(promptKey), "",
                text -> text == null || text.isBlank() ? Messages.get("detail.reasonRequired") : null);
        return dialog.open() == Window.OK ? dialog.getValue() : null;
    }

    /** The satisfaction call after a case is settled; its answers are a survey response of this case. */
    private void survey() {
        Survey standard = SurveyDialog.standard(surveys.surveys());
        if (standard != null && new SurveyDialog(box.getShell(), surveys, standard, current.getCustomerId(),
                current.getId()).open() == Window.OK) {
            work(id -> {
                cases.note(id, Messages.get("detail.surveyDone", standard.name(Locale.getDefault())));
                return null;
            }, false);
        }
    }

    private void transfer() {
        List<Queue> queues = cases.queues();
        popup(buttons.get("transfer"), queues.stream().filter(q -> !q.code().equals(current.getQueue()))
                .map(q -> Map.entry(q.name(Locale.getDefault()), (Runnable) () -> work(id -> cases.transfer(id, q.code()), false)))
                .toList());
    }

    private void followUp() {
        popup(buttons.get("followUp"), java.util.stream.IntStream.rangeClosed(1, 5).boxed()
                .map(score -> Map.entry("★".repeat(score) + "  " + Messages.get("score." + score), (Runnable) () -> work(id -> {
                    complaints.followUp(id, score);
                    return null;
                }, false))).toList());
    }

    /** A drop-down menu under {@code under} with one item per choice. */
    private static void popup(Button under, List<Map.Entry<String, Runnable>> choices) {
        Menu menu = new Menu(under);
        choices.forEach(choice -> {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(choice.getKey());
            item.addListener(SWT.Selection, e -> choice.getValue().run());
        });
        Point at = under.toDisplay(0, under.getSize().y);
        menu.setLocation(at);
        menu.setVisible(true);
    }

    /** For tests and the desk: the case shown. */
    ServiceCase current() {
        return current;
    }
}
