package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.guanxi.service.tests.ServiceFixture.at;

import java.nio.file.Path;
import java.time.Duration;

import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.ServiceLevelService.Deadlines;
import org.guanxi.core.service.ServiceLevelService.ServiceLevel;
import org.guanxi.service.ServiceLevelServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service levels per customer tier and priority, and the deadlines they give on the working calendar. */
class ServiceLevelTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private ServiceLevelServiceImpl levels;

    @BeforeEach
    void open() throws Exception {
        f = new ServiceFixture(dir);
        levels = f.levels;
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theMostValuableCustomersAreAnsweredFastest() {
        assertEquals(16, levels.levels().size(), "every tier with every priority");
        for (CasePriority p : CasePriority.values()) {
            for (int i = 1; i < Tier.values().length; i++) {
                ServiceLevel higher = levels.level(Tier.values()[i - 1], p);
                ServiceLevel lower = levels.level(Tier.values()[i], p);
                assertTrue(higher.firstResponse().compareTo(lower.firstResponse()) < 0, higher + " before " + lower);
                assertTrue(higher.resolution().compareTo(lower.resolution()) < 0, higher + " before " + lower);
            }
        }
        assertEquals(levels.level(Tier.ORDINARY, CasePriority.NORMAL), levels.level(null, CasePriority.NORMAL),
                "a customer not yet placed in the pyramid counts as ordinary");
    }

    @Test
    void deadlinesAreWorkingTimeAcrossNationalDay() {
        // a normal VIP case on the eve of National Day: 30 minutes to answer, one working day to resolve
        Deadlines vip = levels.deadlines(Tier.VIP, CasePriority.NORMAL, at("2026-09-30T17:45"));
        assertEquals(at("2026-10-08T09:15"), vip.firstResponseDue(), "15 minutes before closing, 15 after the holiday");
        assertEquals(at("2026-10-08T17:45"), vip.resolutionDue());
        // an ordinary customer's normal case: 4 hours / 3 working days, the worked Saturday 10 October counted
        Deadlines ordinary = levels.deadlines(Tier.ORDINARY, CasePriority.NORMAL, at("2026-10-08T15:00"));
        assertEquals(at("2026-10-09T10:00"), ordinary.firstResponseDue());
        assertEquals(at("2026-10-12T15:00"), ordinary.resolutionDue(), "27 h from Thu 15:00: 3 h, Fri 9 h, Sat (worked) 9 h, Mon 6 h");
    }

    @Test
    void anAdministratorChangesALevel() {
        levels.setLevel(new ServiceLevel(Tier.VIP, CasePriority.URGENT, Duration.ofMinutes(5), Duration.ofMinutes(120)));
        assertEquals(Duration.ofMinutes(5), levels.level(Tier.VIP, CasePriority.URGENT).firstResponse());
        assertEquals(at("2026-11-23T09:05"), levels.deadlines(Tier.VIP, CasePriority.URGENT, at("2026-11-21T10:00")).firstResponseDue());
        assertThrows(IllegalArgumentException.class,
                () -> levels.setLevel(new ServiceLevel(Tier.VIP, CasePriority.URGENT, Duration.ofMinutes(60), Duration.ofMinutes(30))));
    }
}
