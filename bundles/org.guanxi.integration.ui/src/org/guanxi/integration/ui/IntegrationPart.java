package org.guanxi.integration.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.guanxi.core.GuanxiHome;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.IntegrationService.RouteInfo;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The routes the integration runtime runs, with their state and how many files or messages each handled. */
public class IntegrationPart {

    private static final Texts TEXTS = Texts.of(IntegrationPart.class);
    private static final int REFRESH_MS = 2_000;

    @Inject
    private IntegrationService integration;

    private TableViewer viewer;
    private Label state;
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

        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER);
        Widgets.id(viewer.getTable(), "integration.routes");
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(viewer.getTable());
        column("col.id", 200, RouteInfo::id);
        column("col.file", 180, RouteInfo::file);
        column("col.state", 90, r -> TEXTS.has("route." + r.state()) ? TEXTS.get("route." + r.state()) : r.state());
        column("col.done", 70, r -> Long.toString(r.done()));
        column("col.failed", 70, r -> Long.toString(r.failed()));
        column("col.lastError", 400, RouteInfo::lastError);
        refresh();
        parent.getDisplay().timerExec(REFRESH_MS, tick);
    }

    private void column(String key, int width, java.util.function.Function<RouteInfo, String> text) {
        Columns.add(viewer, RouteInfo.class, TEXTS.get(key), width, text);
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
        state.setText(failure == null ? TEXTS.get("state", TEXTS.get("state." + integration.state())) : TEXTS.get("failure", failure));
        viewer.setInput(integration.routes());
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
