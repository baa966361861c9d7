package org.guanxi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guanxi.core.AppClock;
import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Construct;
import org.guanxi.core.model.Survey;
import org.guanxi.core.service.ChurnService;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.LoyaltyService.Measures;
import org.guanxi.core.service.SurveyService;
import org.guanxi.core.service.SurveyService.Figures;
import org.guanxi.core.service.SurveyService.Grouping;
import org.guanxi.core.service.SurveyService.Satisfaction;

/**
 * {@code analyze loyalty [--as-of DATE] [--out FILE]}: loyalty per tier and the points ledger's check;
 * {@code analyze csi|nps [--survey CODE] [--by tier|product|month|source] [--from DATE] [--to DATE] [--out FILE]}:
 * the satisfaction index with its constructs, or the Net Promoter Score with its parts, in total and per group.
 */
final class ServiceAnalyzeCommand {

    static final List<String> KINDS = List.of("csi", "nps", "loyalty", "churn-rules");

    private final SurveyService surveys;
    private final LoyaltyService loyalty;
    private final ChurnService churn;
    private final PrintStream out;

    ServiceAnalyzeCommand(SurveyService surveys, LoyaltyService loyalty, ChurnService churn, PrintStream out) {
        this.surveys = surveys;
        this.loyalty = loyalty;
        this.churn = churn;
        this.out = out;
    }

    int run(String[] args) {
        String kind = args[1];
        if ("loyalty".equals(kind)) {
            return loyalty(args);
        }
        if ("churn-rules".equals(kind)) {
            return churn(args);
        }
        String code = "CSI";
        Grouping by = Grouping.TIER;
        LocalDate to = AppClock.today();
        LocalDate from = null;
        Path file = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--survey" -> code = Args.value(args, ++i);
                case "--by" -> by = Grouping.valueOf(Args.oneOf("--by", Args.value(args, ++i),
                        List.of("tier", "product", "month", "source")).toUpperCase(Locale.ROOT));
                case "--from" -> from = Args.date(Args.value(args, ++i));
                case "--to" -> to = Args.date(Args.value(args, ++i));
                case "--out" -> file = Path.of(Args.value(args, ++i));
                default -> throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        if (from == null) {
            from = to.minusYears(1).plusDays(1);
        }
        Survey survey = surveys.survey(code);
        Satisfaction s = surveys.satisfaction(survey.getId(), from, to, by);
        out.println(CommandLine.TEXTS.get("survey.header", survey.name(Locale.getDefault()), from, to, s.total().responses()));
        out.println();
        List<Construct> constructs = survey.getQuestions().stream().map(q -> q.getConstruct())
                .filter(c -> c != Construct.RECOMMEND).distinct().sorted().toList();
        List<Figures> rows = new ArrayList<>(s.groups());
        rows.add(new Figures(CommandLine.TEXTS.get("survey.total"), s.total().responses(), s.total().csi(),
                s.total().constructs(), s.total().recommenders(), s.total().promoters(), s.total().passives(),
                s.total().detractors()));
        List<String> header = new ArrayList<>(List.of(CommandLine.TEXTS.get("survey.by." + by), CommandLine.TEXTS.get("survey.responses")));
        if ("csi".equals(kind)) {
            header.add("CSI");
            constructs.forEach(c -> header.add(Labels.of(c)));
        } else {
            header.addAll(List.of("NPS", CommandLine.TEXTS.get("survey.promoters"), CommandLine.TEXTS.get("survey.passives"),
                    CommandLine.TEXTS.get("survey.detractors")));
        }
        out.println(String.join("\t", header));
        for (Figures f : rows) {
            List<String> cells = cells(kind, constructs, f);
            cells.set(0, group(by, f.group()));
            out.println(String.join("\t", cells));
        }
        if (file != null) {
            Grouping grouping = by;
            Args.writeTable(file, kind.toUpperCase(Locale.ROOT), header, rows, f -> {
                List<String> cells = cells(kind, constructs, f);
                cells.set(0, group(grouping, f.group()));
                return cells;
            });
            out.println();
            out.println(CommandLine.TEXTS.get("written", file.toAbsolutePath(), rows.size()));
        }
        return 0;
    }

    /** {@code analyze loyalty [--as-of DATE] [--out FILE]}: loyalty measured per tier, points, and the ledger check. */
    private int loyalty(String[] args) {
        AsOf options = AsOf.of(args);
        LocalDate asOf = options.asOf();
        Path file = options.file();
        List<Measures> rows = loyalty.measures(asOf);
        out.println(CommandLine.TEXTS.get("loyalty.header", asOf.minusYears(1).plusDays(1), asOf));
        out.println();
        List<String> header = List.of(CommandLine.TEXTS.get("survey.by.TIER"), CommandLine.TEXTS.get("loyalty.customers"),
                CommandLine.TEXTS.get("loyalty.buyers"), CommandLine.TEXTS.get("loyalty.repurchase"),
                CommandLine.TEXTS.get("loyalty.frequency"), CommandLine.TEXTS.get("loyalty.retention"),
                CommandLine.TEXTS.get("loyalty.tenure"), CommandLine.TEXTS.get("loyalty.balance"),
                CommandLine.TEXTS.get("loyalty.earned"), CommandLine.TEXTS.get("loyalty.redeemed"),
                CommandLine.TEXTS.get("loyalty.walletKnown"), CommandLine.TEXTS.get("loyalty.shareOfWallet"));
        out.println(String.join("\t", header));
        java.util.function.Function<Measures, List<?>> cells = m -> List.of(
                m.tier() == null ? CommandLine.TEXTS.get("survey.total") : Labels.of(m.tier()), m.customers(), m.buyers(),
                percent(m.repurchaseRate()), one(m.purchaseFrequency()), percent(m.retentionRate()), one(m.tenureYears()),
                m.pointsBalance(), m.pointsEarned(), m.pointsRedeemed(), m.walletKnown(),
                m.walletKnown() == 0 ? "—" : percent(m.shareOfWallet()));
        rows.forEach(m -> out.println(String.join("\t", cells.apply(m).stream().map(String::valueOf).toList())));
        List<Long> unbalanced = loyalty.unbalanced();
        out.println();
        out.println(unbalanced.isEmpty() ? CommandLine.TEXTS.get("loyalty.balanced")
                : CommandLine.TEXTS.get("loyalty.unbalanced", unbalanced.size(), unbalanced.subList(0, Math.min(10, unbalanced.size()))));
        if (file != null) {
            Args.writeTable(file, "Loyalty", header, rows, cells);
            out.println(CommandLine.TEXTS.get("written", file.toAbsolutePath(), rows.size()));
        }
        return unbalanced.isEmpty() ? 0 : 1;
    }

    /**
     * {@code analyze churn-rules [--as-of DATE] [--out FILE]}: the rules, churn and win-back rates per tier, and one
     * row per flagged customer with the reasons and figures behind them.
     */
    private int churn(String[] args) {
        AsOf options = AsOf.of(args);
        LocalDate asOf = options.asOf();
        Path file = options.file();
        ChurnService.Rules rules = churn.rules();
        out.println(CommandLine.TEXTS.get("churn.rules", one(rules.silenceFactor()), rules.minOrders(),
                Math.round(100 * rules.spendDrop()), rules.complaintDays()));
        out.println();
        out.println(String.join("\t", CommandLine.TEXTS.get("survey.by.TIER"), CommandLine.TEXTS.get("churn.buyers"),
                CommandLine.TEXTS.get("churn.atRisk"), CommandLine.TEXTS.get("churn.rate"), CommandLine.TEXTS.get("churn.closed"),
                CommandLine.TEXTS.get("churn.won"), CommandLine.TEXTS.get("churn.winRate")));
        for (ChurnService.Rates r : churn.rates(asOf)) {
            out.println(String.join("\t", r.tier() == null ? CommandLine.TEXTS.get("survey.total") : Labels.of(r.tier()),
                    String.valueOf(r.buyers()), String.valueOf(r.atRisk()), percent(r.churnRate()),
                    String.valueOf(r.winBacksClosed()), String.valueOf(r.wonBack()), percent(r.winBackRate())));
        }
        List<ChurnService.Risk> risks = churn.identify(asOf);
        out.println();
        java.util.Map<org.guanxi.core.model.ChurnType, Long> types = risks.stream().collect(java.util.stream.Collectors.groupingBy(
                ChurnService.Risk::type, () -> new java.util.EnumMap<>(org.guanxi.core.model.ChurnType.class),
                java.util.stream.Collectors.counting()));
        types.forEach((t, n) -> out.println(Labels.of(t) + "\t" + n));
        if (file != null) {
            Args.writeTable(file, "Churn", List.of("customer_code", "customer_name", "tier", "reasons", "churn_type", "last_order",
                    "usual_interval_days", "days_silent", "spend_last_6m", "spend_6m_before", "open_complaints"), risks,
                    r -> List.of(r.code(), r.name(), r.tier(), r.reasons().stream().map(Enum::name)
                            .collect(java.util.stream.Collectors.joining("+")), r.type(), r.lastOrder(), r.usualIntervalDays(),
                            r.daysSilent(), r.spendRecent(), r.spendBefore(), r.openComplaints()));
            out.println();
            out.println(CommandLine.TEXTS.get("written", file.toAbsolutePath(), risks.size()));
        }
        return 0;
    }

    /** The options of the commands that look at one day: {@code [--as-of DATE] [--out FILE]}. */
    private record AsOf(LocalDate asOf, Path file) {

        static AsOf of(String[] args) {
            LocalDate asOf = AppClock.today();
            Path file = null;
            for (int i = 2; i < args.length; i++) {
                switch (args[i]) {
                    case "--as-of" -> asOf = Args.date(Args.value(args, ++i));
                    case "--out" -> file = Path.of(Args.value(args, ++i));
                    default -> throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
                }
            }
            return new AsOf(asOf, file);
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static List<String> cells(String kind, List<Construct> constructs, Figures f) {
        List<String> cells = new ArrayList<>(List.of(f.group(), String.valueOf(f.responses())));
        if ("csi".equals(kind)) {
            cells.add(one(f.csi()));
            constructs.forEach(c -> cells.add(f.constructs().containsKey(c) ? one(f.constructs().get(c)) : "-"));
        } else {
            cells.addAll(List.of(one(f.nps()), String.valueOf(f.promoters()), String.valueOf(f.passives()),
                    String.valueOf(f.detractors())));
        }
        return cells;
    }

    private static String group(Grouping by, String group) {
        if (by == Grouping.TIER) {
            try {
                return Labels.of(org.guanxi.core.model.Tier.valueOf(group));
            } catch (IllegalArgumentException e) {
                return group;
            }
        }
        if (by == Grouping.SOURCE) {
            try {
                return Labels.of(org.guanxi.core.model.ResponseSource.valueOf(group));
            } catch (IllegalArgumentException e) {
                return group;
            }
        }
        return group.isEmpty() ? "-" : group;
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
