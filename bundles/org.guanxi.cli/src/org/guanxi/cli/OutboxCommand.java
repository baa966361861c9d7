package org.guanxi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.service.ErpPartnerSync;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.Outbox.Delivery;

/**
 * {@code outbox [--topic PREFIX] [--out FILE.csv]}: how many messages to the ERP are pending, sent or parked, and
 * one row per message (key, state, attempts, the ERP's answer) for reconciliation with the ERP's side.
 * {@code outbox --initial-load}: first queues a message for every customer the ERP does not have yet (after a bulk
 * import, or when a deployment is first connected to its ERP); the routes send them when they next run.
 */
final class OutboxCommand {

    private final Outbox outbox;
    private final ErpPartnerSync partners;
    private final PrintStream out;

    OutboxCommand(Outbox outbox, ErpPartnerSync partners, PrintStream out) {
        this.outbox = outbox;
        this.partners = partners;
        this.out = out;
    }

    int run(String[] args) {
        String topic = "";
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--topic" -> topic = Args.value(args, ++i);
                case "--out" -> file = Path.of(Args.value(args, ++i));
                case "--initial-load" -> out.println(CommandLine.TEXTS.get("outbox.initialLoad", partners.queueMissing()));
                default -> throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        List<Delivery> all = outbox.deliveries(topic);
        Map<String, Integer> byStatus = new TreeMap<>();
        long attempts = 0;
        for (Delivery d : all) {
            byStatus.merge(d.status().name(), 1, Integer::sum);
            attempts += d.attempts();
        }
        out.println(CommandLine.TEXTS.get("outbox.summary", all.size(), byStatus, attempts));
        if (file != null) {
            Args.writeTable(file, "outbox", List.of("id", "topic", "key", "status", "attempts", "answer"), all,
                    d -> List.of(d.messageId(), d.topic(), d.idempotencyKey(), d.status().name(), d.attempts(),
                            d.answer() == null ? "" : d.answer()));
            out.println(CommandLine.TEXTS.get("written", file.toAbsolutePath(), all.size()));
        }
        return 0;
    }
}
