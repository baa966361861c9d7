package org.guanxi.service.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.service.api.CallCentre;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.service.api.CallCentre.Call;
import org.guanxi.service.api.CallCentre.Ending;
import org.guanxi.core.service.CaseService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The call in progress, at the bottom of every perspective: a call announced by the telephony adapter or taken at the
 * agent desk is logged (caller, IVR queue) and timed here until the agent wraps it up with "End call". The telephony
 * adapter announces a call only when the agent's line is free, so a call still open then is over: it is ended as
 * completed but not settled, with a note saying it was not wrapped up, rather than block the new caller behind a dialog.
 */
public class CallBar {

    @Inject
    private CallCentre calls;

    @Inject
    private CaseService cases;

    @Inject
    private MApplication app;

    private Label label;
    private Button end;
    private ActiveCall active;
    /** One writer, so that a call is ended before the next is answered. */
    private final ExecutorService log = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "guanxi-call-log");
        t.setDaemon(true);
        return t;
    });
    /** Who is on the line and in which queue: fixed for the call, the time runs. */
    private String caller;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(6, 1).applyTo(bar);
        end = Widgets.button(bar, "call.end", Messages.get("call.end"), this::wrapUp);
        label = Widgets.id(new Label(bar, SWT.NONE), "call.bar");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(label);
        show();
    }

    @Inject
    @Optional
    void onCall(@UIEventTopic(Topics.CALL_INCOMING) Event event) {
        Object phone = event.getProperty(Topics.PROPERTY_PHONE);
        if (label == null || label.isDisposed() || phone == null) {
            return;
        }
        ActiveCall previous = active;
        if (previous != null) {
            active = null;
            app.getContext().remove(ActiveCall.class);
        }
        Object keys = event.getProperty(Topics.PROPERTY_IVR);
        Display display = label.getDisplay();
        // the log is written beside the UI thread: the 360° view pops for the same event and must not wait for it
        log.execute(() -> {
            if (previous != null) {
                try {
                    calls.end(previous.call().id(), new Ending(CallDisposition.COMPLETED, false, previous.caseId(),
                            Messages.get("call.autoEnded"), null));
                } catch (RuntimeException e) {
                    // ended meanwhile (another window of this agent): nothing to wrap up
                }
            }
            try {
                Call c = calls.answer(phone.toString(), keys == null ? null : keys.toString());
                String who = (c.customerName() == null ? Messages.get("call.unknownCaller", c.phone()) : c.customerName() + " " + c.phone())
                        + (c.queue() == null ? "" : " · " + queueName(c.queue()));
                display.asyncExec(() -> answered(c, who));
            } catch (RuntimeException e) {
                display.asyncExec(() -> {
                    if (!label.isDisposed()) {
                        Errors.show(label.getShell(), e);
                    }
                });
            }
        });
    }

    private void answered(Call c, String who) {
        if (label.isDisposed()) {
            return;
        }
        caller = who;
        active = new ActiveCall(c);
        app.getContext().set(ActiveCall.class, active);
        show();
        label.getShell().layout(true, true);
        tick();
    }

    @PreDestroy
    void stop() {
        log.shutdown();
    }

    /** The wrap-up of the open call. */
    private void wrapUp() {
        if (active == null) {
            return;
        }
        EndCallDialog dialog = new EndCallDialog(label.getShell(), calls, active.call(), active.caseId());
        if (dialog.open() == Window.OK) {
            active = null;
            app.getContext().remove(ActiveCall.class);
            show();
        }
    }

    private void show() {
        if (label.isDisposed()) {
            return;
        }
        if (active == null) {
            label.setText(Messages.get("call.idle"));
            end.setEnabled(false);
            // the bar is as wide as what it says: the window's bottom line is laid out again when a call starts or ends
            label.getShell().layout(true, true);
        } else {
            long s = Duration.between(active.call().startedAt(), AppClock.now()).toSeconds();
            label.setText(Messages.get("call.onCall", caller, String.format("%02d:%02d", s / 60, s % 60)));
            end.setEnabled(true);
        }
        label.getParent().layout();
    }

    private String queueName(String code) {
        return cases.queues().stream().filter(q -> q.code().equals(code)).findFirst()
                .map(q -> q.name(Locale.getDefault())).orElse(code);
    }

    /** The call's running time, once a second while it lasts. */
    private void tick() {
        ActiveCall timed = active;
        label.getDisplay().timerExec(1000, () -> {
            if (timed != null && timed == active && !label.isDisposed()) {
                show();
                tick();
            }
        });
    }

}
