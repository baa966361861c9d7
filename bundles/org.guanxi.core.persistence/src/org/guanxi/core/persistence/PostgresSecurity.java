package org.guanxi.core.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Applies {@code db/security/postgresql.sql} — roles, grants, row policies, the database's audit trail, login
 * administration — to a team database. Only the database's owner (or a superuser) can, and does so after the
 * migrations whenever the script differs from the one applied last (kept in {@code SECURITY_SCRIPT}); a person's
 * desktop only checks that it has been applied.
 */
public final class PostgresSecurity {

    private static final Logger LOG = Logger.getLogger(PostgresSecurity.class.getName());
    private static final String SCRIPT = "db/security/postgresql.sql";

    private PostgresSecurity() {
    }

    /** The prefix of this database's group roles: {@code gx_<database>_}, in the characters a role name may hold. */
    public static String rolePrefix(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            String db = rs.getString(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            // a role name has at most 63 bytes; the longest group suffix is "sales_manager"
            return "gx_" + (db.length() > 40 ? db.substring(0, 40) : db) + "_";
        }
    }

    /** The group role of an application role (ADMIN, SALES, …) in this database. */
    public static String group(Connection c, String appRole) throws SQLException {
        return rolePrefix(c) + appRole.toLowerCase(Locale.ROOT);
    }

    /** Brings the database's security up to this build's script; returns whether it applied it just now. */
    static boolean apply(Connection c) throws SQLException {
        String script = read().replace("${p}", rolePrefix(c));
        // the masked views are made from the tables as they are: after a migration the script runs again
        String hash = sha256(script + "\n-- schema " + schemaVersion(c));
        boolean owner = isOwner(c);
        boolean autoCommit = c.getAutoCommit();
        try (Statement st = c.createStatement()) {
            if (owner) {
                st.execute("CREATE TABLE IF NOT EXISTS SECURITY_SCRIPT (HASH VARCHAR(64) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL)");
            }
            if (hash.equals(appliedHash(st))) {
                return false;
            }
            if (!owner) {
                throw new SQLException("The team database's security is not up to date with this Guanxi build: start the "
                        + "team server (or 'releng/guanxi migrate') as the database's owner first.", "42501");
            }
            c.setAutoCommit(false);
            for (String statement : SchemaMigrator.split(script)) {
                st.execute(statement);
            }
            st.execute("DELETE FROM SECURITY_SCRIPT");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SECURITY_SCRIPT (HASH, APPLIED_AT) VALUES (?, localtimestamp)")) {
                ps.setString(1, hash);
                ps.executeUpdate();
            }
            c.commit();
            LOG.info(() -> "Applied the team database's security (" + SCRIPT + ", " + hash.substring(0, 12) + ")");
            return true;
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            if ("42501".equals(e.getSQLState()) && e.getMessage().contains("create role")) {
                throw new SQLException("The owner of the team database needs CREATEROLE to create its group roles "
                        + "(ALTER ROLE … CREATEROLE): " + e.getMessage(), e.getSQLState(), e);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static int schemaVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(VERSION) FROM SCHEMA_VERSION")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String appliedHash(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('security_script') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT HASH FROM SECURITY_SCRIPT")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Whether the connected role owns this database (or is a superuser): only it changes schema and security. */
    static boolean isOwner(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT r.rolsuper OR pg_has_role(current_user, d.datdba, 'MEMBER') FROM pg_roles r, pg_database d "
                        + "WHERE r.rolname = current_user AND d.datname = current_database()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String read() {
        try (InputStream in = PostgresSecurity.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
