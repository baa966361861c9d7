package org.guanxi.core.db;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;

/**
 * The two databases Guanxi runs on, and the little SQL that differs between them. Everything else is written once, in
 * SQL both understand.
 */
public enum SqlDialect {

    /** Embedded Apache Derby, the single-user default. */
    DERBY,
    /** PostgreSQL, the team database. */
    POSTGRESQL;

    public static SqlDialect of(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL
                : DERBY;
    }

    /** From the target database the persistence unit was started with. */
    public static SqlDialect of(EntityManager em) {
        Object target = em.getEntityManagerFactory().getProperties().get("eclipselink.target-database");
        return target != null && target.toString().toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL
                : DERBY;
    }

    /**
     * Whether this connection reads personal values through the team database's masked views: a person without
     * PERSONAL_DATA signed in to PostgreSQL with their own login (see db/security/postgresql.sql). Their search keys
     * are tokens there, so a typed key is bound through {@link #MASKED_KEY}.
     */
    public static boolean readsMasked(Connection c) throws SQLException {
        if (of(c) != POSTGRESQL) {
            return false;
        }
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 'gx_masked' = ANY (current_schemas(false))")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The schema that holds the tables: a masked login's first schema is the views' ({@code gx_masked}). */
    public static String tableSchema(Connection c) throws SQLException {
        String schema = c.getSchema();
        return "gx_masked".equals(schema) ? "public" : schema;
    }

    /** A typed phone key compared with a key column of the masked views: {@code col = MASKED_KEY}. */
    public static final String MASKED_KEY = "gx_key('PHONE', ?)";

    /** A typed e-mail key compared with an e-mail key column of the masked views. */
    public static final String MASKED_EMAIL_KEY = "gx_key('EMAIL', ?)";

    /** A query of one row and column: the sequence's next value. */
    public String nextValue(String sequence) {
        return this == POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "VALUES NEXT VALUE FOR " + sequence;
    }
}
