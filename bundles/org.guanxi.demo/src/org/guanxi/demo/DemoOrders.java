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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Money;
import org.guanxi.core.model.QuoteStatus;
import org.guanxi.core.persistence.IdBlock;

/**
 * Demo price lists, stock levels in two warehouses, quotes in every state (some revised), draft orders entered in
 * Guanxi, contracts around their renewal dates, and the deliveries and payments of the sample customers' orders.
 * Rows are what the services would write; confirming orders is left to the order service so that their outbox
 * messages are real.
 */
final class DemoOrders {

    private static final String[] WAREHOUSES = { "WH-SH", "WH-GZ" };
    private static final String[] CARRIERS = { "顺丰速运", "德邦物流", "京东物流" };
    private static final String[] PAYMENT_TERMS = { "货到付款", "月结 30 天", "季度预付", "预付 30%，验收后付清" };
    private static final String[] CONTRACTS = { "年度办公家具框架协议", "设备维护服务合同", "耗材年度供货合同", "会议室改造项目合同" };
    private static final QuoteStatus[] QUOTE_MIX = { QuoteStatus.APPROVED, QuoteStatus.APPROVED, QuoteStatus.PENDING_APPROVAL,
        QuoteStatus.PENDING_APPROVAL, QuoteStatus.SENT, QuoteStatus.SENT, QuoteStatus.SENT, QuoteStatus.ACCEPTED,
        QuoteStatus.REJECTED, QuoteStatus.DRAFT };

    private DemoOrders() {
    }

    /** Ids of the draft orders written, for the caller to confirm through the order service. */
    static List<Long> insert(Connection c, IdBlock ids, Random random, List<Long> customers, long[] productIds)
            throws SQLException {
        if (customers.isEmpty() || count(c, "SELECT COUNT(*) FROM PRICE_LIST") > 0) {
            return List.of();
        }
        long standard = priceList(c, ids, "STD", "标准价目表", productIds, BigDecimal.ONE);
        priceList(c, ids, "DIST", "经销商价目表", productIds, new BigDecimal("0.88"));
        stock(c, random);
        quotes(c, ids, random, customers, productIds, standard);
        contracts(c, ids, random, customers);
        deliveriesAndPayments(c, ids, random, customers);
        return draftOrders(c, ids, random, customers, productIds);
    }

    private static long priceList(Connection c, IdBlock ids, String code, String name, long[] productIds, BigDecimal factor)
            throws SQLException {
        long id = ids.next();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PRICE_LIST (ID, VERSION, CODE, NAME, CURRENCY, VALID_FROM, "
                + "ACTIVE) VALUES (?, 1, ?, ?, 'CNY', ?, TRUE)")) {
            ps.setLong(1, id);
            ps.setString(2, code);
            ps.setString(3, name);
            ps.setDate(4, Date.valueOf(AppClock.today().withDayOfYear(1)));
            ps.executeUpdate();
        }
        try (PreparedStatement price = c.prepareStatement("SELECT UNIT_PRICE FROM PRODUCT WHERE ID = ?");
                PreparedStatement item = c.prepareStatement("INSERT INTO PRICE_LIST_ITEM (ID, VERSION, PRICE_LIST_ID, PRODUCT_ID, "
                        + "MIN_QUANTITY, UNIT_PRICE) VALUES (?, 1, ?, ?, ?, ?)")) {
            for (long productId : productIds) {
                price.setLong(1, productId);
                BigDecimal p;
                try (ResultSet rs = price.executeQuery()) {
                    rs.next();
                    p = rs.getBigDecimal(1).multiply(factor).setScale(2, RoundingMode.HALF_UP);
                }
                // from 10 units on, 5 % less
                for (int tier = 0; tier < 2; tier++) {
                    item.setLong(1, ids.next());
                    item.setLong(2, id);
                    item.setLong(3, productId);
                    item.setBigDecimal(4, BigDecimal.valueOf(tier == 0 ? 1 : 10));
                    item.setBigDecimal(5, tier == 0 ? p : Money.discounted(p, BigDecimal.valueOf(5)));
                    item.addBatch();
                }
            }
            item.executeBatch();
        }
        return id;
    }

    private static void stock(Connection c, Random random) throws SQLException {
        Timestamp reported = Timestamp.from(AppClock.now().minusSeconds(3_600));
        List<String> skus = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SKU FROM PRODUCT WHERE STOCK_ITEM = TRUE "
                + "AND NOT EXISTS (SELECT 1 FROM INVENTORY_LEVEL i WHERE i.SKU = PRODUCT.SKU) ORDER BY SKU")) {
            while (rs.next()) {
                skus.add(rs.getString(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO INVENTORY_LEVEL (SKU, WAREHOUSE, ON_HAND, "
                + "RESERVED, UPDATED_AT, SOURCE_FILE) VALUES (?, ?, ?, ?, ?, 'demo')")) {
            for (String sku : skus) {
                // one product in six runs low, so that order entry shows what a shortage looks like
                boolean low = random.nextInt(6) == 0;
                for (String warehouse : WAREHOUSES) {
                    int onHand = low ? random.nextInt(4) : 20 + random.nextInt(300);
                    ps.setString(1, sku);
                    ps.setString(2, warehouse);
                    ps.setBigDecimal(3, BigDecimal.valueOf(onHand));
                    ps.setBigDecimal(4, BigDecimal.valueOf(onHand == 0 ? 0 : random.nextInt(1 + onHand / 5)));
                    ps.setTimestamp(5, reported);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void quotes(Connection c, IdBlock ids, Random random, List<Long> customers, long[] productIds, long priceList)
            throws SQLException {
        LocalDate today = AppClock.today();
        try (PreparedStatement quote = c.prepareStatement("INSERT INTO QUOTE (ID, VERSION, QUOTE_NO, REVISION, CUSTOMER_ID, "
                + "PRICE_LIST_ID, STATUS, CURRENCY, VALID_UNTIL, LIST_TOTAL, TOTAL, MAX_DISCOUNT, OWNER_LOGIN, APPROVED_BY, "
                + "APPROVED_AT, CREATED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement line = c.prepareStatement("INSERT INTO QUOTE_LINE (ID, VERSION, QUOTE_ID, LINE_NO, PRODUCT_ID, "
                        + "QUANTITY, LIST_PRICE, DISCOUNT_PCT, UNIT_PRICE) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement price = c.prepareStatement("SELECT UNIT_PRICE FROM PRICE_LIST_ITEM WHERE PRICE_LIST_ID = ? "
                        + "AND PRODUCT_ID = ? AND MIN_QUANTITY <= ? ORDER BY MIN_QUANTITY DESC FETCH FIRST 1 ROWS ONLY")) {
            int n = Math.min(30, customers.size());
            for (int i = 0; i < n; i++) {
                String no = DemoSales.code(c, "QUOTE_NO_SEQ", "QT");
                long customer = customers.get(random.nextInt(customers.size()));
                String owner = Names.OWNERS[random.nextInt(Names.OWNERS.length)];
                QuoteStatus status = QUOTE_MIX[i % QUOTE_MIX.length];
                int revisions = i % 7 == 3 ? 2 : 1;
                Instant created = AppClock.now().minusSeconds(86_400L * (1 + random.nextInt(40)));
                for (int rev = 1; rev <= revisions; rev++) {
                    QuoteStatus s = rev < revisions ? QuoteStatus.SUPERSEDED : status;
                    boolean big = s == QuoteStatus.PENDING_APPROVAL || random.nextInt(5) == 0;
                    long id = ids.next();
                    BigDecimal listTotal = BigDecimal.ZERO;
                    BigDecimal total = BigDecimal.ZERO;
                    BigDecimal maxDiscount = BigDecimal.ZERO;
                    int lines = 1 + random.nextInt(4);
                    for (int l = 1; l <= lines; l++) {
                        long product = productIds[random.nextInt(productIds.length)];
                        BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(random.nextBoolean() ? 5 : 30));
                        price.setLong(1, priceList);
                        price.setLong(2, product);
                        price.setBigDecimal(3, qty);
                        BigDecimal listPrice;
                        try (ResultSet rs = price.executeQuery()) {
                            rs.next();
                            listPrice = rs.getBigDecimal(1);
                        }
                        BigDecimal discount = BigDecimal.valueOf(big ? 12 + random.nextInt(9) : random.nextInt(3) * 5L);
                        BigDecimal unit = Money.discounted(listPrice, discount);
                        line.setLong(1, ids.next());
                        line.setLong(2, id);
                        line.setInt(3, l);
                        line.setLong(4, product);
                        line.setBigDecimal(5, qty);
                        line.setBigDecimal(6, listPrice);
                        line.setBigDecimal(7, discount);
                        line.setBigDecimal(8, unit);
                        line.addBatch();
                        listTotal = listTotal.add(Money.amount(qty, listPrice));
                        total = total.add(Money.amount(qty, unit));
                        maxDiscount = maxDiscount.max(discount);
                    }
                    boolean approvedByManager = maxDiscount.compareTo(BigDecimal.TEN) > 0 && s != QuoteStatus.PENDING_APPROVAL
                            && s != QuoteStatus.DRAFT;
                    quote.setLong(1, id);
                    quote.setString(2, no);
                    quote.setInt(3, rev);
                    quote.setLong(4, customer);
                    quote.setLong(5, priceList);
                    quote.setString(6, s.name());
                    quote.setDate(7, Date.valueOf(today.plusDays(s == QuoteStatus.REJECTED ? -3 : 10 + random.nextInt(30))));
                    quote.setBigDecimal(8, listTotal);
                    quote.setBigDecimal(9, total);
                    quote.setBigDecimal(10, maxDiscount);
                    quote.setString(11, owner);
                    quote.setString(12, approvedByManager ? "li.qiang" : null);
                    quote.setTimestamp(13, approvedByManager ? Timestamp.from(created.plusSeconds(7_200)) : null);
                    quote.setTimestamp(14, Timestamp.from(created.plusSeconds(rev * 86_400L)));
                    quote.setTimestamp(15, Timestamp.from(created.plusSeconds(rev * 86_400L)));
                    quote.addBatch();
                }
            }
            quote.executeBatch();
            line.executeBatch();
        }
    }

    private static void contracts(Connection c, IdBlock ids, Random random, List<Long> customers) throws SQLException {
        LocalDate today = AppClock.today();
        Timestamp now = Timestamp.from(AppClock.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SALES_CONTRACT (ID, VERSION, CONTRACT_NO, TITLE, CUSTOMER_ID, "
                + "STATUS, SIGNED_ON, START_DATE, END_DATE, AMOUNT, CURRENCY, PAYMENT_TERMS, TERMS, AUTO_RENEW, RENEWAL_NOTICE_DAYS, "
                + "OWNER_LOGIN, CREATED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?)")) {
            int n = Math.min(16, customers.size());
            for (int i = 0; i < n; i++) {
                // ends spread from two months ago to a year ahead: some due for renewal, a few expired, two drafts
                LocalDate end = today.plusDays(-60 + random.nextInt(425));
                LocalDate start = end.minusYears(1).plusDays(1);
                String status = i < 2 ? "DRAFT" : end.isBefore(today) ? "EXPIRED" : "ACTIVE";
                ps.setLong(1, ids.next());
                ps.setString(2, DemoSales.code(c, "CONTRACT_NO_SEQ", "HT"));
                ps.setString(3, CONTRACTS[random.nextInt(CONTRACTS.length)]);
                ps.setLong(4, customers.get(random.nextInt(customers.size())));
                ps.setString(5, status);
                ps.setDate(6, "DRAFT".equals(status) ? null : Date.valueOf(start.minusDays(5)));
                ps.setDate(7, Date.valueOf(start));
                ps.setDate(8, Date.valueOf(end));
                ps.setBigDecimal(9, BigDecimal.valueOf(10_000L * (2 + random.nextInt(50))));
                ps.setString(10, PAYMENT_TERMS[random.nextInt(PAYMENT_TERMS.length)]);
                ps.setString(11, "1. 供方按约定交期供货；2. 质保期一年；3. 争议由供方所在地法院管辖。");
                ps.setBoolean(12, random.nextInt(4) == 0);
                ps.setInt(13, 30 + 15 * random.nextInt(3));
                ps.setString(14, Names.OWNERS[random.nextInt(Names.OWNERS.length)]);
                ps.setTimestamp(15, now);
                ps.setTimestamp(16, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The sample customers' delivered orders get their shipment, their paid invoices a payment. */
    private static void deliveriesAndPayments(Connection c, IdBlock ids, Random random, List<Long> customers) throws SQLException {
        String in = customers.stream().limit(200).map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID, ORDER_NO, ORDER_DATE, DELIVERED_ON FROM SALES_ORDER WHERE CUSTOMER_ID IN ("
                        + in + ") AND DELIVERED_ON IS NOT NULL");
                PreparedStatement ps = c.prepareStatement("INSERT INTO DELIVERY (ID, VERSION, ORDER_ID, DELIVERY_NO, SHIPPED_ON, "
                        + "DELIVERED_ON, CARRIER, TRACKING_NO, STATUS) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'DELIVERED')")) {
            while (rs.next()) {
                LocalDate delivered = rs.getDate(4).toLocalDate();
                ps.setLong(1, ids.next());
                ps.setLong(2, rs.getLong(1));
                ps.setString(3, "DN" + rs.getString(2).substring(2));
                ps.setDate(4, Date.valueOf(delivered.minusDays(1 + random.nextInt(2))));
                ps.setDate(5, Date.valueOf(delivered));
                ps.setString(6, CARRIERS[random.nextInt(CARRIERS.length)]);
                ps.setString(7, String.format("SF%012d", random.nextLong(1_000_000_000_000L)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID, ISSUE_DATE, PAID_AMOUNT FROM INVOICE WHERE CUSTOMER_ID IN (" + in
                        + ") AND PAID_AMOUNT > 0");
                PreparedStatement ps = c.prepareStatement("INSERT INTO PAYMENT (ID, VERSION, INVOICE_ID, PAID_ON, AMOUNT, METHOD, "
                        + "REFERENCE) VALUES (?, 1, ?, ?, ?, ?, ?)");
                PreparedStatement due = c.prepareStatement("UPDATE INVOICE SET DUE_DATE = ? WHERE ID = ?")) {
            while (rs.next()) {
                LocalDate issued = rs.getDate(2).toLocalDate();
                ps.setLong(1, ids.next());
                ps.setLong(2, rs.getLong(1));
                ps.setDate(3, Date.valueOf(issued.plusDays(5 + random.nextInt(25))));
                ps.setBigDecimal(4, rs.getBigDecimal(3));
                ps.setString(5, random.nextInt(3) == 0 ? "ALIPAY" : "BANK");
                ps.setString(6, "BK" + (100_000 + random.nextInt(900_000)));
                ps.addBatch();
                due.setDate(1, Date.valueOf(issued.plusDays(30)));
                due.setLong(2, rs.getLong(1));
                due.addBatch();
            }
            ps.executeBatch();
            due.executeBatch();
        }
    }

    private static List<Long> draftOrders(Connection c, IdBlock ids, Random random, List<Long> customers, long[] productIds)
            throws SQLException {
        List<Long> drafts = new ArrayList<>();
        LocalDate today = AppClock.today();
        try (PreparedStatement order = c.prepareStatement("INSERT INTO SALES_ORDER (ID, VERSION, ORDER_NO, CUSTOMER_ID, ORDER_DATE, "
                + "STATUS, CURRENCY, TOTAL, OWNER_LOGIN, REQUESTED_DATE) VALUES (?, 1, ?, ?, ?, 'DRAFT', 'CNY', ?, ?, ?)");
                PreparedStatement line = c.prepareStatement("INSERT INTO ORDER_LINE (ID, VERSION, ORDER_ID, LINE_NO, PRODUCT_ID, "
                        + "QUANTITY, LIST_PRICE, DISCOUNT_PCT, UNIT_PRICE) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement price = c.prepareStatement("SELECT UNIT_PRICE FROM PRODUCT WHERE ID = ?")) {
            int n = Math.min(12, customers.size());
            for (int i = 0; i < n; i++) {
                long id = ids.next();
                BigDecimal total = BigDecimal.ZERO;
                int lines = 1 + random.nextInt(3);
                for (int l = 1; l <= lines; l++) {
                    long product = productIds[random.nextInt(productIds.length)];
                    price.setLong(1, product);
                    BigDecimal listPrice;
                    try (ResultSet rs = price.executeQuery()) {
                        rs.next();
                        listPrice = rs.getBigDecimal(1);
                    }
                    BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(8));
                    BigDecimal discount = BigDecimal.valueOf(random.nextInt(3) * 5L);
                    BigDecimal unit = Money.discounted(listPrice, discount);
                    line.setLong(1, ids.next());
                    line.setLong(2, id);
                    line.setInt(3, l);
                    line.setLong(4, product);
                    line.setBigDecimal(5, qty);
                    line.setBigDecimal(6, listPrice);
                    line.setBigDecimal(7, discount);
                    line.setBigDecimal(8, unit);
                    line.addBatch();
                    total = total.add(Money.amount(qty, unit));
                }
                order.setLong(1, id);
                order.setString(2, DemoSales.code(c, "ORDER_NO_SEQ", "SO"));
                order.setLong(3, customers.get(random.nextInt(customers.size())));
                order.setDate(4, Date.valueOf(today.minusDays(random.nextInt(3))));
                order.setBigDecimal(5, total);
                order.setString(6, Names.OWNERS[random.nextInt(Names.OWNERS.length)]);
                order.setDate(7, Date.valueOf(today.plusDays(7 + random.nextInt(21))));
                order.addBatch();
                drafts.add(id);
            }
            order.executeBatch();
            line.executeBatch();
        }
        return drafts;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
