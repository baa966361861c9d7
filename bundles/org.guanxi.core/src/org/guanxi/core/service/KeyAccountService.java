package org.guanxi.core.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Key-account management (大客户管理): a plan per key account (objectives, strategy, this year's revenue target against
 * what was actually sold), the team that serves it, and regular reviews. Recording a review schedules the next one and
 * puts a task on that day. The decision-maker map lives on the customer's contacts (influence, attitude).
 */
public interface KeyAccountService {

    enum TeamRole {
        ACCOUNT_MANAGER, SALES, SERVICE, TECHNICAL, EXECUTIVE_SPONSOR
    }

    /** {@code version} 0 for a plan not saved yet. */
    record Plan(long customerId, int year, String objectives, String strategy, BigDecimal targetRevenue, int reviewEveryDays,
            LocalDate nextReview, long version) {
    }

    record Member(long id, String user, TeamRole role) {
    }

    record Review(long id, LocalDate reviewedOn, String reviewer, String findings, String nextSteps) {
    }

    /** Everything about one account; {@code plan} is a fresh proposal when none was saved. */
    record Account(Plan plan, boolean planned, List<Member> team, List<Review> reviews, BigDecimal revenueInPlanYear) {
    }

    record DueReview(long customerId, String code, String name, LocalDate nextReview) {
    }

    Account account(long customerId);

    /**
     * @throws ValidationException when the year, target or review rhythm is out of range
     * @throws ConflictException when someone else saved the plan since it was read
     */
    Plan savePlan(Plan plan);

    /** Adds a team member; the same person may hold several roles. */
    Member addMember(long customerId, String user, TeamRole role);

    void removeMember(long memberId);

    /** Records a review held on {@code on}; the next review is due one rhythm later and becomes a task. */
    Review recordReview(long customerId, LocalDate on, String findings, String nextSteps);

    /** Key accounts whose next review is due on or before {@code until}, soonest first. */
    List<DueReview> reviewsDue(LocalDate until);

    /** Logins to pick team members from: the active users of the system (others can be typed). */
    List<String> knownUsers();
}
