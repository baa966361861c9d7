package org.guanxi.core.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.PostgresSecurity;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team database's security as an attacker meets it: each role connects with plain JDBC (not through the
 * services) and reads, inserts, updates and deletes the business tables, then tries what worked against the old team
 * mode — load code, read password hashes, write around the audit trail, widen its own rights. PostgreSQL only.
 */
class TeamSecurityTest {

    private static final String PASSWORD = "Geheim-2026";
    /** The pipeline and customer tables whose rows belong to an owner. */
    private static final List<String> OWNED = List.of("CUSTOMER", "SALES_LEAD", "OPPORTUNITY", "QUOTE", "SALES_ORDER",
            "SALES_CONTRACT", "ACTIVITY");

    @TempDir
    Path dir;

    private JpaDatabase db;
    private final List<JpaDatabase> desks = new java.util.ArrayList<>();
    private SecurityServiceImpl admin;
    private String url;
    /** Logins are roles of the whole cluster: unique per test database. */
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private String wang, li, mgr, zhao, ro, boss, mei;
    /** Ids per table of the rows of the east team (wang), the west team (li), and the case-only customer. */
    private final Map<String, Long> east = new HashMap<>();
    private final Map<String, Long> west = new HashMap<>();
    private long walkIn;
    private long generalCase;
    private long vipCase;
    /** A customer of nobody's team who agreed to e-mail, a campaign, and a lead it brought. */
    private long subscriber;
    private long campaign;
    private long campaignLead;

    @BeforeEach
    void teamDatabase() throws Exception {
        assumeTrue(TestDatabases.onPostgreSql(), "a team database is PostgreSQL");
        db = TestDatabases.open(dir.resolve("db"));
        url = TestDatabases.settings(dir.resolve("db")).url();
        admin = new SecurityServiceImpl(db);
        admin.signInAsProcess(); // the owner: the team server
        wang = "wang_" + tag;
        li = "li_" + tag;
        mgr = "mgr_" + tag;
        zhao = "zhao_" + tag;
        ro = "ro_" + tag;
        boss = "boss_" + tag;
        mei = "mei_" + tag;
        admin.saveUser(wang, "王伟", PASSWORD.toCharArray(), true, Set.of("SALES"), "华东");
        admin.saveUser(li, "李娜", PASSWORD.toCharArray(), true, Set.of("SALES"), "华北");
        admin.saveUser(mgr, "张经理", PASSWORD.toCharArray(), true, Set.of("SALES_MANAGER"), "华东");
        admin.saveUser(zhao, "赵客服", PASSWORD.toCharArray(), true, Set.of("SERVICE"), "");
        admin.saveUser(ro, "只读", PASSWORD.toCharArray(), true, Set.of("READONLY"), "华东");
        admin.saveUser(boss, "管理员", PASSWORD.toCharArray(), true, Set.of("ADMIN"), "");
        admin.saveUser(mei, "梅市场", PASSWORD.toCharArray(), true, Set.of("MARKETING"), "");
        try (Connection c = owner()) {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO SERVICE_QUEUE_MEMBER (QUEUE_CODE, LOGIN) VALUES ('GENERAL', '" + zhao + "')");
            }
            pipeline(c, wang, east);
            pipeline(c, li, west);
            walkIn = insert(c, "CUSTOMER", Map.of("NAME", "散客", "OWNER_LOGIN", NULL));
            generalCase = insert(c, "SERVICE_CASE", Map.of("CUSTOMER_ID", walkIn, "QUEUE_CODE", "GENERAL"));
            vipCase = insert(c, "SERVICE_CASE", Map.of("CUSTOMER_ID", west.get("CUSTOMER"), "QUEUE_CODE", "VIP"));
            String elsewhere = "sun_" + tag;
            subscriber = insert(c, "CUSTOMER", Map.of("NAME", "订阅者", "OWNER_LOGIN", elsewhere, "CONSENT_EMAIL", true));
            campaign = insert(c, "CAMPAIGN", Map.of("OWNER_LOGIN", elsewhere));
            campaignLead = insert(c, "SALES_LEAD", Map.of("OWNER_LOGIN", elsewhere, "CAMPAIGN_ID", campaign));
        }
    }

    @AfterEach
    void close() {
        desks.forEach(JpaDatabase::close);
        if (db != null) {
            db.close();
        }
    }

    @Test
    void eachRoleReadsExactlyItsRows() throws Exception {
        Set<Long> all = new TreeSet<>();
        all.addAll(east.values());
        all.addAll(west.values());
        for (String table : OWNED) {
            assertEquals(Set.of(east.get(table)), ids(wang, table), wang + " in " + table);
            assertEquals(Set.of(east.get(table)), ids(mgr, table), "the manager sees the team, " + table);
            assertEquals(Set.of(east.get(table)), ids(ro, table), "read-only sees the team, " + table);
            assertEquals(Set.of(west.get(table)), ids(li, table), li + " in " + table);
        }
        assertEquals(Set.of(walkIn), ids(zhao, "CUSTOMER"), "the agent sees the customers of the agent's queues");
        assertEquals(Set.of(generalCase), ids(zhao, "SERVICE_CASE"));
        assertEquals(Set.of(), ids(zhao, "OPPORTUNITY"));
        assertEquals(Set.of(vipCase), ids(li, "SERVICE_CASE"), "a rep sees the cases of the team's customers");
        assertEquals(Set.of(), ids(wang, "SERVICE_CASE"));
        assertEquals(Set.of(east.get("CONTACT")), ids(wang, "CONTACT"), "a customer's contacts go with it");
        assertEquals(Set.of(east.get("ORDER_LINE")), ids(wang, "ORDER_LINE"), "an order's lines go with it");
        assertEquals(4, ids(boss, "CUSTOMER").size(), "the administrator sees everything");
    }

    /**
     * Rows the desktop shows only with their customer — calls with their numbers and notes, tasks, win-backs, points
     * requests, survey invitations with their tokens, merges with their snapshots — are read through a person's own
     * connection only with the customer too; an unknown caller's call is the agent's.
     */
    @Test
    void whatGoesWithACustomerIsReadOnlyWithIt() throws Exception {
        List<String> tables = List.of("TASK", "WIN_BACK", "POINTS_REQUEST", "SURVEY_INVITATION", "CALL_LOG", "CUSTOMER_MERGE",
                "CONSENT_EVENT");
        long unknownCaller;
        try (Connection c = owner()) {
            long survey;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID FROM SURVEY WHERE CODE = 'CSI'")) {
                rs.next();
                survey = rs.getLong(1);
            }
            for (Map<String, Long> side : List.of(east, west)) {
                long customer = side.get("CUSTOMER");
                side.put("TASK", insert(c, "TASK", Map.of("CUSTOMER_ID", customer)));
                side.put("WIN_BACK", insert(c, "WIN_BACK", Map.of("CUSTOMER_ID", customer)));
                side.put("CONSENT_EVENT", insert(c, "CONSENT_EVENT", consent(customer, true, NULL)));
                side.put("POINTS_REQUEST", insert(c, "POINTS_REQUEST", Map.of("CUSTOMER_ID", customer, "STATUS", "PENDING")));
                side.put("SURVEY_INVITATION", insert(c, "SURVEY_INVITATION", Map.of("CUSTOMER_ID", customer, "SURVEY_ID", survey)));
                side.put("CALL_LOG", insert(c, "CALL_LOG", Map.of("CUSTOMER_ID", customer, "DIRECTION", "IN", "QUEUE_CODE", NULL)));
                long merge = insert(c, "CUSTOMER_MERGE", Map.of("SURVIVOR_ID", customer));
                side.put("CUSTOMER_MERGE", merge);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO CUSTOMER_MERGE_ROW (MERGE_ID, TABLE_NAME, "
                        + "COLUMN_NAME, ROW_ID, ACTION, SNAPSHOT) VALUES (?, 'CONTACT', 'CUSTOMER_ID', ?, 'MOVE', '{\"PHONE\":\"13900000000\"}')")) {
                    ps.setLong(1, merge);
                    ps.setLong(2, side.get("CONTACT"));
                    ps.executeUpdate();
                }
            }
            unknownCaller = insert(c, "CALL_LOG", Map.of("CUSTOMER_ID", NULL, "DIRECTION", "IN", "AGENT", zhao, "QUEUE_CODE", NULL));
        }
        for (String table : tables) {
            assertEquals(Set.of(east.get(table)), ids(wang, table), wang + " in " + table);
            assertEquals(Set.of(east.get(table)), ids(ro, table), "read-only, " + table);
            assertEquals(Set.of(west.get(table)), ids(li, table), li + " in " + table);
            assertEquals(Set.of(), ids(mei, table), "marketing, " + table);
            assertTrue(ids(boss, table).containsAll(Set.of(east.get(table), west.get(table))), "the administrator, " + table);
        }
        assertEquals(Set.of(unknownCaller), ids(zhao, "CALL_LOG"), "the agent's own call of an unknown caller");
        try (Connection c = as(wang); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT MERGE_ID FROM CUSTOMER_MERGE_ROW")) {
            assertTrue(rs.next());
            assertEquals(east.get("CUSTOMER_MERGE"), rs.getLong(1));
            assertFalse(rs.next(), "another team's merge snapshots stay hidden");
        }
        // the consent ledger is added to by who keeps the customer, and changed by nobody
        try (Connection c = as(wang)) {
            assertNotNull(insert(c, "CONSENT_EVENT", consent(east.get("CUSTOMER"), false, wang)));
            assertRefused(c, () -> insert(c, "CONSENT_EVENT", consent(west.get("CUSTOMER"), false, wang)));
            assertRefused(c, () -> insert(c, "CONSENT_EVENT", consent(east.get("CUSTOMER"), true, li)), "a line in another person's name");
        }
        assertRefused(wang, "UPDATE CONSENT_EVENT SET GRANTED = TRUE");
        assertRefused(ro, "INSERT INTO CONSENT_EVENT (CUSTOMER_ID, CHANNEL, PURPOSE, GRANTED, RECORDED_AT, SOURCE) VALUES ("
                + east.get("CUSTOMER") + ", 'EMAIL', 'MARKETING', TRUE, CURRENT_TIMESTAMP, 'EDITOR')");
    }

    @Test
    void marketingSeesWhoAgreedToBeContactedAndWhatItsCampaignsBrought() throws Exception {
        assertEquals(Set.of(subscriber), ids(mei, "CUSTOMER"), "only customers who gave consent");
        assertEquals(Set.of(campaignLead), ids(mei, "SALES_LEAD"), "only the leads of campaigns");
        for (String table : List.of("OPPORTUNITY", "QUOTE", "SALES_ORDER", "SALES_CONTRACT", "ACTIVITY", "SERVICE_CASE")) {
            assertEquals(Set.of(), ids(mei, table), table);
        }
        try (Connection c = as(mei)) {
            long segment = insert(c, "SEGMENT", Map.of());
            assertNotNull(insert(c, "CAMPAIGN", Map.of("SEGMENT_ID", segment, "OWNER_LOGIN", mei)));
            assertRefused(c, () -> insert(c, "SALES_LEAD", Map.of("OWNER_LOGIN", mei)));
            assertRefused(c, () -> insert(c, "CUSTOMER", Map.of("NAME", "名单", "OWNER_LOGIN", NULL)));
        }
        assertRefused(mei, "UPDATE CUSTOMER SET NAME = '改名' WHERE ID = " + subscriber);
        assertRefused(mei, "UPDATE SALES_LEAD SET VERSION = VERSION + 1 WHERE ID = " + campaignLead);
        assertRefused(mei, "UPDATE SALES_ORDER SET VERSION = VERSION + 1");
        // opt-outs are kept: those who send may add to the list, not take from it
        assertRefused(mei, "DELETE FROM EMAIL_SUPPRESSION");
        assertRefused(wang, "UPDATE EMAIL_SUPPRESSION SET REASON = 'BOUNCED'");
        // reps still run their own campaigns; readers run none
        assertEquals(1, update(wang, "UPDATE CAMPAIGN SET NAME = '春季' WHERE ID = " + campaign));
        try (Connection c = as(ro)) {
            assertRefused(c, () -> insert(c, "CAMPAIGN", Map.of("OWNER_LOGIN", ro)));
        }
    }

    @Test
    void writesStayWithinTheTeam() throws Exception {
        for (String table : OWNED) {
            long theirs = west.get(table);
            long mine = east.get(table);
            assertEquals(0, update(wang, "UPDATE " + table + " SET VERSION = VERSION + 1 WHERE ID = " + theirs), table);
            assertEquals(1, update(wang, "UPDATE " + table + " SET VERSION = VERSION + 1 WHERE ID = " + mine), table);
            assertRefused(wang, "UPDATE " + table + " SET OWNER_LOGIN = '" + li + "' WHERE ID = " + mine);
            assertRefused(ro, "UPDATE " + table + " SET VERSION = VERSION + 1 WHERE ID = " + mine);
            assertNothingChanged(zhao, "UPDATE " + table + " SET VERSION = VERSION + 1 WHERE ID = " + theirs);
        }
        // only the administrators delete customers; a rep deletes own pipeline rows, never another team's
        assertRefused(wang, "DELETE FROM CUSTOMER WHERE ID = " + east.get("CUSTOMER"));
        assertEquals(0, update(wang, "DELETE FROM OPPORTUNITY WHERE ID = " + west.get("OPPORTUNITY")));
        try (Connection c = as(wang)) {
            assertRefused(c, () -> insert(c, "CUSTOMER", Map.of("NAME", "挖墙脚", "OWNER_LOGIN", li)));
            assertNotNull(insert(c, "CUSTOMER", Map.of("NAME", "新客户", "OWNER_LOGIN", wang)));
        }
        try (Connection c = as(zhao)) {
            // the call centre registers an unknown caller without an owner, and may not hand it to a rep
            assertNotNull(insert(c, "CUSTOMER", Map.of("NAME", "来电", "OWNER_LOGIN", NULL)));
            assertRefused(c, () -> insert(c, "CUSTOMER", Map.of("NAME", "来电", "OWNER_LOGIN", wang)));
        }
        assertEquals(1, update(boss, "UPDATE CUSTOMER SET VERSION = VERSION + 1 WHERE ID = " + west.get("CUSTOMER")));
    }

    @Test
    void whatWorkedAgainstTheOldTeamModeIsRefused() throws Exception {
        for (String who : List.of(wang, mgr, zhao, ro, mei, boss)) {
            assertRefused(who, "CREATE FUNCTION evil() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            assertRefused(who, "CREATE FUNCTION pg_temp.evil() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            assertRefused(who, "CREATE TEMP TABLE evil (x int)");
            assertRefused(who, "CREATE TABLE evil (x int)");
            assertRefused(who, "CREATE EXTENSION pgcrypto");
            assertRefused(who, "SELECT lo_import('/etc/passwd')");
            assertRefused(who, "COPY public.CUSTOMER FROM PROGRAM 'id'");
            assertRefused(who, "ALTER TABLE public.CUSTOMER DISABLE TRIGGER gx_audit");
            assertRefused(who, "ALTER TABLE public.CUSTOMER DISABLE ROW LEVEL SECURITY");
            assertRefused(who, "DELETE FROM AUDIT_LOG");
            assertRefused(who, "UPDATE AUDIT_LOG SET USER_LOGIN = 'nobody'");
            assertRefused(who, "DELETE FROM DATA_CHANGE");
            assertRefused(who, "INSERT INTO AUDIT_LOG (CHANGED_AT, USER_LOGIN, ENTITY, ENTITY_ID, ACTION) "
                    + "VALUES (localtimestamp, '" + li + "', 'Customer', 1, 'UPDATE')");
            assertRefused(who, "SELECT gx_apply_grants()");
            // the erasure's way into the trails rewrites nothing that the same transaction has not just erased
            assertRefused(who, "SELECT gx_erase_trail(" + east.get("CUSTOMER") + ", 'cover-up', ARRAY['UPDATE', '" + li
                    + "'], ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::bigint[])");
            // nor does retention's: only records the same transaction has just anonymised, and never an unknown kind
            assertRefused(who, "SELECT gx_expire_trail('LEADS', ARRAY[" + east.get("SALES_LEAD") + "]::bigint[])");
            assertRefused(who, "SELECT gx_expire_trail('CALLS', ARRAY[" + walkIn + "]::bigint[])");
            assertRefused(who, "SET ROLE guanxi_admin");
            assertRefused(who, "SET SESSION AUTHORIZATION guanxi_admin");
        }
        String adminGroup;
        try (Connection c = owner()) {
            adminGroup = PostgresSecurity.group(c, "ADMIN");
        }
        for (String who : List.of(wang, mgr, zhao, ro, mei)) {
            assertRefused(who, "SELECT rolpassword FROM pg_authid");
            assertRefused(who, "SELECT * FROM DATA_CHANGE");
            assertRefused(who, "SELECT gx_save_login('" + who + "', NULL, ARRAY['admin'], true)");
            assertRefused(who, "INSERT INTO SALES_TEAM_MEMBER (LOGIN, TEAM) VALUES ('" + who + "x', '华北')");
            assertRefused(who, "UPDATE SALES_TEAM_MEMBER SET TEAM = '华北'");
            assertRefused(who, "INSERT INTO ROLE_PERMISSION (ROLE_ID, PERMISSION) SELECT ID, 'USER_ADMIN' FROM APP_ROLE");
            assertRefused(who, "SET ROLE " + adminGroup);
            // the settings every desktop follows, such as the update site the team server announces, stay the
            // administrators': a site of one's own would install any code on every desktop of the team
            assertRefused(who, "UPDATE APP_SETTING SET VAL = 'https://evil.example/updates' WHERE NAME = 'updates.site'");
            assertRefused(who, "INSERT INTO APP_SETTING (NAME, VAL, UPDATED_AT, USER_LOGIN) VALUES ('updates.x', "
                    + "'https://evil.example/updates', localtimestamp, '" + who + "')");
            assertRefused(who, "DELETE FROM APP_SETTING");
        }
        // those without PERSONAL_DATA read personal values only masked (TeamMaskingTest shows the masks)
        for (String who : List.of(ro, mei)) {
            for (String column : List.of("PHONE", "ID_NUMBER", "PHONE_KEY", "TAX_ID")) {
                assertRefused(who, "SELECT " + column + " FROM public.CUSTOMER");
            }
            assertRefused(who, "SELECT PHONE FROM public.SALES_LEAD");
            assertRefused(who, "SELECT STREET FROM public.ADDRESS");
            assertRefused(who, "SELECT OLD_VALUE, NEW_VALUE FROM public.AUDIT_LOG");
            assertRefused(who, "SELECT gx_reveal(" + east.get("CUSTOMER") + ", 'ID_NUMBER', localtimestamp)", "no reveal, or not a customer they see");
        }
        assertRefused(ro, "SELECT gx_reveal(" + east.get("CUSTOMER") + ", 'PHONE', localtimestamp)", "read-only staff reveal nothing");
        // the user table is what a person may read, and it holds no password hashes
        assertEquals(Set.of(wang, li, mgr, zhao, ro, boss, mei), logins(wang));
        assertEquals(Set.of(), ids(wang, "APP_USER WHERE PASSWORD_HASH IS NOT NULL"));
    }

    @Test
    void pointsAroundTheDesktopKeepTheLimitAndTheFourEyesRule() throws Exception {
        String lot = "INSERT INTO POINTS_LEDGER (CUSTOMER_ID, KIND, POINTS, REMAINING, BOOKED_ON, EXPIRES_ON, CREATED_BY, "
                + "CREATED_AT) VALUES (" + walkIn + ", 'GRANT', %d, %<d, current_date, current_date + 400, '" + zhao
                + "', localtimestamp)";
        assertEquals(1, update(zhao, String.format(lot, 500)), "within the agent's limit");
        assertRefused(zhao, String.format(lot, 100_000));
        assertRefused(zhao, "UPDATE POINTS_LEDGER SET POINTS = 100000, REMAINING = 100000 WHERE CUSTOMER_ID = " + walkIn);
        String ask = "INSERT INTO POINTS_REQUEST (CUSTOMER_ID, POINTS, STATUS, REQUESTED_BY, REQUESTED_AT) VALUES ("
                + walkIn + ", 100000, '%s', '%s', localtimestamp)";
        assertRefused(zhao, String.format(ask, "PENDING", boss), "not in another's name");
        assertRefused(zhao, String.format(ask, "APPROVED", zhao), "not approved by the asker");
        assertEquals(1, update(zhao, String.format(ask, "PENDING", zhao)));
        assertRefused(zhao, "UPDATE POINTS_REQUEST SET STATUS = 'REFUSED', DECIDED_BY = '" + zhao
                + "', DECIDED_AT = localtimestamp");
        // a manager decides in their own name, once
        assertRefused(boss, "UPDATE POINTS_REQUEST SET STATUS = 'REFUSED', DECIDED_BY = '" + zhao
                + "', DECIDED_AT = localtimestamp, DECISION_NOTE = 'x'");
        assertEquals(1, update(boss, "UPDATE POINTS_REQUEST SET STATUS = 'REFUSED', DECIDED_BY = '" + boss
                + "', DECIDED_AT = localtimestamp, DECISION_NOTE = 'x'"));
        assertRefused(boss, "UPDATE POINTS_REQUEST SET STATUS = 'PENDING', DECIDED_BY = NULL, DECIDED_AT = NULL");
        // and a manager's own request is someone else's to decide
        assertEquals(1, update(boss, String.format(ask, "PENDING", boss)));
        assertRefused(boss, "UPDATE POINTS_REQUEST SET STATUS = 'REFUSED', DECIDED_BY = '" + boss
                + "', DECIDED_AT = localtimestamp, DECISION_NOTE = 'x' WHERE STATUS = 'PENDING'");
    }

    @Test
    void anAdministratorManagesPersonsButNoOtherRole() throws Exception {
        SecurityServiceImpl bossDesk = signedIn(boss).security();
        GuanxiException refused = assertThrows(GuanxiException.class, () -> bossDesk.saveUser("Guanxi_Admin", "x",
                "pw".toCharArray(), true, Set.of("ADMIN"), ""));
        assertEquals("error.login", refused.getKey(), "not a login a person may have");
        // the cluster's superuser is not a Guanxi person: its password stays what it is
        assertThrows(RuntimeException.class, () -> bossDesk.saveUser("guanxi_admin", "x", "pw".toCharArray(), true,
                Set.of("ADMIN"), ""));
        String newcomer = "chen_" + tag;
        bossDesk.saveUser(newcomer, "陈", PASSWORD.toCharArray(), true, Set.of("SALES"), "华北");
        assertEquals(Set.of(west.get("CUSTOMER")), ids(newcomer, "CUSTOMER"), "a new rep sees the new team at once");
        bossDesk.saveUser(newcomer, "陈", null, false, Set.of("SALES"), null);
        SQLException disabled = assertThrows(SQLException.class, () -> as(newcomer).close());
        assertTrue(disabled.getSQLState().startsWith("28"), disabled.getSQLState());
        bossDesk.saveUser(newcomer, "陈", "Neu-2027".toCharArray(), true, Set.of("SALES"), null);
        as(newcomer, "Neu-2027").close();
        assertThrows(SQLException.class, () -> as(newcomer).close(), "the old password is gone");
    }

    @Test
    void aWriteAroundTheServicesIsInTheDatabasesTrail() throws Exception {
        long customer = east.get("CUSTOMER");
        assertEquals(1, update(wang, "UPDATE CUSTOMER SET NAME = '王伟改' WHERE ID = " + customer));
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("SELECT DB_USER, ACTION, FIELD, NEW_VALUE "
                + "FROM DATA_CHANGE WHERE ENTITY = 'Customer' AND ENTITY_ID = ? AND FIELD = 'name'")) {
            ps.setLong(1, customer);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the direct update is recorded");
                assertEquals(wang, rs.getString(1));
                assertEquals("UPDATE", rs.getString(2));
                assertEquals("王伟改", rs.getString(4));
            }
        }
        // and the audit view of an administrator shows it, the services having recorded nothing for it
        Desk desk = signedIn(boss);
        assertTrue(new AuditLogImpl(desk.db(), desk.security()).history("Customer", customer).stream()
                .anyMatch(a -> wang.equals(a.getUser()) && "name".equals(a.getField()) && "王伟改".equals(a.getNewValue())));
    }

    @Test
    void aPersonSignsInWithTheirOwnLoginAndIsThrottled() throws Exception {
        JpaDatabase desk = new JpaDatabase();
        desk.awaitSignIn(new DatabaseSettings(url, null, null));
        try {
            SecurityServiceImpl security = new SecurityServiceImpl(desk);
            assertFalse(security.login(wang, "wrong".toCharArray()));
            assertTrue(desk.awaitsSignIn(), "still closed after a refused password");
            assertTrue(security.login(wang, PASSWORD.toCharArray()));
            assertEquals(wang, security.currentUser());
            assertEquals(Set.of("SALES"), security.currentRoles());
            assertFalse(desk.ownsSchema());
            assertThrows(GuanxiException.class, () -> security.saveUser("x_" + tag, "x", "pw".toCharArray(), true,
                    Set.of("ADMIN"), ""), "a rep administers nobody");
        } finally {
            desk.close();
        }
    }

    @Test
    void aPersonChangesTheirOwnDatabasePassword() throws Exception {
        JpaDatabase desk = new JpaDatabase();
        desks.add(desk);
        desk.awaitSignIn(new DatabaseSettings(url, null, null));
        SecurityServiceImpl security = new SecurityServiceImpl(desk);
        assertTrue(security.login(li, PASSWORD.toCharArray()));
        security.changePassword(PASSWORD.toCharArray(), "Herbst-2027".toCharArray());
        as(li, "Herbst-2027").close();
        assertThrows(SQLException.class, () -> as(li).close(), "the old password is gone");
        try (Connection c = desk.unpooledDataSource().getConnection()) {
            assertTrue(c.isValid(5), "the desktop's next connections use the new password");
        }
    }

    // ----------------------------------------------------------------------------------------------------------

    private static final Object NULL = new Object();

    /** One row per owned table (and a contact, a quote line, an order line) for {@code owner}. */
    private void pipeline(Connection c, String owner, Map<String, Long> ids) throws SQLException {
        long customer = insert(c, "CUSTOMER", Map.of("NAME", owner + "的客户", "OWNER_LOGIN", owner));
        ids.put("CUSTOMER", customer);
        ids.put("CONTACT", insert(c, "CONTACT", Map.of("CUSTOMER_ID", customer)));
        ids.put("SALES_LEAD", insert(c, "SALES_LEAD", Map.of("OWNER_LOGIN", owner)));
        long opportunity = insert(c, "OPPORTUNITY", Map.of("CUSTOMER_ID", customer, "OWNER_LOGIN", owner));
        ids.put("OPPORTUNITY", opportunity);
        ids.put("QUOTE", insert(c, "QUOTE", Map.of("CUSTOMER_ID", customer, "OWNER_LOGIN", owner)));
        long order = insert(c, "SALES_ORDER", Map.of("CUSTOMER_ID", customer, "OWNER_LOGIN", owner));
        ids.put("SALES_ORDER", order);
        long product = insert(c, "PRODUCT", Map.of());
        ids.put("ORDER_LINE", insert(c, "ORDER_LINE", Map.of("ORDER_ID", order, "PRODUCT_ID", product)));
        ids.put("SALES_CONTRACT", insert(c, "SALES_CONTRACT", Map.of("CUSTOMER_ID", customer, "OWNER_LOGIN", owner)));
        ids.put("ACTIVITY", insert(c, "ACTIVITY", Map.of("CUSTOMER_ID", customer, "OWNER_LOGIN", owner)));
    }

    /**
     * Inserts a row with the given values and a placeholder of the right type in every other required column (the
     * matrix is about who may touch a row, not about its content); returns its id.
     */
    /** A consent line as the ledger writes it. */
    private static Map<String, Object> consent(long customer, boolean granted, Object user) {
        return Map.of("CUSTOMER_ID", customer, "CHANNEL", "EMAIL", "PURPOSE", "MARKETING", "SOURCE", "EDITOR", "GRANTED", granted,
                "USER_LOGIN", user);
    }

    private static long insert(Connection c, String table, Map<String, Object> given) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        long id;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT nextval('GX_ID_SEQ')")) {
            rs.next();
            id = rs.getLong(1);
        }
        values.put("ID", id);
        try (PreparedStatement ps = c.prepareStatement("SELECT upper(column_name), data_type, character_maximum_length "
                + "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = lower(?) "
                + "AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    if (!values.containsKey(column)) {
                        values.put(column, placeholder(rs.getString(2), rs.getInt(3), id));
                    }
                }
            }
        }
        values.putAll(given);
        boolean identity;
        try (PreparedStatement ps = c.prepareStatement("SELECT is_identity = 'YES' FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = lower(?) AND column_name = 'id'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                identity = rs.next() && rs.getBoolean(1);
            }
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", values.keySet())).append(identity ? ") OVERRIDING SYSTEM VALUE VALUES (" : ") VALUES (");
        sql.append("?, ".repeat(values.size() - 1)).append("?)");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object v : values.values()) {
                ps.setObject(i++, v == NULL ? null : v);
            }
            ps.executeUpdate();
        }
        return id;
    }

    private static Object placeholder(String type, int length, long id) {
        return switch (type) {
            case "character varying", "text" -> {
                String s = "T" + id;
                yield length > 0 && s.length() > length ? s.substring(s.length() - length) : s;
            }
            case "boolean" -> Boolean.FALSE;
            case "date" -> java.sql.Date.valueOf("2026-12-01");
            case "timestamp without time zone" -> java.sql.Timestamp.valueOf("2026-12-01 09:00:00");
            default -> 1; // integers, decimals, doubles
        };
    }

    private Connection owner() throws SQLException {
        return TestDatabases.dataSource(dir.resolve("db")).getConnection();
    }

    private Connection as(String login) throws SQLException {
        return as(login, PASSWORD);
    }

    private Connection as(String login, String password) throws SQLException {
        return new DatabaseSettings(url, login, password).dataSource().getConnection();
    }

    private record Desk(JpaDatabase db, SecurityServiceImpl security) {
    }

    /** A desktop of {@code login}: the database opened with the person's own login, the person signed in. */
    private Desk signedIn(String login) throws SQLException {
        JpaDatabase desk = new JpaDatabase();
        desks.add(desk);
        desk.open(new DatabaseSettings(url, login, PASSWORD));
        SecurityServiceImpl security = new SecurityServiceImpl(desk);
        security.signInAsProcess();
        return new Desk(desk, security);
    }

    private Set<Long> ids(String login, String table) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (Connection c = as(login); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID FROM " + table)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private Set<String> logins(String login) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = as(login); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT LOGIN FROM APP_USER WHERE LOGIN LIKE '%\\_" + tag + "'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private int update(String login, String sql) throws SQLException {
        try (Connection c = as(login); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    /** No row changed: none visible to change, or no right to change any. */
    private void assertNothingChanged(String login, String sql) throws SQLException {
        try (Connection c = as(login); Statement st = c.createStatement()) {
            assertEquals(0, st.executeUpdate(sql), login + ": " + sql);
        } catch (SQLException e) {
            assertEquals("42501", e.getSQLState(), login + ": " + sql + " → " + e.getMessage());
        }
    }

    private void assertRefused(String login, String sql) throws SQLException {
        assertRefused(login, sql, "");
    }

    private void assertRefused(String login, String sql, String why) throws SQLException {
        try (Connection c = as(login)) {
            assertRefused(c, () -> {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
                return null;
            }, login + ": " + sql + (why.isEmpty() ? "" : " (" + why + ")"));
        }
    }

    private interface Sql {
        Object run() throws SQLException;
    }

    private static void assertRefused(Connection c, Sql sql) throws SQLException {
        assertRefused(c, sql, "refused");
    }

    private static void assertRefused(Connection c, Sql sql, String what) throws SQLException {
        SQLException e = assertThrows(SQLException.class, sql::run, what);
        // insufficient privilege, which is also a row policy's "new row violates": a refusal, not some other failure
        assertEquals("42501", e.getSQLState(), what + " → " + e.getMessage());
    }
}
