package org.guanxi.core.service;

import java.io.Console;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.Set;

import org.guanxi.core.GuanxiHome;
import org.guanxi.core.db.Database;
import org.guanxi.core.i18n.Texts;

/**
 * How a command or a server without a screen says who it is on a team database, in this order: the environment
 * ({@code GUANXI_USER}, {@code GUANXI_PASSWORD}), the file {@code $GUANXI_HOME/credentials} ({@code user=},
 * {@code password=}; refused unless only its owner may read it), or a prompt on the console. Never an argument:
 * other users of the machine can read those.
 */
public final class HeadlessCredentials {

    public static final String FILE = "credentials";
    private static final Texts TEXTS = Texts.of(HeadlessCredentials.class);

    private HeadlessCredentials() {
    }

    /**
     * Signs this process in: a team database that awaits a person with the credentials found, anything else as
     * {@link SecurityService#signInAsProcess()}.
     *
     * @throws GuanxiException when there are no credentials or the database refuses them
     */
    public static void signIn(Database db, SecurityService security) {
        if (!db.awaitsSignIn()) {
            security.signInAsProcess();
            return;
        }
        Login login = find();
        if (!security.login(login.user(), login.password())) {
            throw new GuanxiException("error.signInFailed", login.user());
        }
    }

    /** A login and its password; clear the password once used. */
    public record Login(String user, char[] password) {
    }

    /** The login and password from the first source that has them. */
    public static Login find() {
        String envUser = System.getenv("GUANXI_USER");
        String envPassword = System.getenv("GUANXI_PASSWORD");
        if (envUser != null && !envUser.isBlank() && envPassword != null) {
            return new Login(envUser.strip(), envPassword.toCharArray());
        }
        Path file = GuanxiHome.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties p = readOwnerOnly(file);
            return new Login(p.getProperty("user", "").strip(), p.getProperty("password", "").toCharArray());
        }
        Console console = System.console();
        if (console == null) {
            throw new GuanxiException("error.noCredentials", file);
        }
        String user = envUser != null && !envUser.isBlank() ? envUser.strip() : console.readLine(TEXTS.get("prompt.user")).strip();
        char[] typed = console.readPassword(TEXTS.get("prompt.password", user));
        return new Login(user, typed == null ? new char[0] : typed);
    }

    private static Properties readOwnerOnly(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new GuanxiException("error.credentialsReadable", file);
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return p;
        } catch (UnsupportedOperationException e) {
            throw new GuanxiException("error.credentialsReadable", file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
