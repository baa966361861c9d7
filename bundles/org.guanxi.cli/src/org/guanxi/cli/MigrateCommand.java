package org.guanxi.cli;

import java.io.Console;
import java.io.PrintStream;
import java.sql.SQLException;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.db.Database;
import org.guanxi.core.persistence.DatabaseCopy;
import org.guanxi.core.persistence.DatabaseCopy.Report;
import org.guanxi.core.persistence.DatabaseSettings;

/**
 * {@code migrate --to jdbc:postgresql://HOST/DB --user NAME}: copies this data folder's embedded database into an empty
 * PostgreSQL database (the team server's) and reports each table's rows and checksum on both sides. The password comes
 * from {@code GUANXI_PASSWORD} or is asked for; it is never an argument, which other users of the machine could read.
 */
final class MigrateCommand {

    private final Database source;
    private final PrintStream out;

    MigrateCommand(Database source, PrintStream out) {
        this.source = source;
        this.out = out;
    }

    int run(String[] args) {
        String url = null;
        String user = System.getenv("GUANXI_USER");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> url = Args.value(args, ++i);
                case "--user" -> user = Args.value(args, ++i);
                default -> throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        if (url == null || user == null) {
            throw new UsageException(CommandLine.TEXTS.get("migrate.needs"));
        }
        if (source.shared()) {
            throw new IllegalStateException(CommandLine.TEXTS.get("migrate.notStandalone", source.describe()));
        }
        DatabaseSettings target = new DatabaseSettings(url, user, password(user));
        Report report;
        try {
            report = DatabaseCopy.copy(source.unpooledDataSource(), target, table -> { });
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        for (DatabaseCopy.Table t : report.tables()) {
            out.println(CommandLine.TEXTS.get(t.same() ? "migrate.table" : "migrate.tableDiffers", t.name(), t.sourceRows(),
                    t.targetRows(), t.sourceChecksum().substring(0, 12), t.targetChecksum().substring(0, 12)));
        }
        out.println(CommandLine.TEXTS.get(report.verified() ? "migrate.verified" : "migrate.differs", report.tables().size(),
                report.rows(), target.describe(), report.schemaVersion()));
        return report.verified() ? 0 : 1;
    }

    private static String password(String user) {
        String password = System.getenv("GUANXI_PASSWORD");
        if (password != null) {
            return password;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException(CommandLine.TEXTS.get("migrate.noPassword"));
        }
        char[] typed = console.readPassword(CommandLine.TEXTS.get("migrate.password", user));
        return typed == null ? "" : new String(typed);
    }
}
