package org.guanxi.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.postgresql.util.PasswordUtil;

/**
 * The persons' own logins of a team database and their sales teams. A login is created and changed through the
 * database's {@code gx_save_login} function (db/security/postgresql.sql), which only an administrator may call and
 * which runs as the database's owner: the administrators themselves cannot create roles.
 */
final class TeamLogins {

    /** What the database function accepts: a role name that needs no quoting anywhere. */
    private static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9_.]{1,62}");

    private TeamLogins() {
    }

    static boolean valid(String login) {
        return login != null && LOGIN.matcher(login).matches() && !login.startsWith("pg_") && !login.startsWith("gx_");
    }

    /**
     * The password as a SCRAM-SHA-256 verifier, computed here by the PostgreSQL driver: the server stores it as it is,
     * so the password itself never travels and never shows in the server's statement log.
     */
    static String verifier(char[] password) {
        return PasswordUtil.encodeScramSha256(password);
    }

    static void save(Connection c, String login, String verifier, Set<String> roles, boolean active) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT gx_save_login(?, ?, ?, ?)")) {
            ps.setString(1, login);
            ps.setString(2, verifier);
            ps.setArray(3, c.createArrayOf("text", roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toArray()));
            ps.setBoolean(4, active);
            ps.execute();
        }
    }

    /** A person's new password, set by that person's own connection (every role may change its own). */
    static void changeOwn(Connection c, String verifier) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER ROLE CURRENT_USER PASSWORD '" + verifier.replace("'", "''") + "'");
        }
    }

    /** Null leaves the team as it is, blank takes the person out of every team. */
    static void assignTeam(Connection c, String login, String team) throws SQLException {
        if (team == null) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM SALES_TEAM_MEMBER WHERE LOGIN = ?")) {
            del.setString(1, login);
            del.executeUpdate();
        }
        if (!team.isBlank()) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO SALES_TEAM_MEMBER (LOGIN, TEAM) VALUES (?, ?)")) {
                ins.setString(1, login);
                ins.setString(2, team.strip());
                ins.executeUpdate();
            }
        }
    }

    static Map<String, String> teams(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT LOGIN, TEAM FROM SALES_TEAM_MEMBER");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
