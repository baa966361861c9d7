package org.guanxi.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.guanxi.core.AppClock;
import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.sales.api.ForecastService;
import org.guanxi.sales.api.ForecastService.Grain;
import org.guanxi.sales.api.ForecastService.Row;
import org.guanxi.sales.api.ForecastService.Scope;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.sales.api.OpportunityService.Card;
import org.guanxi.sales.api.OpportunityService.Column;
import org.guanxi.sales.api.OpportunityService.Filter;

/**
 * {@code analyze pipeline [--owner LOGIN] [--out FILE]}: the open pipeline per stage, and one CSV row per open deal;
 * {@code analyze forecast [--by month|quarter] [--scope company|team|rep] [--from YYYY-MM] [--periods N] [--out FILE]}:
 * the weighted forecast, won revenue and target attainment per period and group.
 */
final class SalesAnalyzeCommand {

    private final OpportunityService opportunities;
    private final ForecastService forecasts;
    private final PrintStream out;

    SalesAnalyzeCommand(OpportunityService opportunities, ForecastService forecasts, PrintStream out) {
        this.opportunities = opportunities;
        this.forecasts = forecasts;
        this.out = out;
    }

    int run(String[] args) {
        return "pipeline".equals(args[1]) ? pipeline(args) : forecast(args);
    }

    private int pipeline(String[] args) {
        String owner = null;
        Path file = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--owner" -> owner = Args.value(args, ++i);
                case "--out" -> file = Path.of(Args.value(args, ++i));
                default -> throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        // every card of every column for the file; the counts alone for the summary
        List<Column> board = opportunities.board(new Filter(owner), file == null ? 1 : Integer.MAX_VALUE);
        int deals = board.stream().mapToInt(Column::count).sum();
        BigDecimal amount = board.stream().map(Column::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal weighted = board.stream().map(Column::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.println(CommandLine.TEXTS.get("pipeline.title", deals, owner == null ? CommandLine.TEXTS.get("pipeline.everybody") : owner));
        out.println();
        out.println(CommandLine.TEXTS.get("header.pipeline"));
        for (Column c : board) {
            out.printf(Locale.ROOT, "%-16s %8d %18s %18s %9s%n", c.stage(), c.count(), Args.money(c.amount()),
                    Args.money(c.weighted()), Args.percent(share(c.amount(), amount)));
        }
        out.printf(Locale.ROOT, "%-16s %8d %18s %18s%n", CommandLine.TEXTS.get("total"), deals, Args.money(amount), Args.money(weighted));
        if (file != null) {
            List<Object[]> rows = new ArrayList<>();
            for (Column c : board) {
                for (Card d : c.cards()) {
                    BigDecimal w = d.amount().multiply(BigDecimal.valueOf(d.probability())).movePointLeft(2);
                    rows.add(new Object[] { d.code(), d.name(), d.customer(), c.stage().name(), d.amount(), d.probability(),
                            w, d.expectedClose(), d.owner() });
                }
            }
            Args.writeTable(file, "pipeline", List.of("opportunity_code", "opportunity_name", "customer", "stage", "amount",
                    "probability", "weighted", "expected_close", "owner"), rows, Arrays::asList);
            out.println();
            out.println(CommandLine.TEXTS.get("written", file.toAbsolutePath(), rows.size()));
        }
        return 0;
    }

    private int forecast(String[] args) {
        Grain grain = Grain.MONTH;
        Scope scope = Scope.COMPANY;
        YearMonth from = YearMonth.now(AppClock.get());
        Integer periods = null;
        Path file = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--by" -> grain = Grain.valueOf(Args.oneOf("--by", Args.value(args, ++i), List.of("month", "quarter"))
                        .toUpperCase(Locale.ROOT));
                case "--scope" -> scope = Scope.valueOf(Args.oneOf("--scope", Args.value(args, ++i), List.of("company", "team", "rep"))
                        .toUpperCase(Locale.ROOT));
                case "--from" -> from = Args.month(Args.value(args, ++i));
                case "--periods" -> periods = Args.positive("--periods", Args.value(args, ++i));
                case "--out" -> file = Path.of(Args.value(args, ++i));
                default -> throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        int n = periods != null ? periods : grain == Grain.MONTH ? 6 : 4;
        // a quarter starts in January, April, July or October, whichever month was given
        LocalDate start = grain == Grain.MONTH ? from.atDay(1) : from.withMonth((from.getMonthValue() - 1) / 3 * 3 + 1).atDay(1);
        LocalDate end = start.plusMonths((long) n * (grain == Grain.MONTH ? 1 : 3)).minusDays(1);
        List<Row> rows = forecasts.forecast(start, end, grain, scope);
        out.println(CommandLine.TEXTS.get("forecast.title", start, end, scope.name().toLowerCase(Locale.ROOT)));
        out.println();
        if (rows.isEmpty()) {
            out.println(CommandLine.TEXTS.get("forecast.empty"));
        }
        out.println(CommandLine.TEXTS.get("header.forecast"));
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-8s %-14s %6d %16s %16s %16s %16s %16s %9s %9s%n", r.period(), group(scope, r.group()),
                    r.openDeals(), Args.money(r.pipeline()), Args.money(r.weighted()), Args.money(r.won()),
                    Args.money(r.forecast()), r.target() == null ? "-" : Args.money(r.target()), Args.percent(r.attainment()),
                    Args.percent(r.forecastAttainment()));
        }
        if (file != null) {
            Args.writeTable(file, "forecast", List.of("period", "period_start", "group", "open_deals", "pipeline", "weighted",
                    "won_deals", "won", "forecast", "target", "attainment", "forecast_attainment"), rows,
                    r -> Arrays.asList(r.period(), r.periodStart(), r.group(), r.openDeals(), r.pipeline(), r.weighted(),
                            r.wonDeals(), r.won(), r.forecast(), r.target(), r.attainment(), r.forecastAttainment()));
            out.println();
            out.println(CommandLine.TEXTS.get("written", file.toAbsolutePath(), rows.size()));
        }
        return 0;
    }

    private static String group(Scope scope, String group) {
        if (scope == Scope.COMPANY) {
            return CommandLine.TEXTS.get("forecast.company");
        }
        return ForecastService.NO_TEAM.equals(group) && scope == Scope.TEAM ? CommandLine.TEXTS.get("forecast.noTeam") : group;
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, java.math.RoundingMode.HALF_UP);
    }
}
