package org.guanxi.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.guanxi.core.AppClock;

/**
 * Two months of the call centre: inbound calls on working days routed by the seeded IVR menu, each agent with their
 * own first-call resolution, callers who ring again within a week, dropped lines and unknown numbers; and a
 * satisfaction call list for the Shanghai segment, partly worked through.
 */
final class DemoCalls {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Keys callers press in the seeded IVR menu, and the queue each path leads to. */
    private static final String[][] ROUTES = { { "1", "PRESALES" }, { "21", "ORDERS" }, { "21", "ORDERS" }, { "22", "ORDERS" },
        { "23", "BILLING" }, { "3", "TECHNICAL" }, { "3", "TECHNICAL" }, { "4", "COMPLAINTS" }, { "9", "VIP" }, { "0", "GENERAL" } };
    private static final String[] NOTES = { "查询物流进度，已告知预计送达时间", "咨询产品规格，已发送资料", "发票抬头更正",
        "退款进度查询", "预约上门维修", "会员积分查询", "投诉配送延迟，已登记", null, null, null };

    private DemoCalls() {
    }

    static void insert(Connection c, Random random, List<Long> sample, String[] agents, String user) throws SQLException {
        List<String> team = new ArrayList<>(List.of(agents));
        if (user != null && !team.contains(user)) {
            team.add(user);
        }
        // each agent settles a different share of calls at once: the figures differ the way real teams do
        double[] settles = { 0.84, 0.72, 0.66, 0.78 };
        List<Long> callers = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, PHONE FROM CUSTOMER WHERE ID = ? AND PHONE IS NOT NULL")) {
            for (long id : sample.subList(0, Math.min(400, sample.size()))) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        callers.add(id);
                        phones.add(rs.getString(2));
                    }
                }
            }
        }
        if (callers.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CALL_LOG (DIRECTION, PHONE, CUSTOMER_ID, AGENT, QUEUE_CODE, "
                + "IVR_KEYS, STARTED_AT, ENDED_AT, DISPOSITION, RESOLVED, NOTE) VALUES ('IN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            LocalDate today = AppClock.today();
            for (LocalDate day = today.minusDays(60); day.isBefore(today); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                int count = 8 + random.nextInt(8);
                for (int i = 0; i < count; i++) {
                    int a = random.nextInt(team.size());
                    String[] route = ROUTES[random.nextInt(ROUTES.length)];
                    boolean known = random.nextInt(100) < 88;
                    int who = random.nextInt(callers.size());
                    Instant start = day.atTime(9, 0).atZone(BEIJING).toInstant().plusSeconds(random.nextInt(9 * 3600));
                    int roll = random.nextInt(100);
                    String disposition = roll < 4 ? "ABANDONED" : roll < 10 ? "CALLBACK" : "COMPLETED";
                    long seconds = "ABANDONED".equals(disposition) ? 5 + random.nextInt(40)
                            : 45 + (long) (-240 * Math.log(1 - random.nextDouble()));
                    ps.setString(1, known ? phones.get(who) : "021" + (50000000 + random.nextInt(49999999)));
                    if (known) {
                        ps.setLong(2, callers.get(who));
                    } else {
                        ps.setNull(2, Types.BIGINT);
                    }
                    ps.setString(3, team.get(a));
                    ps.setString(4, route[1]);
                    ps.setString(5, route[0]);
                    ps.setTimestamp(6, Timestamp.from(start));
                    ps.setTimestamp(7, Timestamp.from(start.plusSeconds(seconds)));
                    ps.setString(8, disposition);
                    ps.setBoolean(9, "COMPLETED".equals(disposition) && random.nextDouble() < settles[a % settles.length]);
                    ps.setString(10, NOTES[random.nextInt(NOTES.length)]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        callList(c, random, team);
    }

    /** The satisfaction call list of the Shanghai segment with the standard survey: 40 % done, some retried or called back. */
    private static void callList(Connection c, Random random, List<String> team) throws SQLException {
        Long segment = null;
        Long survey = null;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT ID FROM SEGMENT WHERE NAME = '上海客户'")) {
                segment = rs.next() ? rs.getLong(1) : null;
            }
            try (ResultSet rs = st.executeQuery("SELECT ID FROM SURVEY WHERE CODE = 'CSI'")) {
                survey = rs.next() ? rs.getLong(1) : null;
            }
        }
        if (segment == null) {
            return;
        }
        long list;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CALL_LIST (NAME, SEGMENT_ID, SURVEY_ID, SCRIPT, MAX_ATTEMPTS, "
                + "CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, 3, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "2026年11月满意度回访（上海）");
            ps.setLong(2, segment);
            if (survey == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, survey);
            }
            ps.setString(4, "{name}您好，我是客服中心的客服代表。想占用您两分钟时间，了解一下您对近期购买的产品和服务是否满意，"
                    + "请问现在方便吗？\n（方便：逐题朗读问卷并记录评分；不方便：约定回拨时间。）\n结束语：感谢您的支持，祝您生活愉快！");
            ps.setString(5, team.get(0));
            ps.setTimestamp(6, Timestamp.from(AppClock.now().minusSeconds(12 * 86400)));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                list = rs.getLong(1);
            }
        }
        List<Object[]> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, PHONE FROM CUSTOMER WHERE CITY = '上海' AND PHONE IS NOT NULL "
                + "AND CONSENT_PHONE = TRUE ORDER BY ID")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new Object[] { rs.getLong(1), rs.getString(2) });
                }
            }
        }
        Instant now = AppClock.now();
        try (PreparedStatement entry = c.prepareStatement("INSERT INTO CALL_LIST_ENTRY (LIST_ID, CUSTOMER_ID, PHONE, STATUS, "
                + "NEXT_AT, ATTEMPTS, LAST_DISPOSITION) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                PreparedStatement call = c.prepareStatement("INSERT INTO CALL_LOG (DIRECTION, PHONE, CUSTOMER_ID, AGENT, "
                        + "ENTRY_ID, STARTED_AT, ENDED_AT, DISPOSITION, RESOLVED) VALUES ('OUT', ?, ?, ?, ?, ?, ?, ?, FALSE)")) {
            for (int i = 0; i < members.size(); i++) {
                long customer = (Long) members.get(i)[0];
                String phone = (String) members.get(i)[1];
                double share = (double) i / members.size();
                String status = share < 0.40 ? "DONE" : share < 0.50 ? "PENDING" : share < 0.55 ? "CALLBACK" : "PENDING";
                int attempts = share < 0.55 ? 1 : 0;
                String last = share < 0.40 ? "COMPLETED" : share < 0.50 ? "NO_ANSWER" : share < 0.55 ? "CALLBACK" : null;
                Instant next = "CALLBACK".equals(status)
                        ? AppClock.today().plusDays(1).atTime(10, 0).atZone(AppClock.zone()).toInstant()
                        : now.minusSeconds(3600);
                entry.setLong(1, list);
                entry.setLong(2, customer);
                entry.setString(3, phone);
                entry.setString(4, status);
                entry.setTimestamp(5, Timestamp.from(next));
                entry.setInt(6, attempts);
                entry.setString(7, last);
                entry.executeUpdate();
                if (attempts == 0) {
                    continue;
                }
                long entryId;
                try (ResultSet rs = entry.getGeneratedKeys()) {
                    rs.next();
                    entryId = rs.getLong(1);
                }
                Instant start = now.minusSeconds(3600 + random.nextInt(10 * 86400));
                call.setString(1, phone);
                call.setLong(2, customer);
                call.setString(3, team.get(random.nextInt(team.size())));
                call.setLong(4, entryId);
                call.setTimestamp(5, Timestamp.from(start));
                call.setTimestamp(6, Timestamp.from(start.plusSeconds("NO_ANSWER".equals(last) ? 30 : 120 + random.nextInt(240))));
                call.setString(7, last);
                call.executeUpdate();
            }
        }
    }
}
