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

    /** A query of one row and column: the sequence's next value. */
    public String nextValue(String sequence) {
        return this == POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "VALUES NEXT VALUE FOR " + sequence;
    }
}
