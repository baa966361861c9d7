package org.guanxi.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.persistence.IdBlock;

/**
 * Demo activities around the current week: calls, visits, meetings and tasks on open deals, the past ones mostly done
 * with an outcome, the coming ones planned (some with a reminder a day ahead). Half belong to the user the demo is
 * generated for, so that "My calendar" is not empty on first start.
 */
final class DemoActivities {

    private static final String[][] KINDS = {
        { "CALL", "电话跟进报价", "客户确认预算，下周再议" },
        { "CALL", "确认需求细节", "需求已记录，准备方案" },
        { "VISIT", "上门拜访采购部", "见到采购经理，约定演示" },
        { "VISIT", "产品现场演示", "客户认可方案，要求报价" },
        { "MEETING", "商务谈判", "价格让步 3%，等待审批" },
        { "MEETING", "方案评审会", "技术部提出两项修改" },
        { "TASK", "准备报价单", "已发出" },
        { "TASK", "寄送样品", "快递已签收" },
    };
    private static final int[] LENGTHS = { 15, 30, 60, 90 };

    private DemoActivities() {
    }

    static void insert(Connection c, IdBlock ids, Random random, String user) throws SQLException {
        List<long[]> deals = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, CUSTOMER_ID, OWNER_LOGIN FROM OPPORTUNITY "
                + "WHERE STAGE NOT IN ('WON', 'LOST') ORDER BY ID FETCH FIRST 40 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                deals.add(new long[] { rs.getLong(1), rs.getLong(2) });
                owners.add(rs.getString(3));
            }
        }
        LocalDate monday = AppClock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate today = AppClock.today();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ACTIVITY (ID, VERSION, KIND, SUBJECT, STARTS_AT, ENDS_AT, "
                + "ALL_DAY, LOCATION, CUSTOMER_ID, OPPORTUNITY_ID, OWNER_LOGIN, PARTICIPANTS, STATUS, OUTCOME, REMIND_AT, "
                + "CREATED_AT, UPDATED_AT) VALUES (?, 1, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, " + SqlClock.now() + ", " + SqlClock.now() + ")")) {
            for (int i = 0; i < deals.size() * 2; i++) {
                long[] deal = deals.get(i % deals.size());
                String[] kind = KINDS[random.nextInt(KINDS.length)];
                // weekdays from last week to three weeks ahead, 9:00 to 17:00 on the half hour
                LocalDate day = monday.minusWeeks(1).plusWeeks(random.nextInt(4)).plusDays(random.nextInt(5));
                LocalDateTime start = day.atTime(9 + random.nextInt(8), random.nextBoolean() ? 0 : 30);
                boolean task = kind[0].equals("TASK");
                boolean past = day.isBefore(today);
                // a reminder a day ahead, only where it cannot come due while the demo is being looked at
                String owner = i % 2 == 0 && user != null ? user : owners.get(i % deals.size());
                ps.setLong(1, ids.next());
                ps.setString(2, kind[0]);
                ps.setString(3, kind[1]);
                ps.setTimestamp(4, Timestamp.valueOf(start));
                ps.setTimestamp(5, task ? null : Timestamp.valueOf(start.plusMinutes(LENGTHS[random.nextInt(LENGTHS.length)])));
                ps.setString(6, kind[0].equals("VISIT") ? "客户现场" : kind[0].equals("MEETING") ? "公司三楼会议室" : null);
                ps.setLong(7, deal[1]);
                ps.setLong(8, deal[0]);
                ps.setString(9, owner);
                ps.setString(10, kind[0].equals("MEETING") ? Names.OWNERS[random.nextInt(Names.OWNERS.length)] : null);
                // most past activities were done; a few were forgotten and show as overdue
                boolean done = past && random.nextInt(5) > 0;
                ps.setString(11, done ? "DONE" : "PLANNED");
                ps.setString(12, done ? kind[2] : null);
                ps.setTimestamp(13, day.isAfter(today.plusDays(1)) && random.nextBoolean() ? Timestamp.valueOf(start.minusDays(1)) : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
