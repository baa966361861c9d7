package org.guanxi.core.persistence;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backup and restore of a team database with PostgreSQL's own tools: {@code pg_dump -Fc} (consistent while desktops
 * work on) and {@code pg_restore --clean --single-transaction} (all or nothing). Written by hand around the two
 * programs because they are the right tool and no Java library reproduces them; the password reaches them in their
 * environment, never on a command line. A restore leaves the privileges out and has the next start of the team server
 * apply the security script again, so that a dump moves to another cluster whose group roles differ; the persons'
 * logins belong to the cluster (pg_dumpall --roles-only), not to the dump.
 */
public final class TeamBackup {

    private TeamBackup() {
    }

    /** Writes the database into {@code file} (PostgreSQL's custom format); returns its size in bytes. */
    public static long backup(DatabaseSettings s, Path file) throws IOException, SQLException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        run(s, List.of(tool("pg_dump"), "--format=custom", "--no-owner", "--file=" + partial));
        // a backup that is there is whole: renamed only once pg_dump has finished
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return Files.size(file);
    }

    /** Replaces the database's content with {@code file}'s, in one transaction; the security follows at the next start. */
    public static void restore(DatabaseSettings s, Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("No backup " + file);
        }
        run(s, List.of(tool("pg_restore"), "--clean", "--if-exists", "--single-transaction", "--no-owner",
                "--no-privileges", "--exit-on-error", file.toString()));
        try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM SECURITY_SCRIPT");
        }
    }

    private static void run(DatabaseSettings s, List<String> command) throws IOException {
        if (!s.isPostgreSql()) {
            throw new IllegalArgumentException("backup and restore are for a team database (PostgreSQL), not " + s.describe()
                    + ": a standalone installation is backed up by copying its stopped data folder");
        }
        Target t = Target.of(s.url());
        List<String> args = new ArrayList<>(command);
        args.addAll(1, List.of("--host=" + t.host(), "--port=" + t.port(), "--dbname=" + t.database()));
        if (s.user() != null) {
            args.add(1, "--username=" + s.user());
        }
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        if (s.password() != null) {
            env.put("PGPASSWORD", s.password());
        }
        env.put("PGSSLMODE", t.sslMode());
        env.put("PGCONNECT_TIMEOUT", "30");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(Path.of(args.get(0)).getFileName() + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code jdbc:postgresql://host[:port]/database[?sslmode=…]}, as far as the two tools need it. */
    record Target(String host, int port, String database, String sslMode) {

        static Target of(String url) {
            URI u = URI.create(url.substring("jdbc:".length()));
            String mode = "prefer";
            if (u.getQuery() != null) {
                for (String kv : u.getQuery().split("&")) {
                    if (kv.startsWith("sslmode=")) {
                        mode = kv.substring("sslmode=".length());
                    }
                }
            }
            return new Target(u.getHost() == null ? "localhost" : u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(),
                    u.getPath().substring(1), mode);
        }
    }

    /** The PostgreSQL program on the PATH, else the newest of Debian's {@code /usr/lib/postgresql/N/bin}. */
    static String tool(String name) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found = versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                        .max(Comparator.comparingInt(TeamBackup::version));
                if (found.isPresent()) {
                    return found.get().toString();
                }
            }
        }
        throw new IOException(name + " not found: install PostgreSQL's client programs (Debian: postgresql-client)");
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
