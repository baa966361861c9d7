package org.guanxi.service.ui;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Survey;
import org.guanxi.service.api.CallCentre;
import org.guanxi.service.api.CallCentre.Call;
import org.guanxi.service.api.CallCentre.CallList;
import org.guanxi.service.api.CallCentre.Entry;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.core.service.SurveyService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

/**
 * Outbound calling (外呼): the agent picks a call list, takes the next customer due (callbacks first), reads the
 * script (or runs the list's survey, whose answers become the customer's response) and records how the call ended.
 */
final class OutboundTab {

    private final CallCentre calls;
    private final CampaignService campaigns;
    private final SurveyService surveys;
    private final Combo list;
    private final Label counts;
    private final TableViewer entries;
    private final Label callee;
    private final Text script;
    private final Button next;
    private final Button survey;
    private final Button end;
    private List<CallList> lists = List.of();
    private Call current;
    private Long responseId;

    OutboundTab(Composite page, CallCentre calls, CampaignService campaigns, SurveyService surveys) {
        this.calls = calls;
        this.campaigns = campaigns;
        this.surveys = surveys;
        GridLayoutFactory.swtDefaults().numColumns(4).margins(8, 8).applyTo(page);
        new Label(page, SWT.NONE).setText(Messages.get("calls.list"));
        list = Widgets.id(new Combo(page, SWT.READ_ONLY), "calls.list");
        GridDataFactory.fillDefaults().hint(260, SWT.DEFAULT).applyTo(list);
        list.addListener(SWT.Selection, e -> showList());
        Widgets.button(page, "calls.newList", Messages.get("calls.newList"), this::newList);
        counts = Widgets.id(new Label(page, SWT.NONE), "calls.counts");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).indent(12, 0).applyTo(counts);

        SashForm sash = new SashForm(page, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(sash);
        entries = Tables.framed(sash, Messages.get("calls.entries"), "calls.entries");
        Columns.add(entries, Entry.class, Messages.get("calls.col.customer"), 150, Entry::customerName);
        Columns.add(entries, Entry.class, Messages.get("calls.col.phone"), 135, Entry::phone);
        Columns.add(entries, Entry.class, Messages.get("calls.col.status"), 80, e -> Labels.of(e.status()));
        Columns.add(entries, Entry.class, Messages.get("calls.col.next"), 95,
                e -> e.status().ordinal() <= 1 ? Times.moment(e.nextAt()) : "");
        Columns.add(entries, Entry.class, Messages.get("calls.col.attempts"), 60, e -> String.valueOf(e.attempts()));
        Columns.add(entries, Entry.class, Messages.get("calls.col.last"), 90,
                e -> e.lastDisposition() == null ? "" : Labels.of(e.lastDisposition()));
        Columns.add(entries, Entry.class, Messages.get("calls.col.agent"), 80, e -> e.heldBy() == null ? "" : e.heldBy());

        Group call = new Group(sash, SWT.NONE);
        call.setText(Messages.get("calls.current"));
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(call);
        callee = Widgets.id(new Label(call, SWT.WRAP), "calls.callee");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(callee);
        script = Widgets.id(new Text(call, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL), "calls.script");
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(script);
        next = Widgets.button(call, "calls.next", Messages.get("calls.next"), this::callNext);
        survey = Widgets.button(call, "calls.survey", Messages.get("calls.survey"), this::runSurvey);
        end = Widgets.button(call, "calls.end", Messages.get("call.end"), this::endCall);
        sash.setWeights(58, 42);
        reload();
    }

    void reload() {
        if (list.isDisposed()) {
            return;
        }
        try {
            long chosen = selected() == null ? -1 : selected().id();
            lists = calls.lists();
            list.removeAll();
            lists.forEach(l -> list.add(l.name()));
            int index = lists.stream().map(CallList::id).toList().indexOf(chosen);
            list.select(Math.max(0, index));
            showList();
        } catch (RuntimeException e) {
            Errors.show(list.getShell(), e);
        }
    }

    private CallList selected() {
        int i = list.getSelectionIndex();
        return i < 0 || i >= lists.size() ? null : lists.get(i);
    }

    private void showList() {
        CallList l = selected();
        if (l != null) {
            l = calls.list(l.id());
            lists.set(list.getSelectionIndex(), l);
            entries.setInput(calls.entries(l.id()));
            counts.setText(Messages.get("calls.counts", l.entries(), l.open(), l.done(), l.failed(),
                    l.segmentName() == null ? "—" : l.segmentName()));
        } else {
            entries.setInput(List.of());
            counts.setText(Messages.get("calls.noLists"));
        }
        counts.getParent().layout();
        showCall();
    }

    private void showCall() {
        CallList l = selected();
        next.setEnabled(current == null && l != null && l.open() > 0);
        end.setEnabled(current != null);
        survey.setEnabled(current != null && l != null && l.surveyId() != null && responseId == null);
        if (current == null) {
            callee.setText(Messages.get("calls.idle"));
            script.setText(l == null ? "" : l.script());
        } else {
            callee.setText(Messages.get("calls.calling", current.customerName(), current.phone()));
            @SuppressWarnings("unchecked")
            List<Entry> shown = (List<Entry>) entries.getInput();
            shown.stream().filter(e -> current.entryId() != null && e.id() == current.entryId()).findFirst()
                    .ifPresent(e -> entries.setSelection(new org.eclipse.jface.viewers.StructuredSelection(e), true));
        }
        callee.getParent().layout();
    }

    private void callNext() {
        CallList l = selected();
        if (l == null) {
            return;
        }
        try {
            current = calls.callNext(l.id()).orElse(null);
            responseId = null;
            if (current == null) {
                MessageDialog.openInformation(list.getShell(), Messages.get("calls.next"), Messages.get("calls.nobodyDue"));
            } else {
                script.setText(l.script().replace("{name}", current.customerName() == null ? "" : current.customerName()));
            }
        } catch (RuntimeException e) {
            Errors.show(list.getShell(), e);
        }
        showList();
    }

    private void runSurvey() {
        CallList l = selected();
        if (current == null || l == null || l.surveyId() == null) {
            return;
        }
        Survey s = surveys.survey(l.surveyId());
        SurveyDialog dialog = new SurveyDialog(list.getShell(), surveys, s, current.customerId(), null);
        if (dialog.open() == Window.OK && dialog.responseId() != null) {
            responseId = dialog.responseId();
            try {
                calls.recordResponse(current.id(), responseId);
            } catch (RuntimeException e) {
                Errors.show(list.getShell(), e);
            }
        }
        showCall();
    }

    private void endCall() {
        if (current == null) {
            return;
        }
        EndCallDialog dialog = new EndCallDialog(list.getShell(), calls, current, null);
        if (dialog.open() == Window.OK) {
            current = null;
            responseId = null;
            showList();
        }
    }

    private void newList() {
        NewCallListDialog dialog = new NewCallListDialog(list.getShell(), calls, campaigns.segments(), surveys.surveys());
        if (dialog.open() == Window.OK && dialog.created() != null) {
            CallCentre.Created c = dialog.created();
            MessageDialog.openInformation(list.getShell(), Messages.get("calls.newList"),
                    Messages.get("calls.created", c.list().name(), c.list().entries(), c.noPhone(), c.noConsent()));
            lists = calls.lists();
            list.removeAll();
            lists.forEach(x -> list.add(x.name()));
            list.select(lists.stream().map(CallList::id).toList().indexOf(c.list().id()));
            showList();
        }
    }
}
