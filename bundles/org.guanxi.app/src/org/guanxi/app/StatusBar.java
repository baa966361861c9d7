package org.guanxi.app;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.SecurityService;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The bottom line of the window: who is signed in, which database, the integration state and background work. */
public class StatusBar {

    @Inject
    private SecurityService security;

    @Inject
    private Database database;

    @Inject
    @Optional
    private IntegrationService integration;

    @Inject
    @Optional
    @Named(LifeCycle.TEAM_MODE)
    private Boolean team;

    private Label message;
    private Label integrationLabel;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(4, false);
        layout.marginHeight = 2;
        layout.horizontalSpacing = 18;
        bar.setLayout(layout);
        message = new Label(bar, SWT.NONE);
        GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
        wide.widthHint = 300;
        message.setLayoutData(wide);
        message.setData("org.guanxi.id", "status.message");
        new Label(bar, SWT.NONE).setText(Messages.get("status.user", security.currentUserDisplayName()));
        new Label(bar, SWT.NONE).setText(Messages.get("status.database", database.describe()));
        if (integration != null) {
            integrationLabel = new Label(bar, SWT.NONE);
            showIntegration();
        }
        // SWT/GTK sizes the window content before the menu bar is realised, which pushes this bottom bar out of
        // the window; laying the shell out again once it is open puts it back
        parent.getDisplay().asyncExec(() -> {
            if (!parent.isDisposed()) {
                parent.getShell().layout(true, true);
            }
        });
    }

    @Inject
    @Optional
    void onStatus(@UIEventTopic(LifeCycle.STATUS_TOPIC) String text) {
        if (message != null && !message.isDisposed()) {
            message.setText(text);
            message.getParent().layout();
        }
    }

    @Inject
    @Optional
    void onIntegration(@UIEventTopic(Topics.INTEGRATION_CHANGED) org.osgi.service.event.Event event) {
        showIntegration();
    }

    private void showIntegration() {
        if (integrationLabel != null && !integrationLabel.isDisposed()) {
            // a team desktop runs no routes: the server does, so its own "stopped" would mislead
            integrationLabel.setText(Messages.get("status.integration",
                    Boolean.TRUE.equals(team) ? Messages.get("state.server") : Messages.get("state." + integration.state())));
            integrationLabel.getParent().layout();
        }
    }
}
