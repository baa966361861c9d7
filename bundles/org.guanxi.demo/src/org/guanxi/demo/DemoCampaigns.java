package org.guanxi.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.db.ConsentLedger;
import org.guanxi.core.model.Consent;
import org.guanxi.core.model.ConsentSource;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.persistence.IdBlock;

/**
 * Demo campaigns: last Mid-Autumn's mailing to Shanghai customers, sent and answered (deliveries, skips with their
 * reasons, a few bounces and opt-outs that are now suppressed, replies, leads and deals it produced), and a VIP
 * mailing still in draft, ready to preview and send through the configured mail server.
 */
final class DemoCampaigns {

    private static final String BODY_ZH = "尊敬的${contact}：\n\n中秋将至，${sender}为${name}准备了企业定制礼盒，"
            + "十月底前下单享九折，并可免费印制贵司标识。\n\n如需样品或报价，请直接回复本邮件，您的客户经理${owner}会尽快联系您。"
            + "\n\n${unsubscribe}";
    private static final String BODY_EN = "Dear ${contact},\n\nMid-Autumn is coming: ${sender} has prepared corporate gift "
            + "boxes for ${name}, 10% off when ordered before the end of October, with your logo printed free.\n\n"
            + "Reply to this e-mail for samples or a quote; your account manager ${owner} will be in touch.\n\n${unsubscribe}";

    private static final String VIP_ZH = "尊敬的${contact}：\n\n感谢${name}一年来的信任。双十一期间，${sender}为 VIP 客户准备了"
            + "专属答谢价和优先发货，名额有限。\n\n回复本邮件即可预约，您的客户经理${owner}会为您安排。\n\n${unsubscribe}";
    private static final String VIP_EN = "Dear ${contact},\n\nThank you for a year of trust in us. For Singles' Day ${sender} "
            + "offers our VIP customers a thank-you price and priority shipping, while stocks last.\n\nReply to book; your "
            + "account manager ${owner} will arrange it.\n\n${unsubscribe}";

    private DemoCampaigns() {
    }

    static void insert(Connection c, IdBlock ids, Random random) throws SQLException {
        long shanghai = segment(c, ids, "上海客户", "", "上海");
        long vip = segment(c, ids, "VIP 与主要客户", "MAJOR,VIP", "");
        long sent = campaign(c, ids, "2026 中秋企业礼盒", shanghai, "COMPLETED", "${name}，中秋企业礼盒九折预订",
                "${name}: Mid-Autumn gift boxes, 10% off", BODY_ZH, BODY_EN, new BigDecimal("12000"),
                new BigDecimal("8600"), LocalDate.of(2026, 8, 25));
        campaign(c, ids, "双十一 VIP 答谢", vip, "DRAFT", "${name}，双十一 VIP 专属答谢", "${name}: a thank-you for our VIPs",
                VIP_ZH, VIP_EN, new BigDecimal("20000"), BigDecimal.ZERO, LocalDate.of(2026, 11, 1));
        recipients(c, random, sent);
    }

    private static long segment(Connection c, IdBlock ids, String name, String tiers, String cities) throws SQLException {
        long id = ids.next();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SEGMENT (ID, VERSION, NAME, TIERS, CITIES, CREATED_BY, "
                + "CREATED_AT) VALUES (?, 1, ?, ?, ?, 'demo', " + SqlClock.now() + ")")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, tiers);
            ps.setString(4, cities);
            ps.executeUpdate();
        }
        return id;
    }

    private static long campaign(Connection c, IdBlock ids, String name, long segment, String status, String subjectZh,
            String subjectEn, String bodyZh, String bodyEn, BigDecimal budget, BigDecimal cost, LocalDate start)
            throws SQLException {
        long id = ids.next();
        long no = DemoOrders.count(c, SqlDialect.of(c).nextValue("CAMPAIGN_NO_SEQ"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAMPAIGN (ID, VERSION, CODE, NAME, SEGMENT_ID, STATUS, "
                + "SENDER_NAME, SUBJECT_ZH, BODY_ZH, SUBJECT_EN, BODY_EN, BUDGET, COST, CURRENCY, START_DATE, END_DATE, "
                + "OWNER_LOGIN, CREATED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, ?, ?, '关系贸易市场部', ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, "
                + "'demo', ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, String.format("CA%07d", no));
            ps.setString(3, name);
            ps.setLong(4, segment);
            ps.setString(5, status);
            ps.setString(6, subjectZh);
            ps.setString(7, bodyZh);
            ps.setString(8, subjectEn);
            ps.setString(9, bodyEn);
            ps.setBigDecimal(10, budget);
            ps.setBigDecimal(11, cost);
            ps.setDate(12, Date.valueOf(start));
            ps.setDate(13, Date.valueOf(start.plusDays(30)));
            Timestamp at = Timestamp.valueOf(start.atTime(9, 0));
            ps.setTimestamp(14, at);
            ps.setTimestamp(15, at);
            ps.executeUpdate();
        }
        return id;
    }

    /** The sent campaign's recipients (Shanghai customers), outcomes and responses. */
    private static void recipients(Connection c, Random random, long campaign) throws SQLException {
        record Customer(long id, String name, String emailKey, boolean consent) {
        }
        List<Customer> customers = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT ID, NAME, EMAIL_KEY, CONSENT_EMAIL FROM CUSTOMER WHERE CITY = '上海' ORDER BY ID FETCH FIRST 600 ROWS ONLY")) {
            while (rs.next()) {
                customers.add(new Customer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
        LocalDateTime sentAt = LocalDateTime.of(2026, 8, 25, 10, 0);
        List<long[]> delivered = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAMPAIGN_RECIPIENT (CAMPAIGN_ID, CUSTOMER_ID, EMAIL, LANG, "
                + "STATUS, REASON, ATTEMPTS, MESSAGE_ID, SENT_AT, ERROR) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Customer cu : customers) {
                String status = cu.emailKey() == null || !cu.consent() ? "SKIPPED" : random.nextInt(100) < 2 ? "BOUNCED" : "SENT";
                ps.setLong(1, campaign);
                ps.setLong(2, cu.id());
                ps.setString(3, cu.emailKey());
                ps.setString(4, SearchKeys.hasHan(cu.name()) ? "zh" : "en");
                ps.setString(5, status);
                ps.setString(6, cu.emailKey() == null ? "NO_EMAIL" : !cu.consent() ? "NO_CONSENT" : null);
                ps.setInt(7, status.equals("SKIPPED") ? 0 : 1);
                ps.setString(8, status.equals("SENT") ? "<demo." + cu.id() + "@guanxi.example>" : null);
                ps.setTimestamp(9, status.equals("SENT") ? Timestamp.valueOf(sentAt.plusSeconds(n++)) : null);
                ps.setString(10, status.equals("BOUNCED") ? "550 5.1.1 <" + cu.emailKey() + ">: Recipient address rejected" : null);
                ps.addBatch();
                if (status.equals("BOUNCED")) {
                    suppress(c, cu.emailKey(), "BOUNCED", campaign);
                    response(c, campaign, cu.id(), "BOUNCED", null);
                } else if (status.equals("SENT")) {
                    delivered.add(new long[] { cu.id() });
                }
            }
            ps.executeBatch();
        }
        // answers: a few opt-outs, replies and enquiries; three leads and two deals came from it
        for (int i = 0; i < delivered.size(); i++) {
            long customer = delivered.get(i)[0];
            int roll = random.nextInt(100);
            if (roll < 2) {
                try (PreparedStatement ps = c.prepareStatement("SELECT EMAIL_KEY FROM CUSTOMER WHERE ID = ?")) {
                    ps.setLong(1, customer);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        suppress(c, rs.getString(1), "UNSUBSCRIBED", campaign);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE CUSTOMER SET CONSENT_EMAIL = FALSE WHERE ID = ?")) {
                    ps.setLong(1, customer);
                    ps.executeUpdate();
                }
                ConsentLedger.record(c, customer, Map.of(Consent.EMAIL, true), Map.of(Consent.EMAIL, false),
                        ConsentSource.UNSUBSCRIBE, null, "campaign " + campaign);
                response(c, campaign, customer, "UNSUBSCRIBED", null);
            } else if (roll < 8) {
                response(c, campaign, customer, roll < 5 ? "REPLIED" : "ENQUIRY", roll < 5 ? "感谢，已转给采购部" : "询问 200 盒以上的价格");
            }
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE SALES_LEAD SET CAMPAIGN_ID = " + campaign + " WHERE ID IN (SELECT ID FROM SALES_LEAD "
                    + "WHERE SOURCE = 'CAMPAIGN' ORDER BY ID FETCH FIRST 3 ROWS ONLY)");
            st.executeUpdate("UPDATE OPPORTUNITY SET CAMPAIGN_ID = " + campaign + " WHERE ID IN (SELECT ID FROM OPPORTUNITY "
                    + "WHERE STAGE = 'WON' ORDER BY ID FETCH FIRST 1 ROWS ONLY) OR ID IN (SELECT ID FROM OPPORTUNITY "
                    + "WHERE STAGE = 'PROPOSAL' ORDER BY ID FETCH FIRST 1 ROWS ONLY)");
            st.executeUpdate("INSERT INTO CAMPAIGN_RESPONSE (CAMPAIGN_ID, CUSTOMER_ID, KIND, LEAD_ID, NOTES, RESPONDED_AT, "
                    + "USER_LOGIN) SELECT " + campaign + ", CUSTOMER_ID, 'LEAD', ID, '回复邮件索取样品', " + SqlClock.now() + ", 'demo' "
                    + "FROM SALES_LEAD WHERE CAMPAIGN_ID = " + campaign);
            st.executeUpdate("INSERT INTO CAMPAIGN_RESPONSE (CAMPAIGN_ID, CUSTOMER_ID, KIND, OPPORTUNITY_ID, NOTES, RESPONDED_AT, "
                    + "USER_LOGIN) SELECT " + campaign + ", CUSTOMER_ID, 'OPPORTUNITY', ID, '礼盒团购', " + SqlClock.now() + ", 'demo' "
                    + "FROM OPPORTUNITY WHERE CAMPAIGN_ID = " + campaign);
        }
    }

    private static void suppress(Connection c, String emailKey, String reason, long campaign) throws SQLException {
        if (DemoOrders.count(c, "SELECT COUNT(*) FROM EMAIL_SUPPRESSION WHERE EMAIL_KEY = '" + emailKey.replace("'", "''") + "'") > 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO EMAIL_SUPPRESSION (EMAIL_KEY, REASON, CAMPAIGN_ID, "
                + "SUPPRESSED_AT, USER_LOGIN) VALUES (?, ?, ?, " + SqlClock.now() + ", 'demo')")) {
            ps.setString(1, emailKey);
            ps.setString(2, reason);
            ps.setLong(3, campaign);
            ps.executeUpdate();
        }
    }

    private static void response(Connection c, long campaign, long customer, String kind, String notes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CAMPAIGN_RESPONSE (CAMPAIGN_ID, CUSTOMER_ID, KIND, NOTES, "
                + "RESPONDED_AT, USER_LOGIN) VALUES (?, ?, ?, ?, " + SqlClock.now() + ", 'demo')")) {
            ps.setLong(1, campaign);
            ps.setLong(2, customer);
            ps.setString(3, kind);
            ps.setString(4, notes);
            ps.executeUpdate();
        }
    }
}
