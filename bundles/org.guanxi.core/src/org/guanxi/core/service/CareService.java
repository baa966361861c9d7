package org.guanxi.core.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

import org.guanxi.core.model.CareOccasion;
import org.guanxi.core.model.Tier;

/**
 * Care plans (客户关怀): rules per occasion that turn birthdays, anniversaries, Chinese holidays and deliveries into
 * tasks due on the right day.
 */
public interface CareService {

    /**
     * @param leadDays  the task is due this many days before the occasion
     * @param tiers     the pyramid tiers the rule applies to; empty for every customer
     * @param daysAfter for follow-ups: days after the delivery
     */
    record CareRule(CareOccasion occasion, boolean enabled, int leadDays, Set<Tier> tiers, int daysAfter) {
    }

    /** One coming occasion of a customer; the label is translated. */
    record CareDate(LocalDate date, CareOccasion occasion, String label) {
    }

    List<CareRule> rules();

    void saveRules(List<CareRule> rules);

    /** The occasions of one customer from {@code from} on for {@code days} days, by date, whatever the rules say. */
    List<CareDate> upcoming(long customerId, LocalDate from, int days);

    /**
     * Creates the tasks of every enabled rule that fall due from {@code from} to {@code to}. Running it again for an
     * overlapping period creates nothing twice. Returns the number of tasks created.
     */
    int planTasks(LocalDate from, LocalDate to, IntConsumer progress);
}
