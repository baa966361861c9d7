package org.guanxi.service.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CaseStatus;
import org.guanxi.core.service.CaseService;
import org.guanxi.core.service.CaseService.CaseQuery;
import org.guanxi.core.service.CaseService.CaseRow;
import org.guanxi.core.service.CaseService.Queue;
import org.guanxi.service.api.ComplaintService;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerService;
import org.guanxi.service.api.KnowledgeBase;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.SurveyService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The agent desk (客服工作台): a call is taken here (the number typed, or pushed by the telephony adapter), cases and
 * complaints are opened, and the work list shows the agent's or a queue's active cases with their deadlines, most
 * pressing first. The selected case is worked on the right.
 */
public class AgentDeskPart {

    static final String ID = "org.guanxi.service.ui.part.desk";

    private enum View { MINE, ACTIVE, OVERDUE, CLOSED }

    @Inject
    private CaseService cases;

    @Inject
    private ComplaintService complaints;

    @Inject
    private KnowledgeBase knowledge;

    @Inject
    private CustomerService customers;

    @Inject
    private SecurityService security;

    @Inject
    private SurveyService surveys;

    @Inject
    private LoyaltyService loyalty;

    @Inject
    private IEventBroker broker;

    private Text phone;
    private Label caller;
    private CustomerRow callerRow;
    private Combo queue;
    private Combo view;
    private Label summary;
    private TableViewer list;
    private CaseDetail detail;
    private List<Queue> queues = List.of();
    private ActiveCall activeCall;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(8, 8).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(13).applyTo(bar);

        new Label(bar, SWT.NONE).setText(Messages.get("desk.phone"));
        phone = Widgets.id(new Text(bar, SWT.BORDER | SWT.SEARCH), "desk.phone");
        phone.setMessage(Messages.get("desk.phone.hint"));
        GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(phone);
        phone.addListener(SWT.DefaultSelection, e -> takeCall());
        Widgets.button(bar, "desk.takeCall", Messages.get("desk.takeCall"), this::takeCall);
        caller = Widgets.id(new Label(bar, SWT.NONE), "desk.caller");
        separator(bar);
        Widgets.button(bar, "desk.newCase", Messages.get("desk.newCase"), () -> newCase(CaseKind.REQUEST));
        Widgets.button(bar, "desk.newComplaint", Messages.get("desk.newComplaint"), () -> newCase(CaseKind.COMPLAINT));
        Widgets.button(bar, "desk.points", Messages.get("desk.points"), this::points);
        separator(bar);
        new Label(bar, SWT.NONE).setText(Messages.get("desk.queue"));
        queue = Widgets.id(new Combo(bar, SWT.READ_ONLY), "desk.queue");
        queue.addListener(SWT.Selection, e -> reload());
        view = Widgets.id(new Combo(bar, SWT.READ_ONLY), "desk.view");
        for (View v : View.values()) {
            view.add(Messages.get("desk.view." + v.name()));
        }
        view.select(View.ACTIVE.ordinal());
        view.addListener(SWT.Selection, e -> reload());
        summary = Widgets.id(new Label(bar, SWT.NONE), "desk.summary");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(summary);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        Group left = new Group(sash, SWT.NONE);
        left.setText(Messages.get("desk.cases"));
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(left);
        list = Tables.viewer(left, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "desk.cases");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(list.getTable());
        columns();
        detail = new CaseDetail(sash, cases, complaints, knowledge, customers, surveys, this::reloadKeepingSelection);
        sash.setWeights(55, 45);
        list.addSelectionChangedListener(e -> Tables.selected(list, CaseRow.class).ifPresentOrElse(r -> detail.show(r.id()),
                () -> detail.show(null)));
        fillQueues();
        reload();
    }

    private static void separator(Composite bar) {
        Label l = new Label(bar, SWT.SEPARATOR | SWT.VERTICAL);
        GridDataFactory.fillDefaults().hint(SWT.DEFAULT, 22).applyTo(l);
    }

    private void columns() {
        Color red = list.getTable().getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        // the columns an agent decides by come first: the table is half the desk wide
        column("desk.col.caseNo", 84, CaseRow::caseNo);
        column("desk.col.customer", 120, CaseRow::customerName);
        column("desk.col.subject", 130, CaseRow::subject);
        TableViewerColumn due = new TableViewerColumn(list, SWT.NONE);
        due.getColumn().setText(Messages.get("desk.col.due"));
        due.getColumn().setWidth(245);
        due.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                CaseRow r = (CaseRow) element;
                if (!r.status().isActive()) {
                    return "";
                }
                return Messages.get(r.firstResponseAt() == null ? "desk.replyBy" : "desk.resolveBy", Times.due(r.nextDue(), AppClock.now()));
            }

            @Override
            public Color getForeground(Object element) {
                CaseRow r = (CaseRow) element;
                return r.status().isActive() && r.nextDue().isBefore(AppClock.now()) ? red : null;
            }
        });
        column("desk.col.priority", 50, r -> Labels.of(r.priority()));
        column("desk.col.status", 70, r -> Labels.of(r.status()));
        column("desk.col.kind", 70, r -> Labels.of(r.kind()));
        column("desk.col.tier", 70, r -> Labels.of(r.tier()));
        column("desk.col.assignee", 80, CaseRow::assignee);
        column("desk.col.escalation", 50, r -> r.escalationLevel() == 0 ? "" : "▲" + r.escalationLevel());
    }

    private void column(String key, int width, java.util.function.Function<CaseRow, String> text) {
        org.guanxi.ui.common.Columns.add(list, CaseRow.class, Messages.get(key), width, text);
    }

    private void fillQueues() {
        queues = cases.queues();
        queue.removeAll();
        queue.add(Messages.get("desk.queue.all"));
        Locale locale = Locale.getDefault();
        queues.forEach(q -> queue.add(q.name(locale)));
        queue.select(0);
    }

    /** A caller's number: the same event a telephony adapter posts, so that the 360° view pops for it. */
    private void takeCall() {
        String number = phone.getText().strip();
        if (number.isEmpty()) {
            phone.setFocus();
            return;
        }
        broker.post(Topics.CALL_INCOMING, Map.of(Topics.PROPERTY_PHONE, number));
    }

    private void newCase(CaseKind kind) {
        ActiveCall call = activeCall;
        CaseDialog dialog = new CaseDialog(list.getTable().getShell(), kind, cases, complaints, customers, queues,
                callerRow == null ? null : callerRow.id(), call == null ? null : call.call().queue());
        if (dialog.open() == Window.OK && dialog.created() != null) {
            if (call != null) {
                call.caseOpened(dialog.created().getId());
            }
            view.select(View.ACTIVE.ordinal());
            queue.select(0);
            reload();
            select(dialog.created().getId());
        }
    }

    /** The points of the caller, or else of the selected case's customer. */
    private void points() {
        Long id = callerRow != null ? callerRow.id() : Tables.selected(list, CaseRow.class).map(CaseRow::customerId).orElse(null);
        String name = callerRow != null ? callerRow.name() : Tables.selected(list, CaseRow.class).map(CaseRow::customerName).orElse(null);
        if (id == null) {
            org.eclipse.jface.dialogs.MessageDialog.openInformation(list.getTable().getShell(), Messages.get("desk.points"),
                    Messages.get("desk.points.who"));
            return;
        }
        new PointsDialog(list.getTable().getShell(), loyalty, id, name).open();
    }

    private CaseQuery query() {
        String q = queue.getSelectionIndex() <= 0 ? null : queues.get(queue.getSelectionIndex() - 1).code();
        return switch (View.values()[Math.max(0, view.getSelectionIndex())]) {
            case MINE -> new CaseQuery(q, security.currentUser(), CaseQuery.activeStatuses(), null, null, false, 500);
            case ACTIVE -> new CaseQuery(q, null, CaseQuery.activeStatuses(), null, null, false, 500);
            case OVERDUE -> new CaseQuery(q, null, null, null, null, true, 500);
            case CLOSED -> new CaseQuery(q, null, Set.of(CaseStatus.RESOLVED, CaseStatus.CLOSED), null, null, false, 200);
        };
    }

    void reload() {
        if (list == null || list.getTable().isDisposed()) {
            return;
        }
        try {
            List<CaseRow> rows = cases.find(query());
            list.setInput(rows);
            Instant now = AppClock.now();
            long overdue = rows.stream().filter(r -> r.overdue(now)).count();
            summary.setText(Messages.get("desk.summary", rows.size(), overdue));
            summary.getParent().layout();
        } catch (RuntimeException e) {
            Errors.show(list.getTable().getShell(), e);
        }
    }

    private void reloadKeepingSelection() {
        Long id = Tables.selected(list, CaseRow.class).map(CaseRow::id).orElse(null);
        reload();
        if (id != null) {
            select(id);
        }
    }

    /** Selects a case in the list, if it is shown, and works it on the right in any case. */
    void select(long caseId) {
        @SuppressWarnings("unchecked")
        List<CaseRow> rows = new ArrayList<>((List<CaseRow>) list.getInput());
        rows.stream().filter(r -> r.id() == caseId).findFirst()
                .ifPresentOrElse(r -> list.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r), true),
                        () -> detail.show(caseId));
    }

    /**
     * A call, taken here or announced by the telephony adapter: the caller stays on the desk, and new cases are for
     * them, while the 360° view pops with their history.
     */
    @Inject
    @Optional
    void onCall(@UIEventTopic(Topics.CALL_INCOMING) Event event) {
        Object number = event.getProperty(Topics.PROPERTY_PHONE);
        if (caller == null || caller.isDisposed() || number == null) {
            return;
        }
        try {
            List<CustomerRow> found = customers.find(number.toString(), 0, 1);
            callerRow = found.isEmpty() ? null : found.get(0);
            caller.setText(callerRow == null ? Messages.get("desk.caller.unknown", number)
                    : Messages.get("desk.caller.known", callerRow.name(), number));
            caller.getParent().layout();
        } catch (RuntimeException e) {
            Errors.show(caller.getShell(), e);
        }
    }

    /** The call on the bar, while there is one: new cases are in its IVR queue and what it was about. */
    @Inject
    @Optional
    void onActiveCall(ActiveCall call) {
        activeCall = call;
    }

    /** A case changed here or elsewhere; customers changed (renamed, or the demo data arrived on first start). */
    @Inject
    @Optional
    void onChange(@UIEventTopic(Topics.CASE_CHANGED) Event event) {
        if (detail != null) {
            reloadKeepingSelection();
        }
    }

    @Inject
    @Optional
    void onCustomers(@UIEventTopic(Topics.CUSTOMER_CHANGED) Event event) {
        onChange(event);
    }

    @Focus
    void focus() {
        phone.setFocus();
    }
}
