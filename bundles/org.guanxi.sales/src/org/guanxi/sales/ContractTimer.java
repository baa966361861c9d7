package org.guanxi.sales;

import java.time.LocalDate;
import java.util.logging.Logger;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.DailySchedule;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.DayClaim;
import org.guanxi.core.model.Permission;
import org.guanxi.sales.api.ContractService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Ends the contracts past their end once per day of the clock: they expire, or, when set to renew themselves, are
 * renewed into an active successor. On a single desktop there, on a team database in the team server (its owner), not
 * in the persons' desktops; the day is claimed first, so a restart or a second server does not run it again.
 */
@Component(immediate = true)
public class ContractTimer {

    /** Minutes between looks; 0 turns the timer off (tests run it by hand). */
    public static final String PERIOD_PROPERTY = "guanxi.contracts.minutes";
    static final String LAST_RUN = "contracts.lastRun";
    private static final Logger LOG = Logger.getLogger(ContractTimer.class.getName());

    private final ContractService contracts;
    private final Database db;
    private final SecurityService security;
    private DailySchedule schedule;

    @Activate
    public ContractTimer(@Reference ContractService contracts, @Reference Database db, @Reference SecurityService security) {
        this.contracts = contracts;
        this.db = db;
        this.security = security;
    }

    /** Starts looking once the component is active (tests construct it and call {@link #runIfDue} themselves). */
    @Activate
    void start() {
        // a desktop whose user may not change contracts leaves the day to one whose user may
        schedule = DailySchedule.start("contracts", PERIOD_PROPERTY, 2, db, () -> security.hasPermission(Permission.SALES_WRITE), () -> {
            int ended = runIfDue();
            if (ended > 0) {
                LOG.info(() -> ended + " contracts past their end expired or renewed themselves");
            }
        });
    }

    /**
     * Ends the contracts past their end unless that was done today; returns how many, or -1 when it had been. The day
     * is claimed first, so that no contract is renewed twice; a run that fails is tried again the next day.
     */
    public int runIfDue() {
        LocalDate today = AppClock.today();
        return DayClaim.claim(db, LAST_RUN, today) ? contracts.expire(today) : -1;
    }

    @Deactivate
    void deactivate() {
        if (schedule != null) {
            schedule.stop();
        }
    }
}
