package org.guanxi.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.CustomerValueService.CustomerValue;
import org.guanxi.core.service.CustomerValueService.Summary;
import org.guanxi.core.service.CustomerValueService.TierLevel;

/**
 * {@code analyze pyramid|lifecycle|rfm|clv|matrix [--as-of DATE] [--out FILE.csv]}: runs the customer value
 * analysis (stored as a run, like the desktop's), prints the distribution and writes one CSV row per customer.
 */
final class AnalyzeCommand {

    private static final List<String> KINDS = List.of("pyramid", "lifecycle", "rfm", "clv", "matrix");

    private final CustomerValueService values;
    private final PrintStream out;

    AnalyzeCommand(CustomerValueService values, PrintStream out, PrintStream err) {
        this.values = values;
        this.out = out;
    }

    int run(String[] args) {
        String kind = args[1];
        if (!KINDS.contains(kind)) {
            throw new UsageException(CommandLine.TEXTS.get("unknown", "analyze " + kind));
        }
        LocalDate asOf = null;
        Path csv = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--as-of" -> asOf = Args.date(Args.value(args, ++i));
                case "--out" -> csv = Path.of(Args.value(args, ++i));
                default -> throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        if (asOf == null) {
            asOf = values.latestOrderDate();
        }
        Summary s = values.analyse(asOf, n -> { });
        out.println(CommandLine.TEXTS.get("asOf", s.customers(), s.asOf(), s.millis(), s.runId()));
        out.println();
        switch (kind) {
            case "pyramid" -> printPyramid(s);
            case "lifecycle" -> {
                printCounts("header.lifecycle", s.stages(), s.customers());
                out.println();
                printCounts("header.status", s.statuses(), s.customers());
            }
            case "rfm" -> printCounts("header.rfm", s.rfm(), s.customers());
            case "matrix" -> printCounts("header.matrix", s.matrix(), s.customers());
            default -> out.println(CommandLine.TEXTS.get("equity", Args.money(s.equity())));
        }
        if (csv != null) {
            int rows = writeTable(csv, kind, values.latest());
            out.println();
            out.println(CommandLine.TEXTS.get("written", csv.toAbsolutePath(), rows));
        }
        return 0;
    }

    private void printPyramid(Summary s) {
        out.println(CommandLine.TEXTS.get("header.pyramid"));
        for (TierLevel l : s.pyramid()) {
            out.printf(Locale.ROOT, "%-12s %10d %7.2f %% %19s %11.2f %% %14s%n", l.tier(), l.customers(),
                    100.0 * l.customers() / Math.max(1, s.customers()), Args.money(l.value()), 100 * l.valueShare(),
                    Args.money(l.equity()));
        }
        out.println(CommandLine.TEXTS.get("equity", Args.money(s.equity())));
    }

    private <E> void printCounts(String header, Map<E, Integer> counts, int total) {
        out.println(CommandLine.TEXTS.get(header));
        counts.forEach((k, n) -> out.printf(Locale.ROOT, "%-20s %10d %7.2f %%%n", k, n, 100.0 * n / Math.max(1, total)));
    }

    /** One row per customer with the columns of the analysis. */
    private static int writeTable(Path file, String kind, List<CustomerValue> rows) {
        Map<String, List<String>> columns = Map.of(
                "pyramid", List.of("value_12m", "tier", "tier_reason"),
                "lifecycle", List.of("stage", "stage_reason", "status", "status_reason"),
                "rfm", List.of("r", "f", "m", "rfm_segment"),
                "clv", List.of("clv_realised", "clv_predicted", "clv_total", "stage"),
                "matrix", List.of("value_12m", "clv_predicted", "quadrant"));
        Map<String, Function<CustomerValue, Object>> get = Map.ofEntries(
                Map.entry("value_12m", CustomerValue::value12m), Map.entry("tier", CustomerValue::tier),
                Map.entry("tier_reason", CustomerValue::tierReason), Map.entry("stage", CustomerValue::stage),
                Map.entry("stage_reason", CustomerValue::stageReason), Map.entry("r", CustomerValue::r),
                Map.entry("f", CustomerValue::f), Map.entry("m", CustomerValue::m),
                Map.entry("rfm_segment", CustomerValue::rfmSegment), Map.entry("clv_realised", CustomerValue::clvRealised),
                Map.entry("clv_predicted", CustomerValue::clvPredicted),
                Map.entry("clv_total", v -> v.clvRealised().add(v.clvPredicted())),
                Map.entry("quadrant", CustomerValue::quadrant), Map.entry("status", CustomerValue::status),
                Map.entry("status_reason", CustomerValue::statusReason));
        List<String> cols = columns.get(kind);
        List<String> header = new java.util.ArrayList<>(List.of("customer_code", "customer_name"));
        header.addAll(cols);
        Args.writeTable(file, kind, header, rows, v -> {
            List<Object> record = new java.util.ArrayList<>(header.size());
            record.add(v.code());
            record.add(v.name());
            for (String c : cols) {
                Object value = get.get(c).apply(v);
                record.add(value instanceof Enum<?> e ? e.name() : value);
            }
            return record;
        });
        return rows.size();
    }
}
