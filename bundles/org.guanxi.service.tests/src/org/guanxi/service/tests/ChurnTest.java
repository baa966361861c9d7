package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.ChurnReason;
import org.guanxi.core.model.ChurnType;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.ComplaintCategory;
import org.guanxi.core.model.ComplaintSeverity;
import org.guanxi.core.model.Department;
import org.guanxi.core.model.WinBackStatus;
import org.guanxi.core.service.ChurnService.Rates;
import org.guanxi.core.service.ChurnService.Risk;
import org.guanxi.core.service.ChurnService.Rules;
import org.guanxi.core.service.ChurnService.WinBack;
import org.guanxi.service.api.ComplaintService.NewComplaint;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.care.TaskServiceImpl;
import org.guanxi.service.ChurnServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The churn rules, the churn type, win-backs with their tasks and outcomes, and the rates. */
class ChurnTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private ChurnServiceImpl churn;
    private LocalDate asOf;
    private long product;
    private long silent;
    private long steady;
    private long spendingLess;
    private long complaining;

    @BeforeEach
    void open() throws Exception {
        f = new ServiceFixture(dir);
        churn = new ChurnServiceImpl(f.db, f.security, f.audit, new TaskServiceImpl(f.db, f.security, f.audit));
        // ten days ahead, so that a complaint filed today has been open for longer than the rule's seven days
        asOf = AppClock.today().plusDays(10);
        product = f.product("P-1", "净水器");
        silent = f.customer("C-1", "沉默的客户");
        steady = f.customer("C-2", "稳定的客户");
        spendingLess = f.customer("C-3", "减少消费的客户");
        complaining = f.customer("C-4", "投诉的客户");
        for (int m = 12; m >= 7; m--) {
            order(silent, asOf.minusMonths(m), "100");   // monthly for half a year, then nothing for seven months
        }
        for (int m = 12; m >= 1; m--) {
            order(steady, asOf.minusMonths(m).plusDays(15), "100");
            order(complaining, asOf.minusMonths(m).plusDays(15), "100");
        }
        order(spendingLess, asOf.minusMonths(10), "1000");
        order(spendingLess, asOf.minusMonths(3), "100");
        f.complaints.file(new NewComplaint(complaining, Channel.PHONE, ComplaintCategory.PRODUCT, ComplaintSeverity.MAJOR,
                Department.QUALITY, "净水器漏水", null, null));
    }

    private void order(long customer, LocalDate day, String total) {
        f.order(customer, day.toString(), total, "INVOICED", product, 1);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theRulesFlagSilenceFallingSpendAndUnresolvedComplaints() {
        Map<Long, Risk> risks = churn.identify(asOf).stream().collect(Collectors.toMap(Risk::customerId, r -> r));
        assertEquals(3, risks.size(), risks.toString());
        Risk s = risks.get(silent);
        assertEquals(EnumSet.of(ChurnReason.SILENT, ChurnReason.FALLING_SPEND), s.reasons(), "nothing in six months either");
        assertTrue(s.usualIntervalDays() >= 28 && s.usualIntervalDays() <= 31, "monthly: " + s.usualIntervalDays());
        assertTrue(s.daysSilent() > 2 * s.usualIntervalDays());
        assertEquals(ChurnType.COMPETITOR, s.type());
        assertEquals(EnumSet.of(ChurnReason.FALLING_SPEND), risks.get(spendingLess).reasons(), "one order of 100 after one of 1,000");
        assertEquals(EnumSet.of(ChurnReason.UNRESOLVED_COMPLAINT), risks.get(complaining).reasons());
        assertEquals(ChurnType.COMPLAINT_DRIVEN, risks.get(complaining).type());

        churn.saveRules(new Rules(9, 2, 0.95, 30));
        assertEquals(List.of(), churn.identify(asOf).stream().map(Risk::code).filter(c -> !c.equals("C-1")).toList(),
                "laxer rules flag only the longest silence");
        assertThrows(ValidationException.class, () -> churn.saveRules(new Rules(0.5, 2, 0.5, 7)));
    }

    @Test
    void whoRefusedPersonalisationGetsNoWinBack() {
        f.db.jdbc(c -> c.createStatement().executeUpdate("UPDATE CUSTOMER SET PERSONALISED = FALSE WHERE ID = " + silent));
        assertEquals(2, churn.generateWinBacks(asOf), "PIPL Art. 24: no approach on a computed risk for who refused it");
        assertTrue(churn.winBacks(WinBackStatus.OPEN, 10).stream().noneMatch(w -> w.customerId() == silent));
        assertTrue(churn.identify(asOf).stream().anyMatch(r -> r.customerId() == silent), "the analysis still counts them");
    }

    @Test
    void winBacksGiveAgentsTasksAndEndWonBackOrLost() throws Exception {
        assertEquals(3, churn.generateWinBacks(asOf));
        assertEquals(0, churn.generateWinBacks(asOf), "one open win-back per customer");
        assertEquals(3, count("SELECT COUNT(*) FROM TASK WHERE ORIGIN LIKE 'winback:%' AND STATUS = 'OPEN'"));

        order(spendingLess, asOf, "900");
        assertEquals(0, churn.generateWinBacks(asOf), "the customer bought again: nothing new to open");
        WinBack won = churn.winBacks(WinBackStatus.WON_BACK, 10).get(0);
        assertEquals(spendingLess, won.customerId(), "won back by the order, without anybody recording it");

        WinBack lost = churn.winBacks(WinBackStatus.OPEN, 10).stream().filter(w -> w.customerId() == silent).findFirst().orElseThrow();
        churn.close(lost.id(), WinBackStatus.LOST, "已转向其他供应商");
        assertEquals(0, count("SELECT COUNT(*) FROM TASK WHERE ID = " + lost.taskId() + " AND STATUS = 'OPEN'"), "its task is done");
        assertThrows(RuntimeException.class, () -> churn.close(lost.id(), WinBackStatus.WON_BACK, null), "closed once");

        Rates all = churn.rates(asOf).stream().filter(r -> r.tier() == null).findFirst().orElseThrow();
        assertEquals(4, all.buyers());
        assertEquals(2, all.atRisk(), "the silent and the complaining customer");
        assertEquals(0.5, all.churnRate(), 1e-9);
        assertEquals(2, all.winBacksClosed());
        assertEquals(0.5, all.winBackRate(), 1e-9);
    }

    private long count(String sql) {
        return f.db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
