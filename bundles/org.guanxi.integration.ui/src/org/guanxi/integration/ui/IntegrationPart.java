package org.guanxi.integration.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.OutboxEvent;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.service.DeadLetterService;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.IntegrationService.RouteInfo;
import org.guanxi.core.service.Outbox;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The integration as its engineers watch it: each route's state, messages done and failed, throughput over the
 * last minute and last error; below, the dead letters — parked messages with their full error and history, to be
 * replayed (after correcting their content if needed) or discarded.
 */
public class IntegrationPart {

    private static final Texts TEXTS = Texts.of(IntegrationPart.class);
    private static final int REFRESH_MS = 2_000;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AppClock.zone());

    @Inject
    private IntegrationService integration;

    @Inject
    private DeadLetterService deadLetters;

    @Inject
    private Outbox outbox;

    private TableViewer viewer;
    private TableViewer parked;
    private Text detail;
    private Label state;
    private Label parkedCount;
    private final Runnable tick = this::tick;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(parent);
        Label title = new Label(parent, SWT.NONE);
        title.setText(TEXTS.get("title"));
        title.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText(TEXTS.get("refresh"));
        refresh.addListener(SWT.Selection, e -> refresh());
        GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).grab(true, false).applyTo(refresh);
        state = Widgets.id(new Label(parent, SWT.WRAP), "integration.state");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(state);
        Label folders = new Label(parent, SWT.WRAP);
        folders.setText(TEXTS.get("folder", integration.routesFolder()) + "\n"
                + TEXTS.get("inbox", GuanxiHome.resolve("inbox", "inventory")) + "\n" + TEXTS.get("hint"));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(folders);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(sash);
        viewer = table(sash, "integration.routes");
        Columns.add(viewer, RouteInfo.class, TEXTS.get("col.id"), 170, RouteInfo::id);
        Columns.add(viewer, RouteInfo.class, TEXTS.get("col.description"), 260,
                r -> TEXTS.has("does." + r.id()) ? TEXTS.get("does." + r.id()) : r.description() == null ? "" : r.description());
        Columns.add(viewer, RouteInfo.class, TEXTS.get("col.file"), 140, RouteInfo::file);
        Columns.add(viewer, RouteInfo.class, TEXTS.get("col.state"), 80,
                r -> TEXTS.has("route." + r.state()) ? TEXTS.get("route." + r.state()) : r.state());
        Columns.add(viewer, RouteInfo.class, TEXTS.get("col.done"), 70, r -> Long.toString(r.done()));
        Columns.add(viewer, RouteInfo.class, TEXTS.get("col.failed"), 70, r -> Long.toString(r.failed()));
        Columns.add(viewer, RouteInfo.class, TEXTS.get("col.perMinute"), 80, r -> Long.toString(r.perMinute()));
        Columns.add(viewer, RouteInfo.class, TEXTS.get("col.lastError"), 400, r -> firstLine(r.lastError()));
        deadLetters(sash);
        sash.setWeights(45, 55);
        refresh();
        parent.getDisplay().timerExec(REFRESH_MS, tick);
    }

    private void deadLetters(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(TEXTS.get("dead.title"));
        GridLayoutFactory.swtDefaults().numColumns(5).applyTo(group);
        parkedCount = Widgets.id(new Label(group, SWT.NONE), "integration.parkedCount");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(parkedCount);
        button(group, "dead.replay", "integration.replay", () -> replay(false));
        button(group, "dead.edit", "integration.edit", () -> replay(true));
        button(group, "dead.discard", "integration.discard", this::discard);
        new Label(group, SWT.NONE);
        SashForm split = new SashForm(group, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().span(5, 1).grab(true, true).applyTo(split);
        parked = table(split, "integration.parked");
        Columns.add(parked, OutboxMessage.class, TEXTS.get("dead.col.created"), 140, m -> TIME.format(m.getCreatedAt()));
        Columns.add(parked, OutboxMessage.class, TEXTS.get("dead.col.topic"), 110,
                m -> TEXTS.has("topic." + m.getTopic()) ? TEXTS.get("topic." + m.getTopic()) : m.getTopic());
        Columns.add(parked, OutboxMessage.class, TEXTS.get("dead.col.key"), 170, OutboxMessage::getIdempotencyKey);
        Columns.add(parked, OutboxMessage.class, TEXTS.get("dead.col.attempts"), 60, m -> Integer.toString(m.getAttempts()));
        Columns.add(parked, OutboxMessage.class, TEXTS.get("dead.col.error"), 320, m -> firstLine(m.getLastError()));
        parked.addSelectionChangedListener(e -> showDetail());
        detail = Widgets.id(new Text(split, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY | SWT.BORDER), "integration.detail");
        split.setWeights(60, 40);
    }

    /** Tables show an error's first line; the whole of it is in the detail beside them. */
    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip() + " …";
    }

    private static TableViewer table(Composite parent, String id) {
        TableViewer v = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER);
        Widgets.id(v.getTable(), id);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        return v;
    }

    private static void button(Composite parent, String key, String id, Runnable action) {
        Button b = Widgets.id(new Button(parent, SWT.PUSH), id);
        b.setText(TEXTS.get(key));
        b.addListener(SWT.Selection, e -> action.run());
    }

    private OutboxMessage selected() {
        return (OutboxMessage) ((IStructuredSelection) parked.getSelection()).getFirstElement();
    }

    /** The full error and the history of the selected message. */
    private void showDetail() {
        OutboxMessage m = selected();
        if (m == null) {
            detail.setText("");
            return;
        }
        List<OutboxEvent> history = outbox.history(m.getId());
        detail.setText(TEXTS.get("dead.detail", m.getIdempotencyKey(), m.getLastError() == null ? "" : m.getLastError())
                + history.stream().map(e -> TIME.format(e.getAt()) + "  " + org.guanxi.core.i18n.Labels.of(e.getKind())
                        + (e.getActor() == null ? "" : " · " + e.getActor()) + (e.getDetail() == null ? "" : "\n    " + e.getDetail()))
                        .collect(Collectors.joining("\n")));
    }

    private void replay(boolean edit) {
        OutboxMessage m = selected();
        if (m == null) {
            return;
        }
        String payload = m.getPayload();
        if (edit) {
            PayloadDialog dialog = new PayloadDialog(parked.getTable().getShell(), m);
            if (dialog.open() != Window.OK) {
                return;
            }
            payload = dialog.payload();
        }
        try {
            deadLetters.replay(m.getId(), payload);
        } catch (RuntimeException e) {
            Errors.show(parked.getTable().getShell(), e);
        }
        refresh();
    }

    private void discard() {
        OutboxMessage m = selected();
        if (m == null) {
            return;
        }
        InputDialog ask = new InputDialog(parked.getTable().getShell(), TEXTS.get("dead.discard.title"),
                TEXTS.get("dead.discard.prompt", m.getIdempotencyKey()), "", v -> v.isBlank() ? TEXTS.get("dead.discard.required") : null);
        if (ask.open() != Window.OK) {
            return;
        }
        try {
            deadLetters.discard(m.getId(), ask.getValue());
        } catch (RuntimeException e) {
            Errors.show(parked.getTable().getShell(), e);
        }
        refresh();
    }

    private void tick() {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            if (viewer.getTable().isVisible()) {
                refresh();
            }
            viewer.getTable().getDisplay().timerExec(REFRESH_MS, tick);
        }
    }

    void refresh() {
        String failure = integration.failure();
        String text = failure == null ? TEXTS.get("state", TEXTS.get("state." + integration.state()),
                outbox.count(OutboxMessage.Status.PENDING)) : TEXTS.get("failure", failure);
        // route files that may run anything: said on every refresh, where the integration engineer looks
        state.setText(integration.unrestrictedRoutes() ? text + "  " + TEXTS.get("unrestricted") : text);
        viewer.setInput(integration.routes());
        OutboxMessage keep = selected();
        List<OutboxMessage> letters;
        try {
            letters = deadLetters.parked(500);
        } catch (RuntimeException e) {
            letters = List.of(); // without the integration permission the dead letters stay hidden
        }
        parked.setInput(letters);
        parkedCount.setText(TEXTS.get("dead.count", letters.size()));
        parkedCount.getParent().layout();
        if (keep != null) {
            letters.stream().filter(m -> m.getId().equals(keep.getId())).findFirst()
                    .ifPresent(m -> parked.setSelection(new org.eclipse.jface.viewers.StructuredSelection(m)));
        }
    }

    @Inject
    @Optional
    void onChange(@UIEventTopic(Topics.INTEGRATION_CHANGED) Event event) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            refresh();
        }
    }

    @PreDestroy
    void dispose() {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            viewer.getTable().getDisplay().timerExec(-1, tick);
        }
    }

    @Focus
    void focus() {
        viewer.getTable().setFocus();
    }
}
