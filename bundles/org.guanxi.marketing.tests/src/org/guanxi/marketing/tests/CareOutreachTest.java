package org.guanxi.marketing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.SqlClock;
import org.guanxi.core.model.CareOccasion;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.SkipReason;
import org.guanxi.core.model.Tier;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.marketing.api.CareOutreach;
import org.guanxi.marketing.api.CareOutreach.Outreach;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.customer.care.CareServiceImpl;
import org.guanxi.customer.care.TaskServiceImpl;
import org.guanxi.marketing.CareOutreachImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Care execution on Derby with a real SMTP server: the care plan's birthday task carries its greeting in the
 * customer's language, goes out by e-mail and is done; an SMS lands in the outbox for the gateway; a closed channel is
 * refused and the task stays open.
 */
class CareOutreachTest {

    @TempDir
    Path dir;

    private MarketingFixture f;
    private OutboxRepository outbox;
    private CareOutreach outreach;

    @BeforeEach
    void setUp() throws Exception {
        f = MarketingFixture.open(dir);
        outbox = new OutboxRepository(f.db);
        outreach = new CareOutreachImpl(f.db, f.security, f.campaigns, outbox, new TaskServiceImpl(f.db, f.security, f.audit),
                new InteractionServiceImpl(f.db, f.security, f.audit));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void theCarePlansBirthdayGreetingGoesOutByEmailAndTheTaskIsDone() throws Exception {
        Customer wang = f.customer("王芳", "wang.fang@example.cn", true, Tier.VIP);
        LocalDate today = AppClock.today();
        contact(wang.getId(), "+86 138 0013 8000", true, today.plusDays(3).minusYears(36));
        new CareServiceImpl(f.db, f.security, f.audit).planTasks(today, today.plusDays(7), p -> { });

        Outreach o = outreach.due(today.plusDays(7), null, 50).stream()
                .filter(x -> x.customerId() == wang.getId() && x.occasion() == CareOccasion.BIRTHDAY).findFirst().orElseThrow();
        assertEquals(today.plusDays(2), o.due(), "due the day before, as the birthday rule says");
        assertEquals("zh", o.language(), "greeted in the customer's language, not the user's");
        assertEquals("王芳，祝您生日快乐！", o.emailSubject());
        assertTrue(o.emailBody().contains("关系 CRM全体同仁祝您生日快乐"), o.emailBody());
        assertTrue(o.sms().startsWith("【关系 CRM】王芳您好"), "an SMS starts with the sender's signature: " + o.sms());
        assertNull(o.emailBlocked());
        assertNull(o.smsBlocked());
        assertEquals("wang.fang@example.cn", o.email());
        f.signIn("reader", "READONLY");
        Outreach shown = outreach.prepare(o.taskId());
        assertEquals(List.of("w***@example.cn", "+86 *** **** 8000"), List.of(shown.email(), shown.phone()),
                "masked for those without PERSONAL_DATA");
        assertTrue(outreach.due(today.plusDays(7), null, 50).stream().allMatch(x -> x.email() == null || x.email().contains("***")));
        f.security.signInAsProcess();

        String edited = o.emailBody() + "\n另：您的专属客户经理是李强。";
        outreach.send(o.taskId(), Channel.EMAIL, o.emailSubject(), edited);
        List<MarketingFixture.Mail> mails = f.mails(1);
        assertEquals("wang.fang@example.cn", mails.get(0).to());
        assertEquals("王芳，祝您生日快乐！", mails.get(0).subject());
        assertTrue(mails.get(0).text().endsWith("您的专属客户经理是李强。"), "the agent's edit is what goes out");
        assertEquals("DONE", scalar("SELECT STATUS FROM TASK WHERE ID = " + o.taskId()));
        assertEquals("1", scalar("SELECT COUNT(*) FROM INTERACTION WHERE CHANNEL = 'EMAIL' AND CUSTOMER_ID = " + wang.getId()));
        assertTrue(outreach.due(today.plusDays(7), null, 50).stream().noneMatch(x -> x.taskId() == o.taskId()));
    }

    @Test
    void anSmsIsQueuedForTheGatewayAndAClosedChannelIsRefused() throws Exception {
        Customer lei = f.customer("Lei Li", null, false, Tier.MAJOR);
        contact(lei.getId(), "+86 139 0013 9000", true, null);
        Customer quiet = f.customer("赵静", "zhao.jing@example.cn", false, Tier.MAJOR);
        contact(quiet.getId(), "+86 137 0000 0001", false, null);
        long followUp = task(lei.getId(), "care:FOLLOW_UP:SO00000042");
        long quietTask = task(quiet.getId(), "care:FOLLOW_UP:SO00000043");

        Outreach o = outreach.prepare(followUp);
        assertEquals("en", o.language());
        assertEquals(SkipReason.NO_EMAIL, o.emailBlocked());
        assertNull(o.smsBlocked());
        assertTrue(o.sms().contains("your order SO00000042 has arrived"), o.sms());
        Outreach q = outreach.prepare(quietTask);
        assertEquals(SkipReason.NO_CONSENT, q.emailBlocked(), "no consent to e-mail");
        assertEquals(SkipReason.NO_CONSENT, q.smsBlocked(), "no consent to SMS");

        assertThrows(ValidationException.class, () -> outreach.send(followUp, Channel.EMAIL, "Hello", "text"));
        assertThrows(ValidationException.class, () -> outreach.send(quietTask, Channel.SMS, null, q.sms()));
        assertThrows(ValidationException.class, () -> outreach.send(followUp, Channel.SMS, null, "x".repeat(281)),
                "at most four SMS segments");
        assertEquals("OPEN", scalar("SELECT STATUS FROM TASK WHERE ID = " + followUp), "nothing sent, nothing done");

        outreach.send(followUp, Channel.SMS, null, o.sms());
        List<OutboxMessage> queued = outbox.of("Task", followUp);
        assertEquals(1, queued.size());
        assertEquals(CareOutreach.SMS_TOPIC, queued.get(0).getTopic());
        assertTrue(queued.get(0).getPayload().contains("<to>+86 139 0013 9000</to>"), queued.get(0).getPayload());
        assertTrue(queued.get(0).getPayload().contains("SO00000042"));
        assertEquals("DONE", scalar("SELECT STATUS FROM TASK WHERE ID = " + followUp));
        assertEquals("1", scalar("SELECT COUNT(*) FROM INTERACTION WHERE CHANNEL = 'SMS' AND CUSTOMER_ID = " + lei.getId()));
    }

    private void contact(long customerId, String phone, boolean consentSms, LocalDate birthday) {
        f.db.jdbcTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE CUSTOMER SET PHONE = ?, CONSENT_SMS = ?, BIRTHDAY = ? WHERE ID = ?")) {
                ps.setString(1, phone);
                ps.setBoolean(2, consentSms);
                ps.setDate(3, birthday == null ? null : Date.valueOf(birthday));
                ps.setLong(4, customerId);
                return ps.executeUpdate();
            }
        });
    }

    private long task(long customerId, String origin) {
        return f.db.jdbcTransaction(c -> {
            long id;
            try (var st = c.createStatement(); var rs = st.executeQuery(org.guanxi.core.db.SqlDialect.of(c).nextValue("GX_ID_SEQ"))) {
                rs.next();
                id = rs.getLong(1);
            }
            try (var ps = c.prepareStatement("INSERT INTO TASK (ID, VERSION, CUSTOMER_ID, ORIGIN, TITLE, DUE_DATE, STATUS, "
                    + "CREATED_AT) VALUES (?, 1, ?, ?, 'follow-up', " + SqlClock.today() + ", 'OPEN', " + SqlClock.now() + ")")) {
                ps.setLong(1, id);
                ps.setLong(2, customerId);
                ps.setString(3, origin);
                ps.executeUpdate();
            }
            return id;
        });
    }

    private String scalar(String sql) {
        return f.db.jdbc(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
