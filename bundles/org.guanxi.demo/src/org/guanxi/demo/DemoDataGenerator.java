package org.guanxi.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.persistence.DerbyStatistics;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.db.ConsentLedger;
import org.guanxi.core.model.ConsentSource;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.WinBackStatus;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.CareService;
import org.guanxi.core.service.ChurnService;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.DemoDataService;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.sales.api.OrderService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.WorkingCalendarService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Deterministic demo data: the same seed always gives the same customers, products, orders and invoices.
 * Written with JDBC batches (one commit per 500 customers) so that it also fills benchmark databases of a million
 * customers; the rows are what the services would write, including the search key.
 */
@Component(service = DemoDataService.class)
public class DemoDataGenerator implements DemoDataService {

    private static final int BATCH = 500;
    private static final int PRODUCTS = 48;
    private static final String[] ATTITUDES = { "SUPPORTER", "NEUTRAL", "NEUTRAL", "SCEPTIC", "OPPONENT" };

    private final Database db;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private OrderService orders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private SecurityService security;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private CustomerValueService values;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private ServiceLevelService levels;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private WorkingCalendarService calendar;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private LoyaltyService loyalty;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private ChurnService churn;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private CareService care;

    @Activate
    public DemoDataGenerator(@Reference Database db) {
        this.db = db;
    }

    /** With the service module's levels and calendar, the demo has service cases and complaints too. */
    public DemoDataGenerator(Database db, ServiceLevelService levels, WorkingCalendarService calendar) {
        this.db = db;
        this.levels = levels;
        this.calendar = calendar;
    }

    /**
     * Adds {@code count} customers with their contacts and key dates but no orders, as fast as the demo writes them:
     * for benchmarks that need a large customer base (a million callers for the screen pop).
     */
    public void addCustomers(int count, long seed, IntConsumer progress) {
        Random random = new Random(seed);
        Names names = new Names(random);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long firstCode = nextNumber(c, "SELECT MAX(CODE) FROM CUSTOMER WHERE CODE LIKE 'C%'");
            try (Batches b = new Batches(c, new IdBlock(c))) {
                for (int i = 0; i < count; i++) {
                    insertCustomer(b, names, random, b.ids.next(), String.format("C%07d", firstCode + i));
                    if ((i + 1) % BATCH == 0 || i == count - 1) {
                        b.flush();
                        c.commit();
                        progress.accept(i + 1);
                    }
                }
            }
            ConsentLedger.recordHeld(c, ConsentSource.DEMO);
            c.commit();
            DerbyStatistics.refreshAll(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Adding customers failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isEmpty() {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM CUSTOMER")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void generate(int customers, long seed, IntConsumer progress) {
        Random random = new Random(seed);
        Names names = new Names(random);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            IdBlock ids = new IdBlock(c);
            long firstCode = nextNumber(c, "SELECT MAX(CODE) FROM CUSTOMER WHERE CODE LIKE 'C%'");
            long firstOrder = nextNumber(c, "SELECT MAX(ORDER_NO) FROM SALES_ORDER WHERE ORDER_NO LIKE 'SO%'");
            long[] productIds = new long[PRODUCTS];
            BigDecimal[] prices = new BigDecimal[PRODUCTS];
            insertProducts(c, ids, random, productIds, prices);
            c.commit();
            List<Long> sample = new java.util.ArrayList<>();
            try (Batches b = new Batches(c, ids)) {
                long orderNo = firstOrder;
                for (int i = 0; i < customers; i++) {
                    long customerId = ids.next();
                    if (sample.size() < 1_000) {
                        sample.add(customerId);
                    }
                    insertCustomer(b, names, random, customerId, String.format("C%07d", firstCode + i));
                    orderNo = insertOrders(b, ids, random, customerId, orderNo, productIds, prices);
                    if ((i + 1) % BATCH == 0 || i == customers - 1) {
                        b.flush();
                        c.commit();
                        progress.accept(i + 1);
                    }
                }
            }
            ConsentLedger.recordHeld(c, ConsentSource.DEMO);
            c.commit();
            // each part in a transaction of its own: Derby refills an identity column's values in a nested
            // transaction that gives up (40XL1) when the catalog row is held, and one long transaction over many
            // tables with identity columns held it
            DemoSales.insert(c, ids, names, random, sample);
            c.commit();
            List<Long> drafts = DemoOrders.insert(c, ids, random, sample, productIds);
            c.commit();
            DemoCampaigns.insert(c, ids, random);
            c.commit();
            DemoForecast.insert(c);
            c.commit();
            String user = security != null && security.isSignedIn() ? security.currentUser() : null;
            DemoActivities.insert(c, ids, random, user);
            c.commit();
            if (levels != null && calendar != null) {
                // cases take their deadlines from the customer's tier, so the pyramid is placed first
                if (values != null && security != null && security.hasPermission(Permission.CUSTOMER_WRITE)) {
                    values.analyse(AppClock.today(), n -> { });
                }
                DemoService.insert(c, ids, random, sample, user, levels, calendar.calendar());
            }
            c.commit();
            if (loyalty != null) {
                points(random, sample);
            }
            if (churn != null && security != null && security.hasPermission(Permission.SERVICE_WRITE)) {
                winBacks(random);
            }
            if (care != null && security != null && security.hasPermission(Permission.CUSTOMER_WRITE)) {
                // the care greetings of the coming two weeks wait in the agents' work list
                care.planTasks(AppClock.today().minusDays(2), AppClock.today().plusDays(14), p -> { });
            }
            c.commit();
            confirm(drafts);
            DerbyStatistics.refreshAll(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data generation failed: " + e.getMessage(), e);
        }
    }

    /**
     * Confirms two thirds of the demo's draft orders through the order service, so that each has its real outbox
     * message for the ERP; without a signed-in user (a bare database in a test) they stay drafts.
     */
    private void confirm(List<Long> drafts) {
        if (orders == null || security == null || !security.hasPermission(Permission.SALES_WRITE)) {
            return;
        }
        for (int i = 0; i < drafts.size(); i++) {
            if (i % 3 != 2) {
                SalesOrder o = orders.get(drafts.get(i));
                orders.confirm(o.getId(), o.getVersion(), true);
            }
        }
    }

    /**
     * The points of the demo's orders, some redeemed, and last year's leftovers expired: what the programme would
     * have booked had it run all along.
     */
    private void points(Random random, List<Long> sample) {
        loyalty.earnAll();
        if (security != null && security.hasPermission(Permission.SERVICE_WRITE)) {
            String[] gifts = { "兑换保温杯", "兑换电饭煲", "抵扣现金", "兑换购物卡" };
            for (int i = 0; i < sample.size(); i += 7) {
                int balance = loyalty.account(sample.get(i)).balance();
                if (balance >= 500) {
                    loyalty.redeem(sample.get(i), 100 * (1 + random.nextInt(balance / 200)), gifts[random.nextInt(gifts.length)]);
                }
            }
        }
        loyalty.expire(AppClock.today());
    }

    /** Win-backs opened a month ago for the customers then at risk, a third of them since won back or lost. */
    private void winBacks(Random random) {
        churn.generateWinBacks(AppClock.today().minusMonths(1));
        for (ChurnService.WinBack w : churn.winBacks(WinBackStatus.OPEN, 1_000)) {
            try {
                switch (random.nextInt(6)) {
                    case 0 -> churn.close(w.id(), WinBackStatus.WON_BACK, "回访后重新下单");
                    case 1 -> churn.close(w.id(), WinBackStatus.LOST, "已改用其他供应商");
                    default -> { }
                }
            } catch (GuanxiException e) {
                // an agent on the same database was quicker: the outcome is theirs
            }
        }
        churn.generateWinBacks(AppClock.today());
    }

    private static long nextNumber(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            String max = rs.getString(1);
            return max == null ? 1 : Long.parseLong(max.replaceAll("\\D", "")) + 1;
        }
    }

    private static void insertProducts(Connection c, IdBlock ids, Random random, long[] productIds, BigDecimal[] prices)
            throws SQLException {
        String[][] catalogue = { { "办公椅", "Furniture" }, { "升降办公桌", "Furniture" }, { "文件柜", "Furniture" },
                { "激光打印机", "Office equipment" }, { "投影仪", "Office equipment" }, { "碎纸机", "Office equipment" },
                { "笔记本电脑", "IT" }, { "显示器 27 英寸", "IT" }, { "无线键鼠套装", "IT" }, { "企业路由器", "IT" },
                { "A4 复印纸（箱）", "Supplies" }, { "墨盒", "Supplies" }, { "绿茶礼盒", "Gifts" }, { "月饼礼盒", "Gifts" },
                { "维护服务（年）", "Services" }, { "上门安装", "Services" } };
        try (PreparedStatement existing = c.prepareStatement("SELECT ID, UNIT_PRICE FROM PRODUCT WHERE SKU = ?");
                PreparedStatement ps = c.prepareStatement("INSERT INTO PRODUCT (ID, VERSION, SKU, NAME, CATEGORY, UNIT_PRICE, "
                        + "UNIT_COST, STOCK_ITEM) VALUES (?, 1, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < PRODUCTS; i++) {
                String[] p = catalogue[i % catalogue.length];
                String sku = String.format("SKU-%04d", 1001 + i);
                existing.setString(1, sku);
                try (ResultSet rs = existing.executeQuery()) {
                    if (rs.next()) {
                        productIds[i] = rs.getLong(1);
                        prices[i] = rs.getBigDecimal(2);
                        continue;
                    }
                }
                int variant = i / catalogue.length;
                BigDecimal price = BigDecimal.valueOf(20 + random.nextInt(4000)).add(BigDecimal.valueOf(random.nextInt(100), 2));
                productIds[i] = ids.next();
                prices[i] = price;
                ps.setLong(1, productIds[i]);
                ps.setString(2, sku);
                ps.setString(3, variant == 0 ? p[0] : p[0] + " " + (char) ('A' + variant));
                ps.setString(4, p[1]);
                ps.setBigDecimal(5, price);
                ps.setBigDecimal(6, price.multiply(BigDecimal.valueOf(55 + random.nextInt(30))).divide(BigDecimal.valueOf(100),
                        2, RoundingMode.HALF_UP));
                ps.setBoolean(7, !"Services".equals(p[1]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertCustomer(Batches b, Names names, Random random, long id, String code) throws SQLException {
        boolean organisation = random.nextInt(100) < 30;
        String[] city = names.city();
        String[] person = names.person();
        String name = organisation ? names.company(city[0]) : person[0];
        Timestamp created = Timestamp.from(AppClock.now().minusSeconds(86_400L * (30 + random.nextInt(1500))));
        PreparedStatement ps = b.customer;
        ps.setLong(1, id);
        ps.setString(2, code);
        ps.setString(3, organisation ? "ORGANISATION" : "PERSON");
        ps.setString(4, name);
        ps.setString(5, Customer.nameKeyOf(name));
        String phone = names.mobile();
        ps.setString(6, phone);
        String email = person[1] + (random.nextInt(90) + 10) + "@" + (organisation ? "corp.example.cn" : names.domain());
        ps.setString(7, email);
        ps.setString(8, random.nextInt(100) < 60 ? String.format("VIP%010d", id) : null);
        ps.setString(9, organisation ? String.format("91%s%012d", city[2], random.nextLong(1_000_000_000_000L)) : null);
        ps.setString(10, city[0]);
        // one person in twenty has a birthday in the coming days (and takes SMS), so that the care greetings the demo
        // plans are never empty, whatever day it is
        boolean birthdaySoon = !organisation && id % 20 == 0;
        LocalDate born = organisation ? null : LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
        if (birthdaySoon) {
            born = AppClock.today().plusDays(1 + id / 20 % 10).withYear(born.getYear());
        }
        ps.setDate(11, born == null ? null : Date.valueOf(born));
        ps.setString(12, names.pick(Names.SOURCES));
        ps.setString(13, names.pick(Names.OWNERS));
        ps.setTimestamp(14, created);
        ps.setString(15, SearchKeys.pinyinKey(name));
        ps.setString(16, SearchKeys.phoneKey(phone));
        ps.setBoolean(17, random.nextInt(100) < 55);
        ps.setBoolean(18, random.nextInt(100) < 40 || birthdaySoon);
        ps.setBoolean(19, random.nextInt(100) < 70);
        ps.setString(20, SearchKeys.emailKey(email));
        ps.setString(21, SearchKeys.phoneTail(SearchKeys.phoneKey(phone)));
        ps.addBatch();
        insertMoreMasterData(b, names, random, id, organisation);

        int contacts = organisation ? 1 + random.nextInt(3) : random.nextInt(2);
        for (int k = 0; k < contacts; k++) {
            String[] cp = names.person();
            b.contact.setLong(1, b.ids.next());
            b.contact.setLong(2, id);
            b.contact.setString(3, cp[0]);
            b.contact.setString(4, organisation ? names.role() : "家属 / Family");
            String contactPhone = names.mobile();
            b.contact.setString(5, contactPhone);
            b.contact.setString(6, cp[1] + "@" + names.domain());
            b.contact.setString(7, SearchKeys.phoneKey(contactPhone));
            if (organisation) {
                b.contact.setInt(8, 1 + random.nextInt(5));
                b.contact.setString(9, ATTITUDES[random.nextInt(ATTITUDES.length)]);
            } else {
                b.contact.setNull(8, java.sql.Types.SMALLINT);
                b.contact.setNull(9, java.sql.Types.VARCHAR);
            }
            b.contact.addBatch();
        }
        int interactions = random.nextInt(6);
        for (int k = 0; k < interactions; k++) {
            String[] what = names.pick(Names.INTERACTIONS);
            b.interaction.setLong(1, b.ids.next());
            b.interaction.setLong(2, id);
            b.interaction.setString(3, what[0]);
            b.interaction.setTimestamp(4, Timestamp.from(AppClock.now().minusSeconds(60L * random.nextInt(60 * 24 * 700))));
            b.interaction.setString(5, what[1]);
            b.interaction.setString(6, names.pick(Names.OWNERS));
            b.interaction.addBatch();
        }
        b.address.setLong(1, b.ids.next());
        b.address.setLong(2, id);
        b.address.setString(3, organisation ? "OFFICE" : "HOME");
        b.address.setString(4, names.street());
        b.address.setString(5, city[0]);
        b.address.setString(6, city[1]);
        b.address.setString(7, city[2] + String.format("%03d", random.nextInt(1000)));
        b.address.addBatch();
    }

    /** A second phone for some, a wedding day (some kept by the lunar calendar) or a founding day for others. */
    private static void insertMoreMasterData(Batches b, Names names, Random random, long id, boolean organisation)
            throws SQLException {
        if (random.nextInt(100) < 20) {
            String second = organisation ? "0" + (10 + random.nextInt(890)) + "-" + (60_000_000 + random.nextInt(30_000_000))
                    : names.mobile();
            b.contactPoint.setLong(1, b.ids.next());
            b.contactPoint.setLong(2, id);
            b.contactPoint.setString(3, organisation ? "PHONE" : "MOBILE");
            b.contactPoint.setString(4, second);
            b.contactPoint.setString(5, organisation ? "总机 / Switchboard" : "工作 / Work");
            b.contactPoint.setString(6, SearchKeys.phoneKey(second));
            b.contactPoint.addBatch();
        }
        if (random.nextInt(100) < 12) {
            b.keyDate.setLong(1, b.ids.next());
            b.keyDate.setLong(2, id);
            b.keyDate.setString(3, organisation ? "FOUNDING" : "WEDDING");
            b.keyDate.setString(4, null);
            b.keyDate.setDate(5, Date.valueOf(LocalDate.of(1985 + random.nextInt(38), 1 + random.nextInt(12),
                    1 + random.nextInt(28))));
            b.keyDate.setBoolean(6, !organisation && random.nextInt(3) == 0);
            b.keyDate.addBatch();
        }
    }

    private static long insertOrders(Batches b, IdBlock ids, Random random, long customerId, long orderNo,
            long[] productIds, BigDecimal[] prices) throws SQLException {
        // a skewed distribution: most customers buy little, a few buy a lot (the pyramid needs that)
        int orders = (int) Math.min(40, Math.floor(-Math.log(1 - random.nextDouble()) * 3));
        LocalDate today = AppClock.today();
        for (int o = 0; o < orders; o++) {
            long orderId = ids.next();
            LocalDate date = today.minusDays(random.nextInt(730));
            int lines = 1 + random.nextInt(4);
            BigDecimal total = BigDecimal.ZERO;
            for (int l = 1; l <= lines; l++) {
                int p = random.nextInt(productIds.length);
                BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(random.nextInt(100) < 10 ? 50 : 5));
                total = total.add(qty.multiply(prices[p]));
                b.line.setLong(1, ids.next());
                b.line.setLong(2, orderId);
                b.line.setInt(3, l);
                b.line.setLong(4, productIds[p]);
                b.line.setBigDecimal(5, qty);
                b.line.setBigDecimal(6, prices[p]);
                b.line.addBatch();
            }
            boolean old = date.isBefore(today.minusDays(20));
            String status = old ? (random.nextInt(10) < 8 ? "INVOICED" : "DELIVERED") : "CONFIRMED";
            String no = String.format(Locale.ROOT, "SO%08d", orderNo++);
            b.order.setLong(1, orderId);
            b.order.setString(2, no);
            b.order.setLong(3, customerId);
            b.order.setDate(4, Date.valueOf(date));
            b.order.setString(5, status);
            b.order.setBigDecimal(6, total);
            b.order.setString(7, old ? "ERP-" + no.substring(2) : null);
            b.order.setDate(8, old ? Date.valueOf(date.plusDays(2 + random.nextInt(5))) : null);
            b.order.addBatch();
            if ("INVOICED".equals(status)) {
                boolean paid = date.isBefore(today.minusDays(60)) || random.nextBoolean();
                b.invoice.setLong(1, ids.next());
                b.invoice.setString(2, "INV" + no.substring(2));
                b.invoice.setLong(3, customerId);
                b.invoice.setLong(4, orderId);
                b.invoice.setDate(5, Date.valueOf(date.plusDays(3)));
                b.invoice.setBigDecimal(6, total);
                b.invoice.setBigDecimal(7, paid ? total : BigDecimal.ZERO);
                b.invoice.setString(8, paid ? "PAID" : "OPEN");
                b.invoice.addBatch();
            }
        }
        return orderNo;
    }

    /** The prepared statements of one generation run, flushed together so foreign keys are met. */
    private static final class Batches implements AutoCloseable {
        final IdBlock ids;
        final PreparedStatement customer;
        final PreparedStatement contact;
        final PreparedStatement contactPoint;
        final PreparedStatement keyDate;
        final PreparedStatement address;
        final PreparedStatement order;
        final PreparedStatement line;
        final PreparedStatement invoice;
        final PreparedStatement interaction;

        Batches(Connection c, IdBlock ids) throws SQLException {
            this.ids = ids;
            customer = c.prepareStatement("INSERT INTO CUSTOMER (ID, VERSION, CODE, KIND, NAME, NAME_KEY, PHONE, EMAIL, "
                    + "MEMBER_CARD, TAX_ID, CITY, BIRTHDAY, SOURCE, OWNER_LOGIN, CREATED_AT, UPDATED_AT, PINYIN_KEY, PHONE_KEY, "
                    + "CONSENT_EMAIL, CONSENT_SMS, CONSENT_PHONE, EMAIL_KEY, PHONE_TAIL) "
                    + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + SqlClock.now() + ", ?, ?, ?, ?, ?, ?, ?)");
            contact = c.prepareStatement("INSERT INTO CONTACT (ID, VERSION, CUSTOMER_ID, NAME, ROLE, PHONE, EMAIL, "
                    + "PHONE_KEY, INFLUENCE, ATTITUDE) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)");
            contactPoint = c.prepareStatement("INSERT INTO CONTACT_POINT (ID, VERSION, CUSTOMER_ID, KIND, VAL, LABEL, "
                    + "LOOKUP_KEY) VALUES (?, 1, ?, ?, ?, ?, ?)");
            keyDate = c.prepareStatement("INSERT INTO KEY_DATE (ID, VERSION, CUSTOMER_ID, KIND, LABEL, EVENT_DATE, LUNAR) "
                    + "VALUES (?, 1, ?, ?, ?, ?, ?)");
            address = c.prepareStatement("INSERT INTO ADDRESS (ID, VERSION, CUSTOMER_ID, KIND, STREET, CITY, PROVINCE, "
                    + "POSTAL_CODE, COUNTRY) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'CN')");
            order = c.prepareStatement("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, ORDER_DATE, STATUS, "
                    + "CURRENCY, TOTAL, ERP_ORDER_NO, DELIVERED_ON) VALUES (?, 1, ?, ?, ?, ?, 'CNY', ?, ?, ?)");
            line = c.prepareStatement("INSERT INTO ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, PRODUCT_ID, QUANTITY, "
                    + "UNIT_PRICE) VALUES (?, 1, ?, ?, ?, ?, ?)");
            interaction = c.prepareStatement("INSERT INTO INTERACTION (ID, VERSION, CUSTOMER_ID, CHANNEL, OCCURRED_AT, "
                    + "SUBJECT, USER_LOGIN) VALUES (?, 1, ?, ?, ?, ?, ?)");
            invoice = c.prepareStatement("INSERT INTO INVOICE (ID, VERSION, INVOICE_NO, CUSTOMER_ID, ORDER_ID, ISSUE_DATE, "
                    + "AMOUNT, PAID_AMOUNT, STATUS) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)");
        }

        /** In foreign-key order: customers before what refers to them, orders before their lines. */
        private PreparedStatement[] all() {
            return new PreparedStatement[] { customer, contact, contactPoint, keyDate, address, interaction, order, line,
                invoice };
        }

        void flush() throws SQLException {
            for (PreparedStatement ps : all()) {
                ps.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : all()) {
                ps.close();
            }
        }
    }
}
