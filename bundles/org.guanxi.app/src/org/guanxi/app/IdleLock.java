package org.guanxi.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.guanxi.app.dialogs.UnlockDialog;
import org.guanxi.core.service.SecurityService;

/**
 * Locks a team desktop left alone: after a while without keyboard or mouse its windows are hidden (nothing of the
 * customers stays on screen) until the person who signed in gives their password again, or leaves the application.
 * The idle time is measured on the monotonic clock: it is not business time and must not follow GUANXI_CLOCK.
 */
public final class IdleLock {

    private static final Logger LOG = Logger.getLogger(IdleLock.class.getName());
    private static final int[] INPUT = { SWT.KeyDown, SWT.MouseDown, SWT.MouseMove, SWT.MouseWheel };

    private final Display display;
    private final SecurityService security;
    private final Duration after;
    private final Runnable exit;
    private final Listener touched = e -> touch();
    private volatile long lastInput = System.nanoTime();
    private boolean locked;
    private boolean installed;

    /** {@code exit} leaves the application when the person chooses to instead of unlocking. */
    public IdleLock(Display display, SecurityService security, Duration after, Runnable exit) {
        this.display = display;
        this.security = security;
        this.after = after;
        this.exit = exit;
    }

    /** The idle time IT sets as {@code lock.idleMinutes} in guanxi.properties (default 15; 0 never locks). */
    public static Duration configured() {
        String v = org.guanxi.core.GuanxiHome.deploymentValue(org.guanxi.core.GuanxiHome.deployment(),
                "lock.idleMinutes", "15");
        try {
            return Duration.ofMinutes(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            LOG.warning(() -> "lock.idleMinutes=" + v + " is not a number of minutes: 15 are used");
            return Duration.ofMinutes(15);
        }
    }

    public void install() {
        if (after.isZero()) {
            return;
        }
        for (int type : INPUT) {
            display.addFilter(type, touched);
        }
        installed = true;
        touch();
        display.timerExec(checkEvery(), this::check);
        LOG.info(() -> "The desktop locks after " + after.toMinutes() + " min without input");
    }

    /** Stops watching (the person signs out, the application closes). */
    public void uninstall() {
        installed = false;
        if (!display.isDisposed()) {
            for (int type : INPUT) {
                display.removeFilter(type, touched);
            }
        }
    }

    private void touch() {
        lastInput = System.nanoTime();
    }

    private int checkEvery() {
        return (int) Math.max(50, Math.min(30_000, after.toMillis() / 4));
    }

    private void check() {
        if (display.isDisposed() || !installed) {
            return;
        }
        if (!locked && System.nanoTime() - lastInput >= after.toNanos()) {
            lock();
        }
        if (!display.isDisposed() && installed) {
            display.timerExec(checkEvery(), this::check);
        }
    }

    /** Hides every window, asks for the password, shows them again (or leaves). */
    public void lock() {
        locked = true;
        LOG.info(() -> "Desktop locked for " + security.currentUser() + " after " + after.toMinutes() + " min idle");
        List<Shell> hidden = new ArrayList<>();
        for (Shell s : display.getShells()) {
            if (s.isVisible()) {
                s.setVisible(false);
                hidden.add(s);
            }
        }
        int answer = new UnlockDialog(null, security).open();
        if (answer != Window.OK) {
            LOG.info("Left the application from the lock screen");
            exit.run();
            return;
        }
        for (Shell s : hidden) {
            if (!s.isDisposed()) {
                s.setVisible(true);
            }
        }
        locked = false;
        touch();
    }
}
