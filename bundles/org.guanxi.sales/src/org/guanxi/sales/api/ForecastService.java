package org.guanxi.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The sales forecast (销售预测): per month or quarter and per rep, team or the whole company, the open pipeline by
 * expected close, weighted by win probability (the deal's own or its stage's), the revenue already won, the target and
 * its attainment. Open deals whose expected close has passed count in the current period: they have slipped, not gone.
 */
public interface ForecastService {

    enum Grain { MONTH, QUARTER }

    enum Scope { COMPANY, TEAM, REP }

    /**
     * One period of one group. {@code forecast} = won + weighted; {@code attainment} = won / target and
     * {@code forecastAttainment} = forecast / target, as fractions, null without a target.
     */
    record Row(LocalDate periodStart, String period, String group, int openDeals, BigDecimal pipeline,
            BigDecimal weighted, int wonDeals, BigDecimal won, BigDecimal forecast, BigDecimal target,
            BigDecimal attainment, BigDecimal forecastAttainment) {
    }

    /** Name of the group of reps who belong to no team. */
    String NO_TEAM = "";

    /** Periods from the one containing {@code from} to the one containing {@code to}, each group in name order. */
    List<Row> forecast(LocalDate from, LocalDate to, Grain grain, Scope scope);

    /** Sets (or with null removes) the target of a rep (login), team (name) or the company (key "") for a month. */
    void saveTarget(Scope scope, String key, YearMonth month, BigDecimal amount);

    /** The monthly targets of a rep, team or the company in a year. */
    Map<YearMonth, BigDecimal> targets(Scope scope, String key, int year);

    /** Puts a rep in a team, or with a blank team takes them out. */
    void assignTeam(String login, String team);

    /** Every rep's team, by login. */
    Map<String, String> teams();
}
