package org.guanxi.core.persistence;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.guanxi.core.db.SqlDialect;

/**
 * The embedded database's index statistics, which Derby's optimizer reads to choose indexes and join orders, brought
 * up to date when nothing else writes: when the database opens and when a bulk loader has committed.
 * <p>
 * Derby's own daemon ({@code derby.storage.indexStats.auto}) is switched off because it ran while loaders were still
 * writing and, when done, flushed every sequence's cached values from its own thread; a writer refilling
 * {@code GX_ID_SEQ} at that moment found the catalog row held and Derby rolled its whole transaction back
 * ({@code X0Y84}, "too much contention on sequence", seen under the demo generator). PostgreSQL analyses its tables
 * itself (autovacuum), so everything here does nothing there.
 */
public final class DerbyStatistics {

    private static final Logger LOG = Logger.getLogger(DerbyStatistics.class.getName());
    /** Statistics older than this are taken again at the next start. */
    static final int STALE_DAYS = 7;

    private DerbyStatistics() {
    }

    /** Called once before {@link JpaDatabase} boots Derby: the daemon stays off unless set otherwise. */
    static void switchOffDaemon() {
        if (System.getProperty("derby.storage.indexStats.auto") == null) {
            System.setProperty("derby.storage.indexStats.auto", "false");
        }
    }

    /**
     * On open, before any service writes: the tables with indexes whose statistics are missing or older than
     * {@value #STALE_DAYS} days (by the database's own clock, which stamped them).
     */
    static void refreshStale(Connection c) throws SQLException {
        update(c, " AND NOT EXISTS (SELECT 1 FROM SYS.SYSSTATISTICS x WHERE x.TABLEID = t.TABLEID "
                + "AND x.CREATIONTIMESTAMP > {fn TIMESTAMPADD(SQL_TSI_DAY, -" + STALE_DAYS + ", CURRENT_TIMESTAMP)})");
    }

    /** After a bulk load over many tables has committed: every table's statistics. Does nothing on PostgreSQL. */
    public static void refreshAll(Connection c) throws SQLException {
        update(c, "");
    }

    /** After a bulk load has committed: the statistics of the tables it filled. Does nothing on PostgreSQL. */
    public static void refresh(Connection c, String... tables) throws SQLException {
        if (SqlDialect.of(c) == SqlDialect.DERBY) {
            update(c, List.of(tables));
        }
    }

    private static void update(Connection c, String condition) throws SQLException {
        if (SqlDialect.of(c) != SqlDialect.DERBY) {
            return;
        }
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT t.TABLENAME FROM SYS.SYSTABLES t "
                + "JOIN SYS.SYSSCHEMAS s ON s.SCHEMAID = t.SCHEMAID WHERE s.SCHEMANAME = CURRENT SCHEMA AND t.TABLETYPE = 'T' "
                + "AND EXISTS (SELECT 1 FROM SYS.SYSCONGLOMERATES g WHERE g.TABLEID = t.TABLEID AND g.ISINDEX)" + condition)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        long start = System.nanoTime();
        update(c, tables);
        LOG.fine(() -> "Index statistics of " + tables.size() + " tables in " + (System.nanoTime() - start) / 1_000_000
                + " ms");
    }

    /** Commits on {@code c}: Derby's procedure changes the catalog, and no loader should hold that open. */
    private static void update(Connection c, List<String> tables) throws SQLException {
        try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(CURRENT SCHEMA, ?, NULL)")) {
            for (String table : tables) {
                cs.setString(1, table);
                cs.execute();
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
