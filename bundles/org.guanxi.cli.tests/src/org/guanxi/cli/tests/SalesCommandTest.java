package org.guanxi.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.guanxi.cli.CommandLine;
import org.guanxi.sales.api.ForecastService;
import org.guanxi.sales.api.LeadService;
import org.guanxi.sales.api.LeadService.LeadRow;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.sales.api.OpportunityService.Column;
import org.guanxi.sales.api.OpportunityService.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** {@code import leads} and {@code analyze pipeline|forecast} on the real services. */
class SalesCommandTest extends CommandTestSupport {

    @TempDir
    Path tmp;

    private static <T> T service(Class<T> type) {
        BundleContext bc = FrameworkUtil.getBundle(CommandLine.class).getBundleContext();
        return bc.getService(bc.getServiceReference(type));
    }

    @Test
    void leadsAreImportedScoredAndCheckedLineByLine() throws Exception {
        Path file = tmp.resolve("expo-leads.csv");
        Files.writeString(file, "\uFEFF公司名称,联系人,手机,城市,线索来源,需求,购买力,决策权,信用,匹配度,预计金额\n"
                + "杭州云栖科技有限公司,陈思远,13700001001,杭州,展会,5,5,4,4,5,\"120,000\"\n"
                + "苏州木渎机械厂,吴建国,13700001002,苏州,exhibition,1,1,1,2,1,8000\n"
                + "宁波港湾物流,林海,13700001003,宁波,展会,,,,,,\n", StandardCharsets.UTF_8);
        assertEquals(0, run("import", "leads", file.toString()), err());
        assertTrue(out().contains("公司名称 -> COMPANY"), out());
        assertTrue(out().contains("线索来源 -> SOURCE"), out());
        assertTrue(out().contains("Imported 3 leads of 3 lines from expo-leads.csv (1 qualified)"), out());
        List<LeadRow> found = service(LeadService.class).find("杭州云栖", null, 5);
        assertEquals(1, found.size());
        assertEquals("QUALIFIED", found.get(0).status().name());

        // the same file again: every line is now a duplicate of a stored lead
        assertEquals(1, run("import", "leads", file.toString()));
        assertTrue(err().contains("expo-leads.csv, line 2, field \"手机\": already a lead: L"), err());
    }

    @Test
    void aBadLineRejectsTheFileNamingLineAndColumn() throws Exception {
        Path file = tmp.resolve("bad-leads.csv");
        Files.writeString(file, "company,person,phone,source,need,campaign\n"
                + "Harbour Trading,Tom Lee,13700002001,web,4,\n"
                + "Delta Parts,Ann Wu,13700002002,fax,9,\n"
                + "Orbit Foods,Li Na,not-a-phone,web,3,CA9999999\n"
                + ",,,web,,\n"
                + "Quay Traders,Bo Li,137 0000 2001,web,2,\n", StandardCharsets.UTF_8);
        assertEquals(1, run("import", "leads", file.toString()));
        String e = err();
        assertTrue(e.contains("bad-leads.csv was rejected, nothing was imported"), e);
        assertTrue(e.contains("bad-leads.csv, line 3, field \"source\": “fax” is not a lead source"), e);
        assertTrue(e.contains("bad-leads.csv, line 3, field \"need\""), e);
        assertTrue(e.contains("bad-leads.csv, line 4, field \"phone\""), e);
        assertTrue(e.contains("bad-leads.csv, line 4, field \"campaign\": No campaign has the code “CA9999999”"), e);
        assertTrue(e.contains("bad-leads.csv, line 5, field \"company\""), e);
        assertTrue(e.contains("bad-leads.csv, line 6, field \"phone\": the same as on line 2"), e);
        assertTrue(service(LeadService.class).find("Harbour Trading", null, 5).isEmpty(), "nothing was imported");

        Path dup = tmp.resolve("dup-leads.csv");
        Files.writeString(dup, "company,phone\nFresh Co,13700003001\nFresh Co Copy,137-0000-3001\n", StandardCharsets.UTF_8);
        assertEquals(1, run("import", "leads", dup.toString()));
        assertEquals(0, run("import", "leads", dup.toString(), "--skip-duplicates"), err());
        assertTrue(out().contains("Imported 1 leads of 2 lines"), out());
        assertTrue(out().contains("Skipped 1 duplicate lines"), out());
        assertEquals(2, run("import", "leads", dup.toString(), "--format", "online-retail"));
    }

    @Test
    void pipelineSumsTheBoardAndWritesOneRowPerOpenDeal() throws Exception {
        AnalyzeCommandTest.ensureDemoData();
        List<Column> board = service(OpportunityService.class).board(Filter.ALL, 1);
        int deals = board.stream().mapToInt(Column::count).sum();
        assertTrue(deals > 0, "the demo has open deals");
        Path csv = tmp.resolve("pipeline.csv");
        assertEquals(0, run("analyze", "pipeline", "--out", csv.toString()), err());
        assertTrue(out().contains("Open pipeline: " + deals + " deals (all reps)"), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("PROSPECTING")), out());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("\uFEFFopportunity_code,opportunity_name,customer,stage,amount,probability,weighted,expected_close,owner",
                lines.get(0));
        assertEquals(deals + 1, lines.size());
    }

    @Test
    void forecastShowsTargetsAndAttainment() throws Exception {
        AnalyzeCommandTest.ensureDemoData();
        ForecastService forecast = service(ForecastService.class);
        YearMonth month = YearMonth.of(2031, 1);
        forecast.saveTarget(ForecastService.Scope.COMPANY, "", month, new BigDecimal("500000"));
        Path xlsx = tmp.resolve("forecast.xlsx");
        assertEquals(0, run("analyze", "forecast", "--from", "2031-01", "--periods", "3", "--out", xlsx.toString()), err());
        assertTrue(out().contains("Sales forecast 2031-01-01 to 2031-03-31 by company"), out());
        assertEquals(3, out().lines().filter(l -> l.startsWith("2031-0")).count(), "quiet months show as zeros: " + out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("2031-01") && l.contains("500,000.00")), out());
        assertTrue(Files.size(xlsx) > 0);
        assertEquals(0, run("analyze", "forecast", "--by", "quarter", "--from", "2031-02"), err());
        assertTrue(out().contains("Sales forecast 2031-01-01 to 2031-12-31 by company"), "whole quarters: " + out());
        assertEquals(4, out().lines().filter(l -> l.startsWith("2031 Q")).count(), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("2031 Q1") && l.contains("500,000.00")), out());
        assertEquals(0, run("analyze", "forecast", "--scope", "rep", "--from", "2031-01"), err());
        assertTrue(out().contains("No open deals, won deals or targets"), out());

        assertEquals(2, run("analyze", "forecast", "--by", "week"));
        assertTrue(err().contains("--by takes month|quarter, not 'week'"), err());
        assertEquals(2, run("analyze", "forecast", "--from", "July"));
        assertEquals(2, run("analyze", "forecast", "--periods", "0"));
    }
}
