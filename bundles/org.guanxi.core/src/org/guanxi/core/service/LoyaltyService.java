package org.guanxi.core.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.PointsKind;
import org.guanxi.core.model.Tier;

/**
 * Loyalty (顾客忠诚), measured and managed. Measured: repurchase rate, purchase frequency, retention rate and tenure
 * per pyramid tier. Managed: the points programme — earn rules per spend, product and campaign, member tiers with
 * earn multipliers, redemption, expiry at the end of the year after earning, statements, and a ledger that always
 * balances (a customer's balance is the sum of the ledger and equals what is left of the earned lots).
 */
public interface LoyaltyService {

    /** One ledger row. */
    record Entry(long id, long customerId, PointsKind kind, int points, int remaining, LocalDate bookedOn,
            LocalDate expiresOn, Long orderId, Long caseId, String note) {
    }

    /** A member tier of the programme: reached with {@code minPoints} earned in the last 12 months. */
    record MemberTier(String code, String nameZh, String nameEn, int minPoints, BigDecimal multiplier) {

        public String name(java.util.Locale locale) {
            return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
        }
    }

    /** A customer's account: balance, member tier, points earned in 12 months, and those expiring next. */
    record Account(long customerId, int balance, MemberTier tier, int earned12m, int expiringNext, LocalDate nextExpiry) {
    }

    List<MemberTier> memberTiers();

    Account account(long customerId);

    /**
     * Earns the points of a delivered or invoiced order, once: spend points at the rate of the spend rule (times the
     * campaign multiplier when the order date is in a campaign's window, times the member tier's multiplier), plus the
     * product bonuses. Returns the points earned (0 when the order earned before or earns nothing).
     */
    int earn(long orderId);

    /** Earns every delivered or invoiced order that has not earned yet (catching up after imports). Returns orders earned. */
    int earnAll();

    /** Points a person may grant without approval when no limit is set for their role. */
    int DEFAULT_GRANT_LIMIT = 500;

    /** Status of a {@link Request}. */
    enum RequestStatus { PENDING, APPROVED, REFUSED }

    /** A grant above the granting person's limit, waiting for (or decided by) a service manager. */
    record Request(long id, long customerId, String customerName, int points, Long caseId, String note, RequestStatus status,
            String requestedBy, java.time.Instant requestedAt, String decidedBy, java.time.Instant decidedAt,
            String decisionNote) {
    }

    /** What a grant did: booked at once ({@code entry}) or sent for approval ({@code request}). */
    record Grant(Entry entry, Request request) {

        public boolean pending() {
            return entry == null;
        }
    }

    /**
     * The most points the person signed in may grant at once without approval: the highest limit of their roles
     * (set per role, {@link #DEFAULT_GRANT_LIMIT} where none is set); no limit ({@code Integer.MAX_VALUE}) for those
     * who administer the service module, who approve.
     */
    int grantLimit();

    /** Sets the grant limit of {@code role} (0 or more); needs {@code USER_ADMIN}, like every security setting. */
    void setGrantLimit(String role, int points);

    /** The grant limits set per role (roles without one have the default). */
    Map<String, Integer> grantLimits();

    /**
     * Grants points outside an order (complaint compensation, goodwill), needs {@code SERVICE_WRITE}: booked at once up
     * to the person's {@link #grantLimit()}, above it a request for a service manager's approval.
     */
    Grant grant(long customerId, int points, Long caseId, String note);

    /** Requests waiting for approval, oldest first; needs {@code SERVICE_ADMIN}. */
    List<Request> pendingRequests();

    /** A customer's requests, newest first (to show what is still waiting). */
    List<Request> requests(long customerId);

    /**
     * Approves a pending request: its points become a lot of the ledger. Needs {@code SERVICE_ADMIN}, and the person
     * who asked cannot approve their own request; a request decided meanwhile is refused.
     */
    Entry approve(long requestId, String note);

    /** Refuses a pending request with its reason (required); needs {@code SERVICE_ADMIN}, not the person who asked. */
    Request refuse(long requestId, String reason);

    /** Redeems points, oldest lots first; more than the balance is refused. Needs {@code SERVICE_WRITE}. */
    Entry redeem(long customerId, int points, String note);

    /** Expires what is left of lots whose expiry date is before {@code today}. Returns the points expired. */
    int expire(LocalDate today);

    /** A statement: the balance before {@code from}, the rows from {@code from} to {@code to}, the balance after. */
    record Statement(long customerId, LocalDate from, LocalDate to, int opening, List<Entry> entries, int closing) {
    }

    Statement statement(long customerId, LocalDate from, LocalDate to);

    /** Customers whose ledger does not balance (sum of points ≠ sum of remaining, or negative): empty when sound. */
    List<Long> unbalanced();

    /**
     * Loyalty measured for one tier (or all customers): the behaviour behind the points. Share of wallet: our revenue
     * of the 12 months over the yearly category spend of the {@code walletKnown} customers whose spend is known.
     */
    record Measures(Tier tier, int customers, int buyers, double repurchaseRate, double purchaseFrequency,
            double retentionRate, double tenureYears, long pointsBalance, long pointsEarned, long pointsRedeemed,
            int walletKnown, double shareOfWallet) {
    }

    /** Measures for the 12 months up to {@code asOf} (retention: buyers of the 12 months before who bought again), per tier and in total (tier null). */
    List<Measures> measures(LocalDate asOf);
}
