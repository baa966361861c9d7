package org.guanxi.core.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.guanxi.core.model.CustomerType;
import org.guanxi.core.model.Quadrant;
import org.guanxi.core.model.RelationshipStatus;
import org.guanxi.core.model.RfmSegment;
import org.guanxi.core.model.Stage;
import org.guanxi.core.model.Tier;

/**
 * Customer value analysis over the whole base: pyramid tier, lifecycle stage, RFM, CLV and value-matrix quadrant
 * per customer, each with its reason, stored per run so that changes can be followed.
 */
public interface CustomerValueService {

    /** Count, value and value share of one pyramid tier. */
    record TierLevel(Tier tier, int customers, BigDecimal value, double valueShare, BigDecimal equity) {
    }

    record Summary(long runId, LocalDate asOf, int customers, List<TierLevel> pyramid, Map<Stage, Integer> stages,
            Map<RfmSegment, Integer> rfm, Map<Quadrant, Integer> matrix, Map<RelationshipStatus, Integer> statuses,
            Map<CustomerType, Integer> types, BigDecimal equity, long millis) {
    }

    /** One customer's results of a run; reasons are already translated. */
    record CustomerValue(long customerId, String code, String name, long runId, LocalDate asOf, BigDecimal value12m, Tier tier, String tierReason,
            Stage stage, String stageReason, int r, int f, int m, RfmSegment rfmSegment, BigDecimal clvRealised,
            BigDecimal clvPredicted, Quadrant quadrant, RelationshipStatus status, String statusReason, CustomerType type,
            String typeReason) {
    }

    /**
     * The models' parameters, shared by every user of the database: pyramid tier shares (VIP, major, ordinary; the rest
     * are small), lifecycle thresholds, CLV horizon, discount and default margin, and the value-matrix split.
     */
    record Parameters(double vipShare, double majorShare, double ordinaryShare, int lostAfterDays, double lostIntervalFactor,
            int explorationDays, double declineRatio, double declineIntervalFactor, double growthRatio, int clvYears,
            double discountRate, double marginRate, double matrixPercentile) {
    }

    /** The parameters the next analysis uses: the saved ones, otherwise the textbook defaults. */
    Parameters parameters();

    /** The textbook defaults (1 % / 4 % / 15 % / 80 %, five years at 10 %, …). */
    Parameters defaultParameters();

    /**
     * Checks and saves the parameters for every user; the next analysis uses them.
     *
     * @throws ValidationException naming each parameter out of range (nothing saved)
     */
    void saveParameters(Parameters parameters);

    /**
     * Analyses every customer as of {@code asOf} and stores the results as a new run. {@code progress} receives the
     * share done in per mille; a thread interrupt cancels the run before anything is stored.
     */
    Summary analyse(LocalDate asOf, IntConsumer progress);

    /** The summary of the latest finished run, if any. */
    java.util.Optional<Summary> lastSummary();

    /** The date of the newest order, or today when there is none: the natural "as of" for an analysis. */
    LocalDate latestOrderDate();

    /** The results of the latest run for every customer, in customer-id order, for exports. */
    List<CustomerValue> latest();

    /** The history of one customer, newest run first. */
    List<CustomerValue> history(long customerId);
}
