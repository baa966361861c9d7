package org.guanxi.core.persistence.tests;

import org.guanxi.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.guanxi.core.model.Contact;
import org.guanxi.core.model.Customer;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.persistence.InventoryRepository;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.security.SecurityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaDatabaseTest {

    @TempDir
    Path tmp;

    private JpaDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.open(tmp.resolve("db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Customer customer(String code, String name) {
        Customer c = new Customer();
        c.setCode(code);
        c.setName(name);
        return c;
    }

    @Test
    void entitiesRoundTripThroughEclipseLinkAndDerby() {
        long id = db.inTransaction(em -> {
            Customer c = customer("C1", "  Zhang Wei ");
            c.addContact(new Contact("王芳", "采购经理", "+86 138 0000 0001", "wang@example.cn"));
            em.persist(c);
            return c;
        }).getId();
        Customer read = db.read(em -> {
            Customer c = em.find(Customer.class, id);
            c.getContacts().size();
            return c;
        });
        assertEquals("zhang wei", read.getNameKey());
        assertEquals(1, read.getContacts().size());
        assertEquals("王芳", read.getContacts().get(0).getName());
        assertNotNull(read.getCreatedAt());
        assertTrue(db.describe().startsWith(TestDatabases.onPostgreSql() ? "jdbc:postgresql:" : "jdbc:derby:"));
    }

    @Test
    void derbysNetworkServerIsNoDatabaseOfGuanxi() {
        // no shared Derby: it let anyone in without a user and run a jar through SQLJ; a team uses PostgreSQL
        for (String url : List.of("jdbc:derby://127.0.0.1:1527/db", "jdbc:derby:net://127.0.0.1:1527/db")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new DatabaseSettings(url, "app", "app").dataSource());
            assertTrue(e.getMessage().contains("PostgreSQL"), e.getMessage());
        }
    }

    @Test
    void staleUpdateIsAConflict() {
        long id = db.inTransaction(em -> {
            Customer c = customer("C2", "Li Lei");
            em.persist(c);
            return c;
        }).getId();
        Customer first = db.read(em -> em.find(Customer.class, id));
        Customer second = db.read(em -> em.find(Customer.class, id));
        first.setName("Li Lei (A)");
        db.inTransaction(em -> em.merge(first));
        second.setName("Li Lei (B)");
        assertThrows(ConflictException.class, () -> db.inTransaction(em -> em.merge(second)));
        assertEquals("Li Lei (A)", db.read(em -> em.find(Customer.class, id)).getName());
    }

    @Test
    void jdbcIdBlocksNeverCollideWithEclipseLinkIds() throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            int n = i;
            assertTrue(ids.add(db.inTransaction(em -> {
                Customer c = customer("J" + n, "JPA " + n);
                em.persist(c);
                return c;
            }).getId()));
        }
        try (Connection c = db.dataSource().getConnection()) {
            IdBlock block = new IdBlock(c);
            for (int i = 0; i < 120; i++) {
                long id = block.next();
                assertTrue(id > 0);
                assertTrue(ids.add(id), "id " + id + " handed out twice");
            }
        }
    }

    /**
     * Derby's statistics daemon is off (it flushed the sequences' caches while loaders wrote, failing them), so the
     * database takes its index statistics when it opens and a bulk loader takes them when it is done.
     */
    @Test
    void indexStatisticsAreTakenOnOpenAndAfterABulkLoadNotByDerbysDaemon() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabases.onPostgreSql(), "PostgreSQL analyses by itself");
        assertEquals("false", System.getProperty("derby.storage.indexStats.auto"));
        try (Connection c = db.dataSource().getConnection(); IdBlockInserts ins = new IdBlockInserts(c)) {
            for (int i = 0; i < 500; i++) {
                ins.customer("S" + i, "Statistics " + i);
            }
            assertEquals(null, taken(c, "CUSTOMER"), "no daemon took them behind the loader's back");
        }
        db.close();
        db = TestDatabases.open(tmp.resolve("db"));
        try (Connection c = db.dataSource().getConnection()) {
            java.sql.Timestamp onOpen = taken(c, "CUSTOMER");
            assertNotNull(onOpen, "the open took the missing statistics");
            org.guanxi.core.persistence.DerbyStatistics.refresh(c, "CUSTOMER");
            assertTrue(taken(c, "CUSTOMER").after(onOpen), "a loader takes them again when it is done");
        }
    }

    /** When the table's index statistics were last taken, null when never. */
    private static java.sql.Timestamp taken(Connection c, String table) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT MAX(x.CREATIONTIMESTAMP) FROM SYS.SYSSTATISTICS x JOIN SYS.SYSTABLES t "
                + "ON t.TABLEID = x.TABLEID WHERE t.TABLENAME = ?")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1);
            }
        }
    }

    /** Customers written the way bulk loaders write them: plain JDBC, ids from an {@link IdBlock}. */
    private static final class IdBlockInserts implements AutoCloseable {
        private final IdBlock ids;
        private final java.sql.PreparedStatement ps;

        IdBlockInserts(Connection c) throws java.sql.SQLException {
            ids = new IdBlock(c);
            ps = c.prepareStatement("INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, NAME_KEY, PINYIN_KEY, CREATED_AT, "
                    + "UPDATED_AT) VALUES (?, 1, ?, 'PERSON', ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }

        void customer(String code, String name) throws java.sql.SQLException {
            ps.setLong(1, ids.next());
            ps.setString(2, code);
            ps.setString(3, name);
            ps.setString(4, name.toLowerCase(java.util.Locale.ROOT));
            ps.setString(5, name.toLowerCase(java.util.Locale.ROOT));
            ps.executeUpdate();
        }

        @Override
        public void close() throws java.sql.SQLException {
            ps.close();
        }
    }

    @Test
    void inventoryUpsertInsertsThenUpdatesAndChecksThePermission() {
        SecurityServiceImpl security = new SecurityServiceImpl(db);
        InventoryRepository inventory = new InventoryRepository(db, security);
        List<StockReport> day1 = List.of(new StockReport("SKU-1", "SH01", new BigDecimal("10"), BigDecimal.ZERO),
                new StockReport("SKU-1", "BJ02", new BigDecimal("5"), BigDecimal.ONE));
        assertThrows(PermissionDeniedException.class, () -> inventory.upsert(day1, "day1.csv"));
        security.signInAsProcess();
        assertEquals(2, inventory.upsert(day1, "day1.csv"));
        assertEquals(1, inventory.upsert(List.of(new StockReport("SKU-1", "SH01", new BigDecimal("7"), BigDecimal.ZERO)), "day2.csv"));
        assertEquals(2, inventory.count());
        var levels = inventory.levels("SKU-1");
        assertEquals("BJ02", levels.get(0).getWarehouse());
        assertEquals(0, new BigDecimal("4").compareTo(levels.get(0).getAvailable()));
        assertEquals(0, new BigDecimal("7").compareTo(levels.get(1).getOnHand()));
        assertEquals("day2.csv", levels.get(1).getSourceFile());
        assertEquals("SH01", levels.get(1).getWarehouse());
    }
}
