package org.guanxi.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guanxi.sales.api.ForecastService.Grain;
import org.guanxi.sales.api.ForecastService.Row;

/**
 * The forecast's arithmetic, apart from where the numbers come from: deals and targets are added one by one into
 * (period, group) cells; weighted amounts are summed unrounded (amount × percent) and divided once per cell.
 */
final class Forecasts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final class Cell {
        int openDeals;
        BigDecimal pipeline = BigDecimal.ZERO;
        BigDecimal weightedTimes100 = BigDecimal.ZERO;
        int wonDeals;
        BigDecimal won = BigDecimal.ZERO;
        BigDecimal target;
    }

    private final Grain grain;
    private final LocalDate first;
    private final LocalDate last;
    private final LocalDate today;
    private final Map<LocalDate, Map<String, Cell>> cells = new TreeMap<>();

    /** Periods containing {@code from} to containing {@code to}; open deals overdue on {@code today} count today. */
    Forecasts(Grain grain, LocalDate from, LocalDate to, LocalDate today) {
        this.grain = grain;
        this.first = start(grain, from);
        this.last = start(grain, to);
        this.today = today;
    }

    static LocalDate start(Grain grain, LocalDate d) {
        LocalDate month = d.withDayOfMonth(1);
        return grain == Grain.MONTH ? month : month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
    }

    static String label(Grain grain, LocalDate start) {
        return grain == Grain.MONTH ? String.format("%d-%02d", start.getYear(), start.getMonthValue())
                : start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    private Cell cell(String group, LocalDate day) {
        LocalDate p = start(grain, day);
        if (p.isBefore(first) || p.isAfter(last)) {
            return null;
        }
        return cells.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(group, k -> new Cell());
    }

    void open(String group, LocalDate expectedClose, BigDecimal amount, int probability) {
        Cell c = cell(group, expectedClose.isBefore(today) ? today : expectedClose);
        if (c != null) {
            c.openDeals++;
            c.pipeline = c.pipeline.add(amount);
            c.weightedTimes100 = c.weightedTimes100.add(amount.multiply(BigDecimal.valueOf(probability)));
        }
    }

    void won(String group, LocalDate closedOn, BigDecimal amount) {
        Cell c = cell(group, closedOn);
        if (c != null) {
            c.wonDeals++;
            c.won = c.won.add(amount);
        }
    }

    /** A month's target; the months of a quarter add up. */
    void target(String group, LocalDate month, BigDecimal amount) {
        Cell c = cell(group, month);
        if (c != null) {
            c.target = c.target == null ? amount : c.target.add(amount);
        }
    }

    /** Every period of every group that has anything in any period: a quiet month shows as zeros, not as a gap. */
    List<Row> rows() {
        java.util.SortedSet<String> allGroups = new java.util.TreeSet<>();
        cells.values().forEach(g -> allGroups.addAll(g.keySet()));
        for (LocalDate p = first; !p.isAfter(last); p = p.plusMonths(grain == Grain.MONTH ? 1 : 3)) {
            Map<String, Cell> groups = cells.computeIfAbsent(p, k -> new TreeMap<>());
            allGroups.forEach(g -> groups.computeIfAbsent(g, k -> new Cell()));
        }
        List<Row> rows = new ArrayList<>();
        cells.forEach((start, groups) -> groups.forEach((group, c) -> {
            BigDecimal weighted = c.weightedTimes100.divide(HUNDRED, 2, RoundingMode.HALF_UP);
            BigDecimal forecast = c.won.add(weighted);
            rows.add(new Row(start, label(grain, start), group, c.openDeals, c.pipeline.setScale(2, RoundingMode.HALF_UP),
                    weighted, c.wonDeals, c.won.setScale(2, RoundingMode.HALF_UP), forecast.setScale(2, RoundingMode.HALF_UP),
                    c.target, ratio(c.won, c.target), ratio(forecast, c.target)));
        }));
        return rows;
    }

    private static BigDecimal ratio(BigDecimal amount, BigDecimal target) {
        return target == null || target.signum() == 0 ? null : amount.divide(target, 4, RoundingMode.HALF_UP);
    }
}
