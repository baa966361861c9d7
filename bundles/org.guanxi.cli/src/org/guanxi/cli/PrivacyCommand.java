package org.guanxi.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.service.PrivacyService;
import org.guanxi.core.service.PrivacyService.Export;

/**
 * {@code privacy export CUSTOMER [--out FOLDER]}: everything held about one person (PIPL Art. 45), as JSON and as an
 * Excel workbook, in the folder (the current one by default).
 */
final class PrivacyCommand {

    private final PrivacyService privacy;
    private final PrintStream out;

    PrivacyCommand(PrivacyService privacy, PrintStream out) {
        this.privacy = privacy;
        this.out = out;
    }

    int run(String[] args) {
        if (!"export".equals(args[1]) || args.length < 3 || args[2].startsWith("--")) {
            throw new UsageException(CommandLine.TEXTS.get("privacy.needs"));
        }
        String customer = args[2];
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
}
