package org.guanxi.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

import org.guanxi.cli.CommandLine.UsageException;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.TeamBackup;
import org.guanxi.core.service.HeadlessCredentials;

/**
 * {@code backup FILE} and {@code restore FILE --yes}: the team database ({@code db.url} of this data folder) through
 * pg_dump and pg_restore, signed in as its owner ({@code db.user}/{@code db.password}, or as {@link HeadlessCredentials}
 * says). A restore replaces everything in the database and so wants {@code --yes}; stop the team servers first.
 */
final class BackupCommand {

    private final PrintStream out;

    BackupCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) {
        boolean restore = args[0].equals("restore");
        boolean yes = false;
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--yes") && restore) {
                yes = true;
            } else if (file == null && !args[i].startsWith("--")) {
                file = Path.of(args[i]);
            } else {
                throw new UsageException(CommandLine.TEXTS.get("unknown", args[i]));
            }
        }
        if (file == null) {
            throw new UsageException(CommandLine.TEXTS.get("backup.needsFile", args[0]));
        }
        DatabaseSettings s = owner(DatabaseSettings.load());
        try {
            if (!restore) {
                long bytes = TeamBackup.backup(s, file);
                out.println(CommandLine.TEXTS.get("backup.written", s.describe(), file, bytes));
                return 0;
            }
            if (!yes) {
                throw new UsageException(CommandLine.TEXTS.get("restore.confirm", s.describe(), file));
            }
            TeamBackup.restore(s, file);
            out.println(CommandLine.TEXTS.get("restore.done", file, s.describe()));
            return 0;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static DatabaseSettings owner(DatabaseSettings s) {
        if (s.user() != null || !s.isPostgreSql()) {
            return s;
        }
        HeadlessCredentials.Login login = HeadlessCredentials.find();
        return new DatabaseSettings(s.url(), login.user(), new String(login.password()));
    }
}
