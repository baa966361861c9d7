package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.guanxi.core.Masking;
import org.guanxi.core.model.Customer;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.core.service.PersonalDataService.Field;
import org.guanxi.customer.Customer360ServiceImpl;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.PersonalDataServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masking inside the team database: a person without PERSONAL_DATA gets no more from a plain connection than the
 * desktop shows (PIPL Art. 51), and the desktop still finds a customer by the full phone. PostgreSQL only.
 */
class TeamMaskingTest {

    private static final String PASSWORD = "Mask-2026!";
    private static final String PHONE = "13812349679";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String EMAIL = "zhang.wei@qq.com";

    @TempDir
    Path dir;

    @Test
    void aReaderWithoutPersonalDataReadsMasksFromTheDatabaseItself() throws Exception {
        assumeTrue(TestDatabases.onPostgreSql(), "a team database is PostgreSQL");
        try (CustomerFixture fx = CustomerFixture.open(dir)) {
            new DemoDataGenerator(fx.db).generate(60, 7, n -> { });
            CustomerServiceImpl owner = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
            Customer c = owner.get(owner.find("", 5, 1).get(0).id());
            c.setPhone(PHONE);
            c.setEmail(EMAIL);
            c.setIdNumber(ID_NUMBER);
            c.setOwner(null);
            long id = owner.save(c).getId();
            // read-only staff of every team: the customer is theirs to see (a customer without owner is nobody's, so
            // give it the reader's team through the reader's manager)
            String reader = "reader.mask";
            String marketer = "marketer.mask";
            fx.security.saveUser(reader, "只读", PASSWORD.toCharArray(), true, Set.of("READONLY"), "华东一组");
            fx.security.saveUser(marketer, "市场", PASSWORD.toCharArray(), true, Set.of("MARKETING"), null);
            DatabaseSettings team = TestDatabases.settings(dir.resolve("db"));
            try (Connection o = team.dataSource().getConnection(); Statement st = o.createStatement()) {
                st.executeUpdate("UPDATE CUSTOMER SET OWNER_LOGIN = '" + reader + "', CONSENT_EMAIL = TRUE WHERE ID = " + id);
            }

            // psql as the reader: the columns themselves are refused, the views give masks
            DatabaseSettings asReader = new DatabaseSettings(team.url(), reader, PASSWORD);
            try (Connection r = asReader.dataSource().getConnection(); Statement st = r.createStatement()) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> st.executeQuery("SELECT PHONE FROM public.CUSTOMER WHERE ID = " + id));
                assertEquals("42501", refused.getSQLState());
                assertThrows(SQLException.class, () -> st.executeQuery("SELECT PHONE_KEY FROM public.CUSTOMER"));
                try (ResultSet rs = st.executeQuery("SELECT PHONE, EMAIL, ID_NUMBER, PHONE_KEY FROM CUSTOMER WHERE ID = " + id)) {
                    assertTrue(rs.next());
                    assertEquals("138****9679", rs.getString(1));
                    assertEquals("z***@qq.com", rs.getString(2));
                    assertEquals("1101**********002X", rs.getString(3));
                    assertFalse(rs.getString(4).contains("9679"), "a key is a token");
                }
                assertFalse(dump(st, "SELECT * FROM CUSTOMER").contains(PHONE));
                assertFalse(dump(st, "SELECT * FROM AUDIT_LOG").contains(PHONE), "nor in the trail");
                assertFalse(dump(st, "SELECT * FROM AUDIT_LOG").contains(ID_NUMBER));
                // what the desktop does: mask the same way
                for (String v : List.of("+86 21 6888 1234", "021-5555 1234", "天河路385号", "a@b.cn", "110", "  13812349679 ")) {
                    for (Masking.Kind k : Masking.Kind.values()) {
                        try (PreparedStatement ps = r.prepareStatement("SELECT gx_mask(?, ?)")) {
                            ps.setString(1, k.name());
                            ps.setString(2, v);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                assertEquals(Masking.mask(k, v), rs.getString(1), k + " " + v);
                            }
                        }
                    }
                }
            }

            // the reader's desktop: masks, found by the full number only
            try (Desk d = Desk.of(team, reader)) {
                JpaDatabase desk = d.db();
                SecurityServiceImpl security = d.security();
                AuditLogImpl audit = new AuditLogImpl(desk, security);
                CustomerServiceImpl customers = new CustomerServiceImpl(desk, security, audit, new OutboxRepository(desk));
                assertEquals(List.of(id), customers.find("138 1234 9679", 0, 10).stream().map(r -> r.id()).toList());
                assertTrue(customers.find("1381234", 0, 10).isEmpty());
                assertEquals("138****9679", customers.get(id).getPhone());
                Customer360ServiceImpl pop = new Customer360ServiceImpl(desk, security, customers, null, null, null, null);
                assertEquals(id, pop.lookup(PHONE, 5).get(0).customerId());
                assertEquals(id, pop.lookup(EMAIL, 5).get(0).customerId());
                assertThrows(RuntimeException.class, () -> new PersonalDataServiceImpl(desk, security, audit).reveal(id, Field.PHONE));
            }

            // marketing: e-mail addresses in full (it sends to them), the rest masked; a reveal is recorded by the database
            DatabaseSettings asMarketer = new DatabaseSettings(team.url(), marketer, PASSWORD);
            try (Connection m = asMarketer.dataSource().getConnection(); Statement st = m.createStatement();
                    ResultSet rs = st.executeQuery("SELECT PHONE, EMAIL FROM CUSTOMER WHERE ID = " + id)) {
                assertTrue(rs.next());
                assertEquals(List.of("138****9679", EMAIL), List.of(rs.getString(1), rs.getString(2)));
            }
            // what its campaigns write goes through the views to the tables, a mask never written back
            try (Connection o = team.dataSource().getConnection(); Statement st = o.createStatement()) {
                st.executeUpdate("INSERT INTO CAMPAIGN (ID, VERSION, CODE, NAME, STATUS, CURRENCY, OWNER_LOGIN, CREATED_AT, UPDATED_AT) "
                        + "VALUES (nextval('GX_ID_SEQ'), 1, 'K-MASK', '掩码', 'DRAFT', 'CNY', '" + marketer + "', localtimestamp, localtimestamp)");
            }
            try (Connection m = asMarketer.dataSource().getConnection(); Statement st = m.createStatement()) {
                assertEquals(1, st.executeUpdate("INSERT INTO CAMPAIGN_RECIPIENT (CAMPAIGN_ID, CUSTOMER_ID, EMAIL, LANG, STATUS) "
                        + "SELECT k.ID, c.ID, c.EMAIL_KEY, 'zh', 'PENDING' FROM CAMPAIGN k, CUSTOMER c WHERE k.CODE = 'K-MASK' AND c.ID = " + id));
                assertEquals(1, st.executeUpdate("UPDATE CAMPAIGN_RECIPIENT SET STATUS = 'BOUNCED', ATTEMPTS = ATTEMPTS + 1, "
                        + "ERROR = '550 <" + EMAIL + ">: user unknown' WHERE CUSTOMER_ID = " + id));
                assertEquals(1, st.executeUpdate("INSERT INTO EMAIL_SUPPRESSION (EMAIL_KEY, REASON, DETAIL, SUPPRESSED_AT, USER_LOGIN) "
                        + "VALUES ('" + EMAIL + "', 'BOUNCED', '550', localtimestamp, '" + marketer + "')"));
                assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE CUSTOMER SET PHONE = '1' WHERE ID = " + id),
                        "marketing changes no customer");
            }
            try (Connection o = team.dataSource().getConnection(); Statement st = o.createStatement();
                    ResultSet rs = st.executeQuery("SELECT r.EMAIL, r.STATUS, r.ATTEMPTS, c.PHONE FROM CAMPAIGN_RECIPIENT r "
                            + "JOIN CUSTOMER c ON c.ID = r.CUSTOMER_ID WHERE r.CUSTOMER_ID = " + id)) {
                assertTrue(rs.next());
                assertEquals(List.of(EMAIL, "BOUNCED", "1", PHONE),
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            try (Connection r = asReader.dataSource().getConnection(); Statement st = r.createStatement()) {
                String seen = dump(st, "SELECT * FROM CAMPAIGN_RECIPIENT") + dump(st, "SELECT * FROM EMAIL_SUPPRESSION");
                assertFalse(seen.contains(EMAIL), seen);
            }
            try (Desk d = Desk.of(team, marketer)) {
                assertEquals(PHONE, new PersonalDataServiceImpl(d.db(), d.security(), new AuditLogImpl(d.db(), d.security()))
                        .reveal(id, Field.PHONE));
            }
            try (Connection o = team.dataSource().getConnection(); Statement st = o.createStatement();
                    ResultSet rs = st.executeQuery("SELECT USER_LOGIN, FIELD FROM AUDIT_LOG WHERE ENTITY = 'Reveal' AND ENTITY_ID = " + id)) {
                assertTrue(rs.next());
                assertEquals(List.of(marketer, "phone"), List.of(rs.getString(1), rs.getString(2)));
            }
        }
    }

    /** A desktop on the team database, signed in as {@code login}. */
    private record Desk(JpaDatabase db, SecurityServiceImpl security) implements AutoCloseable {

        static Desk of(DatabaseSettings team, String login) {
            JpaDatabase db = new JpaDatabase();
            db.awaitSignIn(new DatabaseSettings(team.url(), null, null));
            SecurityServiceImpl security = new SecurityServiceImpl(db);
            assertTrue(security.login(login, PASSWORD.toCharArray()));
            return new Desk(db, security);
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private static String dump(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    out.add(String.valueOf(rs.getObject(i)));
                }
            }
        }
        return String.join("|", out);
    }
}
