package org.guanxi.sales.ui;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.sales.api.ActivityService;
import org.guanxi.sales.api.ActivityService.Entry;
import org.guanxi.core.service.SecurityService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Workbench add-on that reminds the signed-in rep of their activities: once a minute it asks for the reminders that
 * have come due and shows them in one window; each is shown once.
 */
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class.getName());
    static final int EVERY_MS = 60_000;

    @Inject
    @Optional
    private ActivityService activities;

    @Inject
    @Optional
    private SecurityService security;

    private Display display;
    /** The reminder window on screen, if any: a new one waits until it is closed. */
    private MessageDialog open;
    private final Runnable poll = this::poll;

    @PostConstruct
    void start() {
        display = Display.getCurrent();
        if (display != null) {
            display.timerExec(10_000, poll);
        }
    }

    private void poll() {
        if (display == null || display.isDisposed()) {
            return;
        }
        try {
            if ((open == null || open.getShell() == null || open.getShell().isDisposed()) && activities != null && security != null && security.isSignedIn()) {
                List<Entry> due = activities.dueReminders(AppClock.localNow());
                if (!due.isEmpty()) {
                    show(due);
                }
            }
        } catch (RuntimeException e) {
            // a reminder is not worth an error dialog every minute; the log keeps it
            LOG.log(Level.WARNING, "Reminders could not be read", e);
        }
        display.timerExec(EVERY_MS, poll);
    }

    private void show(List<Entry> due) {
        Shell parent = display.getActiveShell();
        if (parent == null && display.getShells().length > 0) {
            parent = display.getShells()[0];
        }
        String text = due.stream().map(Reminders::line).collect(Collectors.joining("\n"));
        // modeless and not blocking: the rep keeps working while the window stays up
        open = new MessageDialog(parent, Messages.get("reminder.title", due.size()), null, Messages.get("reminder.text", text),
                MessageDialog.INFORMATION, 0, Messages.get("reminder.dismiss")) {
            {
                setShellStyle(getShellStyle() & ~SWT.APPLICATION_MODAL | SWT.MODELESS);
                setBlockOnOpen(false);
            }
        };
        open.open();
        due.forEach(e -> activities.dismissReminder(e.id()));
    }

    private static String line(Entry e) {
        String when = e.allDay() ? e.start().toLocalDate().toString()
                : e.start().toLocalDate() + " " + e.start().toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return Messages.get(e.about().isEmpty() ? "reminder.line" : "reminder.lineAbout", when, Labels.of(e.kind()), e.subject(), e.about());
    }

    @PreDestroy
    void stop() {
        if (display != null && !display.isDisposed()) {
            display.timerExec(-1, poll);
        }
    }
}
