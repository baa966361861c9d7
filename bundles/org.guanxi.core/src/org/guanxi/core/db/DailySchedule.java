package org.guanxi.core.db;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a once-a-day job (retention rules, contracts that end) looks whether it is due: every hour unless set, in the one
 * process that owns the data (a single desktop, or the team server on a team database, never the persons' desktops),
 * after sign-in. The job itself claims its day ({@link DayClaim}), so looking often costs a query and runs nothing twice.
 */
public final class DailySchedule {

    private static final Logger LOG = Logger.getLogger(DailySchedule.class.getName());

    private final ScheduledExecutorService timer;

    private DailySchedule(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts looking {@code firstDelay} minutes from now and then every {@code periodProperty} minutes (60 unless set;
     * 0 turns the schedule off, for tests that run the job by hand). {@code mayRun} is asked in addition to the owner
     * check; a job that throws is logged and looked at again next time.
     */
    public static DailySchedule start(String job, String periodProperty, long firstDelay, Database db, BooleanSupplier mayRun,
            Runnable run) {
        long minutes = Long.getLong(periodProperty, 60);
        if (minutes <= 0) {
            return new DailySchedule(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guanxi-" + job);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (db.awaitsSignIn() || db.shared() && !db.ownsSchema() || !mayRun.getAsBoolean()) {
                    return;
                }
                run.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The daily " + job + " job failed: " + e.getMessage(), e);
            }
        }, firstDelay, minutes, TimeUnit.MINUTES);
        return new DailySchedule(timer);
    }

    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
