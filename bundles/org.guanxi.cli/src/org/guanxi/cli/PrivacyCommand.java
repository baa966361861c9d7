package org.guanxi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.service.PrivacyService;
import org.guanxi.core.service.PrivacyService.Due;
import org.guanxi.core.service.PrivacyService.Kind;
import org.guanxi.core.service.PrivacyService.RetentionRules;
import org.guanxi.core.service.PrivacyService.Erasure;
import org.guanxi.core.service.PrivacyService.Export;

/**
 * {@code privacy export CUSTOMER [--out FOLDER]}: everything held about one person (PIPL Art. 45), as JSON and as an
 * Excel workbook, in the folder (the current one by default). {@code privacy erase CUSTOMER --reason TEXT}: the
 * person anonymised everywhere (Art. 47). {@code privacy retention --months N [--leads N] [--calls N] [--apply]}: who
 * has been kept N months after their last activity with nothing open, how many leads never converted and calls are
 * past their periods (Art. 19); anonymised with {@code --apply}.
 */
final class PrivacyCommand {

    private final PrivacyService privacy;
    private final PrintStream out;

    PrivacyCommand(PrivacyService privacy, PrintStream out) {
        this.privacy = privacy;
        this.out = out;
    }

    int run(String[] args) {
        if (args.length >= 2 && "retention".equals(args[1])) {
            return retention(args);
        }
        if (args.length < 3 || args[2].startsWith("--") || !List.of("export", "erase").contains(args[1])) {
            throw new UsageException(CommandLine.TEXTS.get("privacy.needs"));
        }
        String customer = args[2];
        if ("erase".equals(args[1])) {
            return erase(customer, args);
        }
        Path folder = Path.of("");
        for (int i = 3; i < args.length; i++) {
            if ("--out".equals(args[i])) {
                folder = Path.of(Args.value(args, ++i));
            } else {
                throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        Export e = privacy.export(customer, folder.toAbsolutePath());
        out.println(CommandLine.TEXTS.get("privacy.exported", customer, e.rows(), e.tables()));
        out.println(CommandLine.TEXTS.get("written", e.json(), e.rows()));
        out.println(CommandLine.TEXTS.get("written", e.workbook(), e.rows()));
        return 0;
    }

    private int erase(String customer, String[] args) {
        String reason = null;
        for (int i = 3; i < args.length; i++) {
            if ("--reason".equals(args[i])) {
                reason = Args.value(args, ++i);
            } else {
                throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        if (reason == null || reason.isBlank()) {
            throw new UsageException(CommandLine.TEXTS.get("privacy.needs"));
        }
        Erasure e = privacy.erase(customer, reason);
        out.println(CommandLine.TEXTS.get("privacy.erased", customer, e.rows(), e.tables(), e.files()));
        return 0;
    }

    /**
     * Each rule given: {@code --months N} for customers (listed), {@code --leads N} and {@code --calls N} for records of
     * their own (counted); anonymised only when told with {@code --apply}.
     */
    private int retention(String[] args) {
        Integer months = null;
        Map<Kind, Integer> rules = new EnumMap<>(Kind.class);
        boolean apply = false;
        boolean schedule = false;
        boolean off = false;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--schedule" -> schedule = true;
                case "off" -> {
                    if (!schedule) {
                        throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
                    }
                    off = true;
                }
                case "--months", "--customers" -> months = Args.positive(args[i], Args.value(args, ++i));
                case "--leads" -> rules.put(Kind.LEADS, Args.positive("--leads", Args.value(args, ++i)));
                case "--calls" -> rules.put(Kind.CALLS, Args.positive("--calls", Args.value(args, ++i)));
                case "--apply" -> apply = true;
                default -> throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        if (schedule) {
            return schedule(off, months, rules);
        }
        if (months == null && rules.isEmpty()) {
            throw new UsageException(CommandLine.TEXTS.get("privacy.needs"));
        }
        if (months != null && !apply) {
            List<Due> due = privacy.due(months);
            for (Due d : due) {
                out.println(CommandLine.TEXTS.get("privacy.due", d.code(), d.name(), d.lastActivity().toString()));
            }
            out.println(CommandLine.TEXTS.get("privacy.dueTotal", due.size(), months));
        } else if (months != null) {
            Erasure e = privacy.applyRetention(months);
            out.println(CommandLine.TEXTS.get("privacy.retained", e.persons(), months, e.rows(), e.tables(), e.files()));
        }
        for (Map.Entry<Kind, Integer> rule : rules.entrySet()) {
            String kind = rule.getKey().name().toLowerCase(java.util.Locale.ROOT);
            int n = apply ? privacy.expire(rule.getKey(), rule.getValue()) : privacy.expired(rule.getKey(), rule.getValue());
            out.println(CommandLine.TEXTS.get("privacy." + kind + (apply ? ".expired" : ".due"), n, rule.getValue()));
        }
        return 0;
    }

    /** {@code --schedule} shows the daily rules; with periods it sets exactly those, with {@code off} none. */
    private int schedule(boolean off, Integer months, Map<Kind, Integer> rules) {
        if (off && (months != null || !rules.isEmpty())) {
            throw new UsageException(CommandLine.TEXTS.get("privacy.needs"));
        }
        if (off || months != null || !rules.isEmpty()) {
            privacy.saveRetentionRules(new RetentionRules(months, rules.get(Kind.LEADS), rules.get(Kind.CALLS)));
        }
        RetentionRules r = privacy.retentionRules();
        out.println(r.none() ? CommandLine.TEXTS.get("privacy.scheduleOff")
                : CommandLine.TEXTS.get("privacy.schedule", period(r.customerMonths()), period(r.leadMonths()), period(r.callMonths())));
        return 0;
    }

    private static String period(Integer months) {
        return months == null ? "-" : months.toString();
    }
}
