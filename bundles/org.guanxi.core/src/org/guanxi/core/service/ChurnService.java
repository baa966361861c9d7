package org.guanxi.core.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.guanxi.core.model.ChurnReason;
import org.guanxi.core.model.ChurnType;
import org.guanxi.core.model.Tier;
import org.guanxi.core.model.WinBackStatus;

/**
 * Retention and churn (客户保持与流失): rules that flag customers at risk, the churn type, win-back tasks for agents and
 * their outcomes, and churn and win-back rates per tier.
 */
public interface ChurnService {

    /**
     * The rules: silent for more than {@code silenceFactor} × the customer's usual interval between orders (known from
     * {@code minOrders} orders on); spend of the last six months below {@code 1 − spendDrop} of the six before; a
     * complaint unresolved after {@code complaintDays} days.
     */
    record Rules(double silenceFactor, int minOrders, double spendDrop, int complaintDays) {

        public static Rules defaults() {
            return new Rules(2.0, 2, 0.5, 7);
        }
    }

    Rules rules();

    /** Saves the rules (needs {@code SERVICE_ADMIN}); out-of-range values are refused by name. */
    void saveRules(Rules rules);

    /** A customer the rules flag, with the figures behind it. */
    record Risk(long customerId, String code, String name, Tier tier, Set<ChurnReason> reasons, ChurnType type,
            LocalDate lastOrder, int usualIntervalDays, int daysSilent, BigDecimal spendRecent, BigDecimal spendBefore,
            int openComplaints) {
    }

    /** Every customer the rules flag on {@code asOf}, those silent longest first. */
    List<Risk> identify(LocalDate asOf);

    /**
     * Opens a win-back with a task for every flagged customer who has none open and has not refused being chosen by
     * computed classes (needs {@code SERVICE_WRITE}), and closes as won back the open ones whose customer has ordered
     * since. Returns the win-backs opened.
     */
    int generateWinBacks(LocalDate asOf);

    record WinBack(long id, long customerId, String code, String name, LocalDate identifiedOn, Set<ChurnReason> reasons,
            ChurnType type, Long taskId, WinBackStatus status, LocalDate closedOn, String note) {
    }

    List<WinBack> winBacks(WinBackStatus status, int limit);

    /** An agent's outcome: won back or lost, with a note; completes the task. */
    void close(long winBackId, WinBackStatus outcome, String note);

    /** Churn and win-back per tier (tier null: all). */
    record Rates(Tier tier, int buyers, int atRisk, double churnRate, int winBacksClosed, int wonBack, double winBackRate) {
    }

    /**
     * Per tier: customers who ever bought, those flagged now, the churn rate (flagged / buyers), and of the win-backs
     * closed, the share won back.
     */
    List<Rates> rates(LocalDate asOf);
}
