package org.guanxi.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.guanxi.core.AppClock;
import org.guanxi.cli.CommandLine;
import org.guanxi.core.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code analyze csi|nps} on the demo responses, checked against the same figures computed here straight from the
 * answer rows in SQL: NPS from the recommend answers, CSI as the mean of each response's weighted normalised answers.
 */
class ServiceCommandTest extends CommandTestSupport {

    @TempDir
    Path tmp;

    @BeforeEach
    void demoData() {
        AnalyzeCommandTest.ensureDemoData();
    }

    private static Database db() {
        BundleContext bc = FrameworkUtil.getBundle(CommandLine.class).getBundleContext();
        return bc.getService(bc.getServiceReference(Database.class));
    }

    private static final String PERIOD = "r.RESPONDED_AT >= ? AND r.RESPONDED_AT < ?";

    /** The last value printed on the "Total" line, as the command rounds it. */
    private static String total(String printed, int column) {
        String line = printed.lines().filter(l -> l.startsWith("Total\t")).findFirst().orElseThrow(() -> new AssertionError(printed));
        return line.split("\t")[column];
    }

    @Test
    void npsMatchesTheRecommendAnswers() {
        assertEquals(0, run("analyze", "nps", "--by", "source"), err());
        double[] byHand = db().jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(CASE WHEN a.SCORE >= 9 THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN a.SCORE <= 6 THEN 1 ELSE 0 END), COUNT(*) FROM SURVEY_ANSWER a "
                    + "JOIN SURVEY_QUESTION q ON q.ID = a.QUESTION_ID JOIN SURVEY_RESPONSE r ON r.ID = a.RESPONSE_ID "
                    + "WHERE q.CONSTRUCT = 'RECOMMEND' AND " + PERIOD)) {
                period(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new double[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) };
                }
            }
        });
        assertTrue(byHand[2] > 100, "the demo has responses: " + byHand[2]);
        String printed = out();
        assertEquals(String.format(Locale.ROOT, "%.1f", 100 * (byHand[0] - byHand[1]) / byHand[2]), total(printed, 2), printed);
        assertEquals(String.valueOf((int) byHand[0]), total(printed, 3));
        assertEquals(String.valueOf((int) byHand[1]), total(printed, 5));
    }

    @Test
    void csiMatchesTheWeightedAnswersAndIsWrittenPerTier() throws Exception {
        Path csv = tmp.resolve("csi.csv");
        assertEquals(0, run("analyze", "csi", "--out", csv.toString()), err());
        double byHand = db().jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(q.WEIGHT * 100.0 * (a.SCORE - q.SCALE_MIN) "
                    + "/ (q.SCALE_MAX - q.SCALE_MIN)) / SUM(q.WEIGHT) FROM SURVEY_ANSWER a "
                    + "JOIN SURVEY_QUESTION q ON q.ID = a.QUESTION_ID JOIN SURVEY_RESPONSE r ON r.ID = a.RESPONSE_ID "
                    + "WHERE q.CONSTRUCT <> 'RECOMMEND' AND " + PERIOD + " GROUP BY r.ID")) {
                period(ps);
                double sum = 0;
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum += rs.getDouble(1);
                        n++;
                    }
                }
                return sum / n;
            }
        });
        String printed = out();
        assertEquals(String.format(Locale.ROOT, "%.1f", byHand), total(printed, 2), printed);
        assertTrue(printed.contains("Perceived quality"), printed);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFTier,Responses,CSI,Expectations"), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("Total,"), lines.get(lines.size() - 1));
    }

    @Test
    void loyaltyPrintsTheTiersAndTheLedgerBalances() throws Exception {
        Path csv = tmp.resolve("loyalty.xlsx");
        assertEquals(0, run("analyze", "loyalty", "--out", csv.toString()), err());
        String printed = out();
        assertTrue(printed.contains("The points ledger balances for every customer."), printed);
        long balance = db().jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(POINTS) FROM POINTS_LEDGER"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertTrue(balance > 0, "the demo orders earned points");
        assertEquals(String.valueOf(balance), total(printed, 7), printed);
        assertTrue(Files.size(csv) > 0);
    }

    @Test
    void churnRulesListTheCustomersAtRiskWithTheirReasons() throws Exception {
        Path csv = tmp.resolve("churn.csv");
        assertEquals(0, run("analyze", "churn-rules", "--out", csv.toString()), err());
        String printed = out();
        assertTrue(printed.startsWith("Churn rules: silent for more than 2.0"), printed);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFcustomer_code,customer_name,tier,reasons,churn_type"), lines.get(0));
        assertTrue(lines.size() > 1, "the demo has customers at risk");
        long flagged = Long.parseLong(total(printed, 2));
        assertEquals(lines.size() - 1, flagged, printed);
    }

    @Test
    void anUnknownGroupingIsAUsageError() {
        assertEquals(2, run("analyze", "csi", "--by", "colour"));
        assertTrue(err().contains("tier|product|month|source"), err());
    }

    /** The command's default period: the year up to today. */
    private static void period(PreparedStatement ps) throws java.sql.SQLException {
        LocalDate to = AppClock.today();
        ps.setTimestamp(1, java.sql.Timestamp.valueOf(to.minusYears(1).plusDays(1).atStartOfDay()));
        ps.setTimestamp(2, java.sql.Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
    }
}
