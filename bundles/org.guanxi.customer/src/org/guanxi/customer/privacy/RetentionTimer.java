package org.guanxi.customer.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.DailySchedule;
import org.guanxi.core.db.DayClaim;
import org.guanxi.core.db.Database;
import org.guanxi.core.service.PrivacyService;
import org.guanxi.core.service.PrivacyService.Erasure;
import org.guanxi.core.service.PrivacyService.Kind;
import org.guanxi.core.service.PrivacyService.RetentionRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Applies the retention rules a privacy officer set ({@code privacy retention --schedule}) once per day of the clock:
 * on a single desktop there, on a team database in the team server (its owner), not in the persons' desktops. What a
 * run anonymises is in the audit trail (the erasures with their reason, entity {@code Retention} per kind) and each run
 * in the log. The day is claimed before the run (one row of APP_SETTING moved to today, which only one process can
 * do), so that a restart or a second team server does not run it again that day; a run that fails is tried the next
 * day.
 */
@Component(immediate = true)
public class RetentionTimer {

    /** Minutes between looks at the rules; 0 turns the timer off (tests run it by hand). */
    public static final String PERIOD_PROPERTY = "guanxi.retention.minutes";
    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());
    private static final String LAST_RUN = "lastRun";

    private final PrivacyService privacy;
    private final Database db;
    private DailySchedule schedule;

    @Activate
    public RetentionTimer(@Reference PrivacyService privacy, @Reference Database db) {
        this.privacy = privacy;
        this.db = db;
    }

    /** Starts looking once the component is active (tests construct it and call {@link #runIfDue} themselves). */
    @Activate
    void start() {
        schedule = DailySchedule.start("retention", PERIOD_PROPERTY, 5, db, () -> true, () -> {
            List<String> report = runIfDue();
            if (report != null) {
                LOG.info(() -> "Retention rules applied: " + String.join("; ", report));
            }
        });
    }

    /** Applies the rules unless they ran today or none is set; returns what was done, or null. */
    public List<String> runIfDue() {
        RetentionRules rules = privacy.retentionRules();
        if (rules.none() || !DayClaim.claim(db, PrivacyServiceImpl.RULES + LAST_RUN, AppClock.today())) {
            return null;
        }
        List<String> report = new ArrayList<>();
        if (rules.customerMonths() != null) {
            Erasure e = privacy.applyRetention(rules.customerMonths());
            report.add(e.persons() + " customers erased after " + rules.customerMonths() + " months without activity");
        }
        if (rules.leadMonths() != null) {
            report.add(privacy.expire(Kind.LEADS, rules.leadMonths()) + " leads anonymised after " + rules.leadMonths() + " months");
        }
        if (rules.callMonths() != null) {
            report.add(privacy.expire(Kind.CALLS, rules.callMonths()) + " calls anonymised after " + rules.callMonths() + " months");
        }
        return report;
    }

    @Deactivate
    void deactivate() {
        if (schedule != null) {
            schedule.stop();
        }
    }
}
