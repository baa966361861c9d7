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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.Criterion;
import org.guanxi.core.model.LeadSource;
import org.guanxi.core.model.ObjectionKind;
import org.guanxi.core.model.ObjectionMethod;
import org.guanxi.core.model.ObjectionOutcome;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.sales.api.LeadService.Score;
import org.guanxi.sales.LeadScoring;

/** Leads, deals and objections for the demo: enough to fill the lead list, the pipeline board and its funnel. */
final class DemoSales {

    private static final String[] DEALS = { "办公家具采购", "新办公室整体配置", "年度耗材框架协议", "会议室升级", "员工座椅更换",
            "分公司开业采购", "Office refit", "档案室改造", "前台接待区", "培训中心桌椅" };
    private static final String[] COMPETITORS = { "震旦", "圣奥", "Steelcase", "Herman Miller", "本地经销商" };
    private static final String[] WON = { "交期最短，价格合理", "样品试用满意", "老客户推荐" };
    private static final String[] LOST = { "价格高于竞争对手 12%", "预算冻结", "竞争对手已有框架协议" };
    private static final String[] OBJECTIONS = { "价格太高了", "现在不需要", "要和老板商量", "你们的售后跟不上", "没听说过你们公司",
            "明年再说", "质量不如进口品牌" };
    /** Shares (percent) of the deals per stage, the open ones first. */
    private static final int[] STAGE_SHARE = { 28, 20, 15, 12, 10, 10, 5 };

    private DemoSales() {
    }

    static void insert(Connection c, IdBlock ids, Names names, Random random, List<Long> customers) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(AppClock.now());
        try (PreparedStatement lead = c.prepareStatement("INSERT INTO SALES_LEAD (ID, VERSION, CODE, PERSON_NAME, COMPANY, NAME_KEY, "
                + "PINYIN_KEY, PHONE, PHONE_KEY, EMAIL, EMAIL_KEY, CITY, SOURCE, STATUS, OWNER_LOGIN, NEED, BUDGET, AUTHORITY, CREDIT, "
                + "FIT, SCORE, ESTIMATED_AMOUNT, CREATED_AT, UPDATED_AT) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement deal = c.prepareStatement("INSERT INTO OPPORTUNITY (ID, VERSION, CODE, NAME, CUSTOMER_ID, STAGE, "
                        + "AMOUNT, CURRENCY, EXPECTED_CLOSE, OWNER_LOGIN, COMPETITORS, CLOSE_REASON, CLOSED_ON, STAGE_CHANGED_AT, "
                        + "CREATED_AT, UPDATED_AT) VALUES (?, 0, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement objection = c.prepareStatement("INSERT INTO OBJECTION (ID, VERSION, CUSTOMER_ID, OPPORTUNITY_ID, KIND, "
                        + "STATEMENT, METHOD, OUTCOME, REP_LOGIN, RAISED_ON, CREATED_AT) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int leads = Math.min(80, 10 + customers.size() / 20);
            for (int i = 0; i < leads; i++) {
                String[] city = names.city();
                String[] person = names.person();
                String company = random.nextInt(100) < 70 ? names.company(city[0]) : null;
                String display = company != null ? company : person[0];
                String phone = names.mobile();
                String email = person[1] + "@" + (company != null ? "corp.example.cn" : names.domain());
                Map<Criterion, Integer> ratings = new EnumMap<>(Criterion.class);
                for (Criterion k : Criterion.values()) {
                    if (random.nextInt(100) < 85) {
                        ratings.put(k, random.nextInt(6));
                    }
                }
                Score score = LeadScoring.score(ratings, LeadScoring.DEFAULTS);
                lead.setLong(1, ids.next());
                lead.setString(2, code(c, "LEAD_NO_SEQ", "L"));
                lead.setString(3, person[0]);
                lead.setString(4, company);
                lead.setString(5, SearchKeys.nameKey(display));
                lead.setString(6, SearchKeys.pinyinKey(display));
                lead.setString(7, phone);
                lead.setString(8, SearchKeys.phoneKey(phone));
                lead.setString(9, email);
                lead.setString(10, SearchKeys.emailKey(email));
                lead.setString(11, city[0]);
                lead.setString(12, LeadSource.values()[random.nextInt(LeadSource.values().length)].name());
                lead.setString(13, random.nextInt(100) < 10 ? "DISQUALIFIED" : score.qualifies() ? "QUALIFIED" : "NEW");
                lead.setString(14, Names.OWNERS[random.nextInt(Names.OWNERS.length)]);
                int p = 15;
                for (Criterion k : Criterion.values()) {
                    lead.setObject(p++, ratings.get(k), java.sql.Types.SMALLINT);
                }
                lead.setInt(20, score.score());
                lead.setBigDecimal(21, BigDecimal.valueOf(5_000L * (1 + random.nextInt(60))));
                Timestamp created = Timestamp.from(AppClock.now().minusSeconds(3_600L * random.nextInt(24 * 60)));
                lead.setTimestamp(22, created);
                lead.setTimestamp(23, created);
                lead.addBatch();
            }
            lead.executeBatch();

            int deals = Math.min(160, customers.size());
            LocalDate today = AppClock.today();
            for (int i = 0; i < deals; i++) {
                long id = ids.next();
                long customer = customers.get(random.nextInt(customers.size()));
                SalesStage stage = stage(random);
                deal.setLong(1, id);
                deal.setString(2, code(c, "OPPORTUNITY_NO_SEQ", "OP"));
                deal.setString(3, DEALS[random.nextInt(DEALS.length)]);
                deal.setLong(4, customer);
                deal.setString(5, stage.name());
                deal.setBigDecimal(6, BigDecimal.valueOf(1_000L * (5 + random.nextInt(400))));
                String owner = Names.OWNERS[random.nextInt(Names.OWNERS.length)];
                LocalDate closedOn = stage.isClosed() ? today.minusDays(random.nextInt(90)) : null;
                deal.setDate(7, Date.valueOf(closedOn != null ? closedOn : today.plusDays(7 + random.nextInt(170))));
                deal.setString(8, owner);
                deal.setString(9, random.nextBoolean() ? COMPETITORS[random.nextInt(COMPETITORS.length)] : null);
                deal.setString(10, stage == SalesStage.WON ? WON[random.nextInt(WON.length)]
                        : stage == SalesStage.LOST ? LOST[random.nextInt(LOST.length)] : null);
                deal.setDate(11, closedOn == null ? null : Date.valueOf(closedOn));
                deal.setTimestamp(12, now);
                deal.setTimestamp(13, now);
                deal.setTimestamp(14, now);
                deal.addBatch();
                if (random.nextInt(100) < 30) {
                    ObjectionKind kind = ObjectionKind.values()[random.nextInt(ObjectionKind.values().length)];
                    objection.setLong(1, ids.next());
                    objection.setLong(2, customer);
                    objection.setLong(3, id);
                    objection.setString(4, kind.name());
                    objection.setString(5, OBJECTIONS[random.nextInt(OBJECTIONS.length)]);
                    objection.setString(6, ObjectionMethod.values()[random.nextInt(ObjectionMethod.values().length)].name());
                    objection.setString(7, ObjectionOutcome.values()[random.nextInt(ObjectionOutcome.values().length)].name());
                    objection.setString(8, owner);
                    objection.setDate(9, Date.valueOf(today.minusDays(random.nextInt(60))));
                    objection.setTimestamp(10, now);
                    objection.addBatch();
                }
            }
            deal.executeBatch();
            objection.executeBatch();
        }
    }

    private static SalesStage stage(Random random) {
        int r = random.nextInt(100);
        SalesStage[] order = { SalesStage.PROSPECTING, SalesStage.QUALIFICATION, SalesStage.NEEDS_ANALYSIS, SalesStage.PROPOSAL,
                SalesStage.NEGOTIATION, SalesStage.WON, SalesStage.LOST };
        for (int i = 0; i < order.length; i++) {
            r -= STAGE_SHARE[i];
            if (r < 0) {
                return order[i];
            }
        }
        return SalesStage.PROSPECTING;
    }

    static String code(Connection c, String sequence, String prefix) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlDialect.of(c).nextValue(sequence))) {
            rs.next();
            return String.format("%s%07d", prefix, rs.getLong(1));
        }
    }
}
