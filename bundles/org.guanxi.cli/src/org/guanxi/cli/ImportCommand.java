package org.guanxi.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.service.OrderImportService;
import org.guanxi.core.service.OrderImportService.Format;
import org.guanxi.core.service.OrderImportService.Problem;
import org.guanxi.core.service.OrderImportService.Report;

/** {@code import orders FILE [--format online-retail]}: all lines or none, with a report of every bad line. */
final class ImportCommand {

    private final OrderImportService orders;
    private final PrintStream out;
    private final PrintStream err;

    ImportCommand(OrderImportService orders, PrintStream out, PrintStream err) {
        this.orders = orders;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (!"orders".equals(args[1])) {
            throw new UsageException(CommandLine.TEXTS.get("unknown", "import " + args[1]));
        }
        if (args.length < 3) {
            throw new UsageException(CommandLine.TEXTS.get("import.noFile"));
        }
        Path file = Path.of(args[2]);
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--format") && i + 1 < args.length && args[i + 1].equals("online-retail")) {
                i++;
            } else {
                throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        if (!Files.isRegularFile(file)) {
            err.println(CommandLine.TEXTS.get("import.missing", file.toAbsolutePath()));
            return 1;
        }
        Report r = orders.importOrders(file, Format.ONLINE_RETAIL);
        if (!r.ok()) {
            err.println(CommandLine.TEXTS.get("import.rejected", r.file(), r.problems().size()));
            for (Problem p : r.problems()) {
                err.println(CommandLine.TEXTS.get("import.problem", p.file(), p.line(), p.field(), p.reason()));
            }
            return 1;
        }
        out.println(CommandLine.TEXTS.get("import.done", r.file(), r.millis()));
        for (String line : new String[] { CommandLine.TEXTS.get("import.lines", r.lines(), r.linesImported()),
                CommandLine.TEXTS.get("import.orders", r.orders(), r.returns(), r.skippedExisting()),
                CommandLine.TEXTS.get("import.created", r.customersCreated(), r.productsCreated()),
                CommandLine.TEXTS.get("import.noCustomer", r.skippedNoCustomer()) }) {
            out.println("  " + line);
        }
        return 0;
    }
}
