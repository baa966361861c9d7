package org.guanxi.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.service.CaseService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Looks for overdue cases once a minute: on a single desktop there, on a team database in the team server (its owner,
 * who sees every case), not in the persons' desktops, which see only their own queues. Several servers may scan at the
 * same time: {@link CaseService#escalateOverdue} escalates each case once per level whoever gets there first.
 */
@Component(immediate = true)
public class EscalationTimer {

    /** Seconds between scans; 0 turns the timer off (tests escalate by hand). */
    public static final String PERIOD_PROPERTY = "guanxi.escalation.seconds";
    private static final Logger LOG = Logger.getLogger(EscalationTimer.class.getName());

    @Reference
    private CaseService cases;

    @Reference
    private Database db;

    private ScheduledExecutorService timer;

    @Activate
    void activate() {
        long seconds = Long.getLong(PERIOD_PROPERTY, 60);
        if (seconds <= 0) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guanxi-escalation");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::scan, seconds, seconds, TimeUnit.SECONDS);
    }

    private void scan() {
        try {
            if (db.awaitsSignIn() || db.shared() && !db.ownsSchema()) {
                return;
            }
            int n = cases.escalateOverdue(AppClock.now());
            if (n > 0) {
                LOG.info(() -> n + " overdue service cases escalated");
            }
        } catch (RuntimeException e) {
            // a database that is gone for a moment (team server restarting) is tried again at the next scan
            LOG.log(Level.WARNING, "Escalation scan failed: " + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
