package org.guanxi.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Tier;

/**
 * Service level agreements (服务水平协议) per customer tier and case priority: how much working time may pass before a
 * case is first answered and before it is resolved. The most valuable customers are answered fastest; a customer the
 * value analysis has not placed yet counts as {@link Tier#ORDINARY}. Times are working time on the
 * {@link WorkingCalendarService official calendar}.
 */
public interface ServiceLevelService {

    /** One row of the agreement. */
    record ServiceLevel(Tier tier, CasePriority priority, Duration firstResponse, Duration resolution) {
    }

    /** When a case opened at {@code opened} must be first answered and resolved. */
    record Deadlines(Instant firstResponseDue, Instant resolutionDue) {
    }

    /** Every row, by tier from the top and then by priority. */
    List<ServiceLevel> levels();

    ServiceLevel level(Tier tier, CasePriority priority);

    /** The deadlines of a case opened at {@code opened} for a customer of {@code tier} (null: not placed yet). */
    Deadlines deadlines(Tier tier, CasePriority priority, Instant opened);

    /** Changes one row (needs {@code SERVICE_ADMIN}); the response must come no later than the resolution. */
    void setLevel(ServiceLevel level);
}
