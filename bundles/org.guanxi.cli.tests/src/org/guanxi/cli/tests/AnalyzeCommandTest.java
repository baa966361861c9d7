package org.guanxi.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.guanxi.cli.CommandLine;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.service.DemoDataService;
import org.guanxi.core.service.ExportLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** The headless commands on the real DS services, as {@code releng/guanxi analyze} runs them. */
class AnalyzeCommandTest extends CommandTestSupport {

    @TempDir
    Path tmp;

    @BeforeEach
    void demoData() {
        ensureDemoData();
    }

    static void ensureDemoData() {
        BundleContext bc = FrameworkUtil.getBundle(CommandLine.class).getBundleContext();
        DemoDataService demo = bc.getService(bc.getServiceReference(DemoDataService.class));
        if (demo.isEmpty()) {
            demo.generate(300, 5, n -> { });
        }
    }

    @Test
    void pyramidPrintsTheTiersAndWritesOneRowPerCustomer() throws Exception {
        Path csv = tmp.resolve("out/pyramid.csv");
        assertEquals(0, run("analyze", "pyramid", "--out", csv.toString()), err());
        String printed = out();
        assertTrue(printed.contains("Customer value analysis of 300 customers"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("VIP") && l.contains(" 3 ")), printed);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(301, lines.size());
        assertEquals("\uFEFFcustomer_code,customer_name,value_12m,tier,tier_reason", lines.get(0));
        assertEquals(3, lines.stream().filter(l -> l.contains(",VIP,")).count());

        // the file is an export: recorded with what, how many rows and where
        BundleContext bc = FrameworkUtil.getBundle(CommandLine.class).getBundleContext();
        Database db = bc.getService(bc.getServiceReference(Database.class));
        List<AuditEntry> recorded = db.read(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE a.entity = :e "
                + "AND a.entityId = (SELECT MAX(b.entityId) FROM AuditEntry b WHERE b.entity = :e) ORDER BY a.field",
                AuditEntry.class).setParameter("e", ExportLog.ENTITY).getResultList());
        assertEquals(List.of(csv.toAbsolutePath().toString(), "300", "pyramid"),
                recorded.stream().map(AuditEntry::getNewValue).toList());
    }

    @Test
    void everyAnalysisKindRuns() {
        for (String kind : List.of("lifecycle", "rfm", "clv", "matrix")) {
            assertEquals(0, run("analyze", kind, "--as-of", "2026-06-30"), kind + ": " + err());
        }
        assertTrue(out().contains("KEEP_AND_GROW"));
    }

    @Test
    void badInputGetsAClearMessageAndANonZeroExit() {
        assertEquals(2, run("analyze", "pyramid", "--as-of", "yesterday"));
        assertTrue(err().contains("--as-of needs a date like 2011-12-09, not 'yesterday'"), err());
        assertEquals(2, run("analyze", "weather"));
        assertEquals(2, run("frobnicate", "x"));
        assertEquals(2, run());
        assertEquals(1, run("analyze", "rfm", "--out", tmp.toString()), "a folder is not a file");
    }
}
