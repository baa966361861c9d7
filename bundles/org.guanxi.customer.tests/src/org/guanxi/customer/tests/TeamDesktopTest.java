package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sales rep's desktop on the team database: the customer list through the services shows exactly the rows a plain
 * connection of the same person reads (one mechanism, the database's row policies), and the rep's new customer is
 * the rep's. PostgreSQL only.
 */
class TeamDesktopTest {

    private static final String REP = "wang.fang"; // the demo's rep of 华东一组, with li.qiang
    private static final String PASSWORD = "Wang-2026!";

    @TempDir
    Path dir;

    @Test
    void aRepSeesThroughTheServicesWhatTheDatabaseShowsTheRep() throws Exception {
        assumeTrue(TestDatabases.onPostgreSql(), "a team database is PostgreSQL");
        try (CustomerFixture fx = CustomerFixture.open(dir)) {
            new DemoDataGenerator(fx.db).generate(400, 7, n -> { });
            fx.security.saveUser(REP, "王芳", PASSWORD.toCharArray(), true, Set.of("SALES"), null);
            DatabaseSettings team = TestDatabases.settings(dir.resolve("db"));
            Set<Long> expected = ids(team, "SELECT ID FROM CUSTOMER WHERE OWNER_LOGIN IN "
                    + "(SELECT LOGIN FROM SALES_TEAM_MEMBER WHERE TEAM = (SELECT TEAM FROM SALES_TEAM_MEMBER WHERE LOGIN = '" + REP + "'))");
            DatabaseSettings rep = new DatabaseSettings(team.url(), REP, PASSWORD);
            assertEquals(expected, ids(rep, "SELECT ID FROM CUSTOMER"), "psql as the rep: the team's customers");
            assertTrue(expected.size() > 0 && expected.size() < 400);

            JpaDatabase desk = new JpaDatabase();
            desk.awaitSignIn(new DatabaseSettings(team.url(), null, null));
            try {
                SecurityServiceImpl security = new SecurityServiceImpl(desk);
                assertTrue(security.login(REP, PASSWORD.toCharArray()));
                CustomerServiceImpl customers = new CustomerServiceImpl(desk, security, new AuditLogImpl(desk, security),
                        new OutboxRepository(desk));
                assertEquals(expected.size(), customers.count(""));
                assertEquals(expected, customers.find("", 0, 10_000).stream().map(r -> r.id()).collect(Collectors.toCollection(TreeSet::new)));

                Customer c = new Customer();
                c.setName("华东新客户");
                c.setKind(PartyKind.ORGANISATION);
                Customer saved = customers.save(c);
                assertEquals(REP, saved.getOwner());
                assertEquals(expected.size() + 1, ids(rep, "SELECT ID FROM CUSTOMER").size());
                assertTrue(customers.find("华东新客户", 0, 10).stream().anyMatch(r -> r.id() == saved.getId()));
            } finally {
                desk.close();
            }
        }
    }

    private static Set<Long> ids(DatabaseSettings s, String sql) throws SQLException {
        Set<Long> out = new TreeSet<>();
        try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
