package org.guanxi.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Tier;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.ServiceLevelService.Deadlines;
import org.guanxi.core.service.ServiceLevelService.ServiceLevel;
import org.guanxi.core.service.WorkingCalendar;

/**
 * Demo service data: queue members and a supervisor, knowledge-base articles, and two months of service requests and
 * complaints with their timelines — most closed (complaints with root cause, compensation, the customer's answer and
 * a follow-up score), some still open and some of those overdue, so that the agent desk, the escalation and the
 * complaint analysis have something to show on first start. Deadlines come from the real service levels.
 */
final class DemoService {

    static final String SUPERVISOR = "chenjing";
    private static final String[] AGENTS = { "zhangwei", "liuyang", "wangfang" };
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** phase, queue, priority, subject, description, answer. */
    private static final String[][] REQUESTS = {
        { "PRE_SALE", "PRESALES", "NORMAL", "咨询企业团购价格", "客户计划采购 50 台办公电脑，询问阶梯价格和账期。", "已发送团购报价：50 台以上九五折，账期 30 天。" },
        { "PRE_SALE", "PRESALES", "LOW", "能否开具增值税专用发票", "客户是一般纳税人，需要专票抵扣。", "可以开具专票，下单时填写开票信息即可。" },
        { "PRE_SALE", "PRESALES", "NORMAL", "两款空调型号有何区别", "客户在 KFR-35 和 KFR-50 之间犹豫，房间 25 平方米。", "25 平方米选 KFR-35 即可，已发送对比表。" },
        { "IN_SALE", "ORDERS", "HIGH", "订单何时发货", "下单三天仍显示待发货，客户着急使用。", "仓库今日已发出，运单号已短信告知客户。" },
        { "IN_SALE", "ORDERS", "NORMAL", "修改收货地址", "客户搬家，需要把收货地址改到新办公室。", "已在发货前修改收货地址。" },
        { "IN_SALE", "ORDERS", "NORMAL", "申请分批交货", "客户仓库容量有限，希望分两批送货。", "已拆分为两次发货，第二批下周一送达。" },
        { "AFTER_SALE", "TECHNICAL", "HIGH", "空调不制冷", "安装三天后空调不制冷，室外机风扇不转。", "师傅上门更换启动电容，制冷恢复正常。" },
        { "AFTER_SALE", "TECHNICAL", "NORMAL", "打印机频繁卡纸", "激光打印机每打印十几页就卡纸一次。", "远程指导清洁搓纸轮，并寄送新搓纸轮。" },
        { "AFTER_SALE", "TECHNICAL", "NORMAL", "预约上门安装", "客户购买的热水器需要安装。", "已预约周六上午上门安装。" },
        { "AFTER_SALE", "BILLING", "NORMAL", "退款多久到账", "客户退货已寄回，询问退款进度。", "退款已审核，原路退回，1–3 个工作日到账。" },
        { "AFTER_SALE", "BILLING", "LOW", "发票抬头开错需要重开", "发票抬头少写了“有限公司”。", "已作废原发票并重开，电子发票已发送邮箱。" },
        { "AFTER_SALE", "GENERAL", "LOW", "如何查询会员积分", "客户不知道在哪里查看积分余额。", "积分可在会员中心或拨打热线查询，已告知当前余额。" },
        { "AFTER_SALE", "GENERAL", "LOW", "修改联系电话", "客户换了手机号码。", "已更新客户资料中的手机号码。" },
        { "AFTER_SALE", "TECHNICAL", "URGENT", "服务器宕机无法启动", "机房服务器突然宕机，业务中断。", "工程师两小时内到场，更换电源模块后恢复。" },
    };

    /** category, severity, department, root cause, compensation, amount, subject, description, answer. */
    private static final String[][] COMPLAINTS = {
        { "DELIVERY", "MAJOR", "LOGISTICS", "LOGISTICS", "REFUND", "50", "冰箱送货晚了三天", "约好周一送货，周四才到，外包装破损。", "致歉并退还运费，已要求承运商整改。" },
        { "DELIVERY", "MINOR", "LOGISTICS", "LOGISTICS", "VOUCHER", "30", "快递员未送货上门", "快递员把货放在小区门口，没有电话通知。", "致歉并赠送 30 元代金券，已向快递公司投诉。" },
        { "DELIVERY", "MINOR", "LOGISTICS", "PROCESS", "APOLOGY", "", "送错了颜色", "订的是白色，收到的是灰色。", "已安排换货，上门取回灰色款。" },
        { "PRODUCT", "CRITICAL", "QUALITY", "PRODUCT_DEFECT", "REPLACEMENT", "", "新买冰箱不制冷", "使用一周冷藏室温度一直在 15 度以上。", "检测为压缩机故障，已整机换新。" },
        { "PRODUCT", "MAJOR", "PRODUCTION", "PRODUCT_DEFECT", "REPAIR", "", "洗衣机脱水时漏水", "脱水时底部漏水，地板被泡。", "更换排水管密封圈，并赔偿地板清洁费用。" },
        { "PRODUCT", "MAJOR", "QUALITY", "SUPPLIER", "REFUND", "299", "电源适配器发烫", "笔记本适配器使用半小时就烫手。", "该批次适配器供应商缺陷，全额退还配件款。" },
        { "SERVICE", "MAJOR", "CUSTOMER_SERVICE", "PROCESS", "POINTS", "500", "热线等待时间过长", "客户拨打热线等待 25 分钟无人接听。", "致歉并赠送 500 积分，已增加高峰时段坐席。" },
        { "SERVICE", "MINOR", "TECHNICAL", "PROCESS", "APOLOGY", "", "维修师傅未按预约时间上门", "约定上午上门，下午四点才到。", "致歉，已调整派工规则。" },
        { "STAFF_ATTITUDE", "MAJOR", "SALES", "STAFF_BEHAVIOUR", "VOUCHER", "100", "门店销售态度恶劣", "客户咨询时销售人员不耐烦，语气生硬。", "门店经理上门致歉，赠送 100 元代金券，涉事员工已培训。" },
        { "PRICE", "MINOR", "SALES", "PRICING_POLICY", "REFUND", "200", "购买一周后降价要求补差价", "客户上周购买的电视本周降价 200 元。", "按价保政策退还差价 200 元。" },
        { "PRICE", "MINOR", "FINANCE", "INFORMATION", "APOLOGY", "", "账单金额与报价不符", "账单比报价多出安装费，报价时未说明。", "解释安装费构成并致歉，报价单模板已补充说明。" },
        { "OTHER", "MINOR", "CUSTOMER_SERVICE", "CUSTOMER_MISUNDERSTANDING", "NONE", "", "对保修条款有误解", "客户认为人为损坏也在保修范围内。", "逐条解释保修条款，客户表示理解。" },
    };

    /** title, body, tags. */
    private static final String[][] ARTICLES = {
        { "退款多久到账？", "退款审核通过后原路退回：微信、支付宝 1–3 个工作日到账，银行卡 3–7 个工作日到账。超过 7 个工作日未到账，请提供订单号联系客服核查。", "退款,到账,退货,refund" },
        { "如何申请增值税专用发票", "下单时在“发票信息”中选择“增值税专用发票”，填写公司名称、税号、注册地址、电话、开户行及账号。已下单的订单可在订单详情页申请补开，专票将在 5 个工作日内寄出。", "发票,专票,税号,invoice" },
        { "发票抬头或税号开错怎么办", "电子发票开错可在 30 天内申请作废重开；纸质专票需寄回原票。请在订单详情页选择“发票重开”，填写正确信息。", "发票,重开,抬头,税号" },
        { "空调不制冷的常见原因", "1. 遥控器是否设为制冷模式、温度是否低于室温；2. 滤网是否堵塞，建议每月清洗；3. 室外机风扇不转多为启动电容故障，需预约上门维修；4. 新装机不制冷可能缺氟，保修期内免费处理。", "空调,制冷,维修,电容" },
        { "打印机卡纸处理方法", "关机后打开前盖，顺着出纸方向轻轻取出卡纸；检查搓纸轮是否积尘，用湿布擦拭；纸张受潮或太薄也会卡纸，建议使用 70–80 克纸。频繁卡纸请预约检修。", "打印机,卡纸,搓纸轮" },
        { "产品保修政策", "整机保修一年，空调压缩机、冰箱压缩机保修六年。人为损坏、私自拆修、进水不在保修范围内。保修期内凭发票或电子订单免费维修。", "保修,三包,warranty" },
        { "送货与安装时间", "市区订单付款后 48 小时内送达，郊区 72 小时内。大家电送货时可同时预约安装，安装师傅会提前一天电话确认时间。", "送货,安装,配送,预约" },
        { "价格保护政策（价保）", "购买后 7 天内同一商品降价，可申请退还差价。请在订单详情页点击“申请价保”，差价以原支付方式退回。促销秒杀商品不参加价保。", "价保,降价,差价,补偿" },
        { "会员积分规则", "每消费 1 元积 1 分，贵宾客户 1.5 倍。积分可抵现（100 分抵 1 元）或兑换礼品，有效期至次年年底。积分可在会员中心或拨打热线查询。", "积分,会员,兑换,points" },
        { "修改收货地址", "订单发货前可在订单详情页修改收货地址；已发货的订单请联系客服，由我们联系承运商改派，可能产生改派费用。", "地址,修改,发货" },
        { "How to return a product", "Products can be returned within 7 days of delivery if unused and in their original packaging. Start the return on the order page; a courier collects the parcel and the refund follows within 1-7 working days.", "return,refund,退货" },
        { "服务器硬件故障应急流程", "确认故障现象并记录告警信息；企业客户 7×24 小时热线报修，工程师 2 小时内响应、4 小时内到场；备件库提供常用电源、硬盘、内存模块。", "服务器,宕机,应急,故障" },
    };

    private DemoService() {
    }

    /** Inserts the demo's service data for customers of {@code sample}; needs the service levels to set deadlines. */
    static void insert(Connection c, IdBlock ids, Random random, List<Long> sample, String user, ServiceLevelService levels,
            WorkingCalendar calendar) throws SQLException {
        if (sample.isEmpty()) {
            return;
        }
        members(c, user);
        articles(c, ids);
        responses(c, random, sample);
        Instant now = AppClock.now();
        try (Inserts in = new Inserts(c, levels, calendar)) {
            for (int i = 0; i < 90; i++) {
                String[] r = REQUESTS[random.nextInt(REQUESTS.length)];
                long customer = sample.get(random.nextInt(sample.size()));
                Tier tier = tierOf(c, customer);
                String queue = tier == Tier.VIP && !"PRESALES".equals(r[1]) ? "VIP" : r[1];
                Instant opened = openedAt(random, now);
                in.insert(ids, random, now, new Draft(customer, tier, "REQUEST", r[0], CasePriority.valueOf(r[2]), queue,
                        channel(random), r[3], r[4], r[5], opened), null, user);
            }
            for (int i = 0; i < 45; i++) {
                String[] k = COMPLAINTS[random.nextInt(COMPLAINTS.length)];
                long customer = sample.get(random.nextInt(sample.size()));
                CasePriority priority = switch (k[1]) {
                    case "CRITICAL" -> CasePriority.URGENT;
                    case "MAJOR" -> CasePriority.HIGH;
                    default -> CasePriority.NORMAL;
                };
                in.insert(ids, random, now, new Draft(customer, tierOf(c, customer), "COMPLAINT", "AFTER_SALE", priority,
                        "COMPLAINTS", channel(random), k[6], k[7], k[8], openedAt(random, now)), k, user);
            }
        }
        DemoCalls.insert(c, random, sample, AGENTS, user);
        wallets(c, random, sample);
    }

    /**
     * The yearly category spend of a third of the sample, as account managers would have noted it: our last 12 months'
     * revenue over a share between 15 % and 90 %, rounded to thousands.
     */
    private static void wallets(Connection c, Random random, List<Long> sample) throws SQLException {
        try (PreparedStatement revenue = c.prepareStatement("SELECT COALESCE(SUM(TOTAL), 0) FROM SALES_ORDER WHERE CUSTOMER_ID = ? "
                + "AND STATUS IN ('CONFIRMED', 'DELIVERED', 'INVOICED') AND ORDER_DATE > ?");
                PreparedStatement set = c.prepareStatement("UPDATE CUSTOMER SET CATEGORY_SPEND = ? WHERE ID = ?")) {
            revenue.setDate(2, java.sql.Date.valueOf(AppClock.today().minusYears(1)));
            for (long customer : sample) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                revenue.setLong(1, customer);
                double ours;
                try (ResultSet rs = revenue.executeQuery()) {
                    rs.next();
                    ours = rs.getDouble(1);
                }
                if (ours <= 0) {
                    continue;
                }
                double share = 0.15 + 0.75 * random.nextDouble();
                set.setBigDecimal(1, java.math.BigDecimal.valueOf(Math.max(1000, Math.round(ours / share / 1000) * 1000)));
                set.setLong(2, customer);
                set.addBatch();
            }
            set.executeBatch();
        }
    }

    /**
     * A year of answers to the standard survey: a latent satisfaction per respondent, higher for higher tiers and
     * rising a little month by month, with noise per question; half asked in calls, the rest by e-mail link or import.
     */
    private static void responses(Connection c, Random random, List<Long> sample) throws SQLException {
        List<long[]> questions = new ArrayList<>();
        long survey = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT q.ID, q.SCALE_MIN, q.SCALE_MAX, q.SURVEY_ID FROM SURVEY_QUESTION q "
                + "JOIN SURVEY s ON s.ID = q.SURVEY_ID WHERE s.CODE = 'CSI' ORDER BY q.SEQ"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                questions.add(new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
                survey = rs.getLong(4);
            }
        }
        List<Long> products = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM PRODUCT ORDER BY ID FETCH FIRST 12 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                products.add(rs.getLong(1));
            }
        }
        if (questions.isEmpty()) {
            return;
        }
        String[] sources = { "CALL", "CALL", "EMAIL", "EMAIL", "IMPORT" };
        String[] comments = { "送货很快", "安装师傅很专业", "客服回复慢", "价格偏高", "质量不错", null, null, null };
        LocalDate today = AppClock.today();
        try (PreparedStatement response = c.prepareStatement("INSERT INTO SURVEY_RESPONSE (SURVEY_ID, CUSTOMER_ID, PRODUCT_ID, "
                + "SOURCE, RESPONDED_AT, AGENT, COMMENT_TEXT) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement answer = c.prepareStatement("INSERT INTO SURVEY_ANSWER (RESPONSE_ID, QUESTION_ID, SCORE) VALUES (?, ?, ?)")) {
            for (int i = 0; i < 360; i++) {
                long customer = sample.get(random.nextInt(sample.size()));
                int monthsAgo = random.nextInt(12);
                double latent = 7.0 + switch (tierOf(c, customer)) {
                    case VIP -> 1.0;
                    case MAJOR -> 0.5;
                    case ORDINARY -> 0;
                    case SMALL -> -0.4;
                } + 0.08 * (11 - monthsAgo) + random.nextGaussian() * 1.3;
                String source = sources[random.nextInt(sources.length)];
                LocalDate day = today.minusMonths(monthsAgo).minusDays(random.nextInt(28));
                response.setLong(1, survey);
                response.setLong(2, customer);
                response.setObject(3, random.nextInt(3) == 0 ? null : products.get(random.nextInt(products.size())));
                response.setString(4, source);
                response.setTimestamp(5, Timestamp.from(day.atTime(10 + random.nextInt(7), random.nextInt(60)).atZone(BEIJING).toInstant()));
                response.setString(6, "CALL".equals(source) ? AGENTS[random.nextInt(AGENTS.length)] : null);
                response.setString(7, comments[random.nextInt(comments.length)]);
                response.executeUpdate();
                long id;
                try (ResultSet keys = response.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                for (long[] q : questions) {
                    // one question in fifteen is skipped, as real respondents do
                    if (random.nextInt(15) == 0) {
                        continue;
                    }
                    long score = Math.round(latent + random.nextGaussian() * 0.8);
                    answer.setLong(1, id);
                    answer.setLong(2, q[0]);
                    answer.setLong(3, Math.max(q[1], Math.min(q[2], score)));
                    answer.addBatch();
                }
                answer.executeBatch();
            }
        }
    }

    private record Draft(long customer, Tier tier, String kind, String phase, CasePriority priority, String queue,
            String channel, String subject, String description, String answer, Instant opened) {
    }

    private static String channel(Random random) {
        String[] channels = { "PHONE", "PHONE", "PHONE", "WECHAT", "EMAIL", "WEB", "VISIT" };
        return channels[random.nextInt(channels.length)];
    }

    /** Within the last 60 days, in office hours; a quarter within the last four days, so that some are still open. */
    private static Instant openedAt(Random random, Instant now) {
        int daysAgo = random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(60);
        LocalDate day = AppClock.today().minusDays(daysAgo);
        Instant t = day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(BEIJING).toInstant();
        return t.isAfter(now) ? now.minus(Duration.ofMinutes(20 + random.nextInt(120))) : t;
    }

    private static Tier tierOf(Connection c, long customer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT TIER FROM CUSTOMER_VALUE WHERE CUSTOMER_ID = ? "
                + "ORDER BY RUN_ID DESC FETCH FIRST 1 ROW ONLY")) {
            ps.setLong(1, customer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Tier.valueOf(rs.getString(1)) : Tier.ORDINARY;
            }
        }
    }

    private static void members(Connection c, String user) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM SERVICE_QUEUE_MEMBER")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        try (PreparedStatement sup = c.prepareStatement("UPDATE SERVICE_QUEUE SET SUPERVISOR = ?");
                PreparedStatement ps = c.prepareStatement("INSERT INTO SERVICE_QUEUE_MEMBER (QUEUE_CODE, LOGIN) VALUES (?, ?)")) {
            sup.setString(1, SUPERVISOR);
            sup.executeUpdate();
            List<String> queues = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CODE FROM SERVICE_QUEUE")) {
                while (rs.next()) {
                    queues.add(rs.getString(1));
                }
            }
            for (int q = 0; q < queues.size(); q++) {
                List<String> logins = new ArrayList<>(List.of(AGENTS[q % AGENTS.length], AGENTS[(q + 1) % AGENTS.length]));
                if (user != null && !logins.contains(user)) {
                    logins.add(user);
                }
                for (String login : logins) {
                    ps.setString(1, queues.get(q));
                    ps.setString(2, login);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void articles(Connection c, IdBlock ids) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM KB_ARTICLE")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO KB_ARTICLE (ID, VERSION, TITLE, BODY, TAGS, USES, AUTHOR, "
                + "CREATED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, ?, ?, ?, " + SqlClock.now() + ", " + SqlClock.now() + ")")) {
            for (int i = 0; i < ARTICLES.length; i++) {
                ps.setLong(1, ids.next());
                ps.setString(2, ARTICLES[i][0]);
                ps.setString(3, ARTICLES[i][1]);
                ps.setString(4, ARTICLES[i][2]);
                ps.setInt(5, (ARTICLES.length - i) * 3);
                ps.setString(6, SUPERVISOR);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The statements of one case: the case, its complaint row and its timeline. */
    private static final class Inserts implements AutoCloseable {

        private final ServiceLevelService levels;
        private final WorkingCalendar calendar;
        private final PreparedStatement number;
        private final PreparedStatement caseRow;
        private final PreparedStatement complaint;
        private final PreparedStatement note;

        Inserts(Connection c, ServiceLevelService levels, WorkingCalendar calendar) throws SQLException {
            this.levels = levels;
            this.calendar = calendar;
            number = c.prepareStatement(SqlDialect.of(c).nextValue("CASE_NO_SEQ"));
            caseRow = c.prepareStatement("INSERT INTO SERVICE_CASE (ID, VERSION, CASE_NO, CUSTOMER_ID, KIND, PHASE, PRIORITY, "
                    + "CHANNEL, QUEUE_CODE, ASSIGNEE, STATUS, SUBJECT, DESCRIPTION, ANSWER, TIER, OPENED_AT, FIRST_RESPONSE_DUE, "
                    + "RESOLUTION_DUE, FIRST_RESPONSE_AT, RESOLVED_AT, CLOSED_AT, ESCALATION_LEVEL, ESCALATED_AT, CREATED_BY, "
                    + "CREATED_AT, UPDATED_AT, ACTIVE, NEXT_DUE) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?)");
            complaint = c.prepareStatement("INSERT INTO COMPLAINT (CASE_ID, VERSION, CATEGORY, SEVERITY, DEPARTMENT, ROOT_CAUSE, "
                    + "COMPENSATION, COMPENSATION_AMOUNT, VERDICT, VERDICT_COMMENT, CONFIRMED_AT, CLOSE_REASON, FOLLOW_UP_SCORE, "
                    + "REOPENED) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            note = c.prepareStatement("INSERT INTO CASE_NOTE (ID, VERSION, CASE_ID, KIND, AUTHOR, BODY, CREATED_AT) "
                    + "VALUES (?, 1, ?, ?, ?, ?, ?)");
        }

        /**
         * One case: answered within its first-response time four times in five, resolved within its deadline three
         * times in four; those opened more than three days ago are finished, the rest are still being worked.
         */
        void insert(IdBlock ids, Random random, Instant now, Draft d, String[] k, String user)
                throws SQLException {
            ServiceLevel level = levels.level(d.tier(), d.priority());
            Deadlines due = levels.deadlines(d.tier(), d.priority(), d.opened());
            long id = ids.next();
            String assignee = user != null && random.nextInt(3) == 0 ? user : AGENTS[random.nextInt(AGENTS.length)];
            boolean finished = d.opened().isBefore(now.minus(Duration.ofDays(3))) || random.nextInt(5) == 0;
            Instant answered = working(d.opened(), level.firstResponse(), random.nextInt(5) == 0 ? 1.6 : 0.2 + random.nextDouble() * 0.7);
            Instant resolved = working(d.opened(), level.resolution(), random.nextInt(4) == 0 ? 1.5 : 0.3 + random.nextDouble() * 0.6);
            if (!finished && answered.isAfter(now)) {
                answered = null;
            }
            if (finished && resolved.isAfter(now)) {
                resolved = now.minus(Duration.ofMinutes(5));
            }
            boolean closed = finished && (k == null ? random.nextInt(5) > 0 : random.nextInt(6) > 0);
            String status = !finished ? (answered == null ? "OPEN" : random.nextInt(4) == 0 ? "WAITING_CUSTOMER" : "IN_PROGRESS")
                    : closed ? "CLOSED" : "RESOLVED";
            Instant closedAt = closed ? resolved.plus(Duration.ofHours(2 + random.nextInt(30))) : null;
            if (closedAt != null && closedAt.isAfter(now)) {
                closedAt = now;
            }
            int escalation = finished && resolved.isAfter(due.resolutionDue()) ? 2
                    : answered != null && answered.isAfter(due.firstResponseDue()) ? 1 : 0;
            ResultSet rs = number.executeQuery();
            rs.next();
            String caseNo = String.format("CS%07d", rs.getLong(1));
            rs.close();
            int p = 1;
            caseRow.setLong(p++, id);
            caseRow.setString(p++, caseNo);
            caseRow.setLong(p++, d.customer());
            caseRow.setString(p++, d.kind());
            caseRow.setString(p++, d.phase());
            caseRow.setString(p++, d.priority().name());
            caseRow.setString(p++, d.channel());
            caseRow.setString(p++, d.queue());
            caseRow.setString(p++, assignee);
            caseRow.setString(p++, status);
            caseRow.setString(p++, d.subject());
            caseRow.setString(p++, d.description());
            caseRow.setString(p++, finished ? d.answer() : null);
            caseRow.setString(p++, d.tier().name());
            caseRow.setTimestamp(p++, ts(d.opened()));
            caseRow.setTimestamp(p++, ts(due.firstResponseDue()));
            caseRow.setTimestamp(p++, ts(due.resolutionDue()));
            caseRow.setTimestamp(p++, ts(answered));
            caseRow.setTimestamp(p++, ts(finished ? resolved : null));
            caseRow.setTimestamp(p++, ts(closedAt));
            caseRow.setInt(p++, escalation);
            caseRow.setTimestamp(p++, escalation == 0 ? null : ts(escalation == 2 ? due.resolutionDue() : due.firstResponseDue()));
            caseRow.setString(p++, assignee);
            caseRow.setTimestamp(p++, ts(d.opened()));
            caseRow.setTimestamp(p++, ts(closedAt != null ? closedAt : finished ? resolved : d.opened()));
            caseRow.setBoolean(p++, !finished);
            caseRow.setTimestamp(p++, ts(answered == null ? due.firstResponseDue() : due.resolutionDue()));
            caseRow.executeUpdate();

            note(ids, id, "ASSIGNED", "system", assignee, d.opened());
            if (answered != null) {
                note(ids, id, "REPLY", assignee, finished ? "您好，已收到您的问题，正在为您处理。" : "您好，已收到，我们正在处理，稍后回复您。", answered);
            }
            if ("WAITING_CUSTOMER".equals(status)) {
                note(ids, id, "STATUS", assignee, "WAITING_CUSTOMER\n等待客户补充信息", answered.plusSeconds(600));
            }
            if (finished) {
                note(ids, id, "REPLY", assignee, d.answer(), resolved);
                note(ids, id, "STATUS", assignee, "RESOLVED", resolved);
            }
            if (k != null) {
                complaint(random, id, k, finished, closedAt);
            }
            if (closedAt != null) {
                note(ids, id, "STATUS", assignee, "CLOSED", closedAt);
            }
        }

        private void complaint(Random random, long id, String[] k, boolean resolved, Instant closedAt) throws SQLException {
            int roll = random.nextInt(20);
            // the customer's answer on closure: satisfied, partly, or not reachable (then the reason)
            String verdict = closedAt == null ? null : roll < 12 ? "SATISFIED" : roll < 17 ? "PARTLY_SATISFIED" : roll < 19 ? null : "SATISFIED";
            Integer score = closedAt == null || verdict == null ? null
                    : "SATISFIED".equals(verdict) ? 4 + random.nextInt(2) : 2 + random.nextInt(2);
            int p = 1;
            complaint.setLong(p++, id);
            complaint.setString(p++, k[0]);
            complaint.setString(p++, k[1]);
            complaint.setString(p++, k[2]);
            complaint.setString(p++, resolved ? k[3] : null);
            complaint.setString(p++, resolved ? k[4] : "NONE");
            complaint.setBigDecimal(p++, resolved && !k[5].isEmpty() ? new BigDecimal(k[5]) : null);
            complaint.setString(p++, verdict);
            complaint.setString(p++, verdict == null ? null : "SATISFIED".equals(verdict) ? "处理及时，谢谢" : "基本解决，但等了比较久");
            complaint.setTimestamp(p++, ts(verdict == null ? null : closedAt));
            complaint.setString(p++, closedAt != null && verdict == null ? "三次致电未接通，已短信告知处理结果" : null);
            if (score == null) {
                complaint.setNull(p++, java.sql.Types.SMALLINT);
            } else {
                complaint.setInt(p++, score);
            }
            complaint.setInt(p++, roll == 19 && closedAt != null ? 1 : 0);
            complaint.executeUpdate();
        }

        private void note(IdBlock ids, long caseId, String kind, String author, String body, Instant at) throws SQLException {
            note.setLong(1, ids.next());
            note.setLong(2, caseId);
            note.setString(3, kind);
            note.setString(4, author);
            note.setString(5, body);
            note.setTimestamp(6, ts(at));
            note.executeUpdate();
        }

        /** {@code share} of a working-time allowance after {@code from}, on the working calendar. */
        private Instant working(Instant from, Duration allowance, double share) {
            return calendar.plus(from, Duration.ofSeconds((long) (allowance.toSeconds() * share)));
        }

        private static Timestamp ts(Instant t) {
            return t == null ? null : Timestamp.from(t);
        }

        @Override
        public void close() throws SQLException {
            number.close();
            caseRow.close();
            complaint.close();
            note.close();
        }
    }
}
