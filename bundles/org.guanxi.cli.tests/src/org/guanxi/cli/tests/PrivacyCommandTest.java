package org.guanxi.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code privacy export|erase CUSTOMER}: the person's data as JSON and Excel, or anonymised, from the command line;
 * {@code privacy retention}: who is due under a retention period.
 */
class PrivacyCommandTest extends CommandTestSupport {

    @TempDir
    Path tmp;

    @BeforeEach
    void demoData() {
        AnalyzeCommandTest.ensureDemoData();
    }

    @Test
    void aPersonsDataIsExportedToTheFolder() throws Exception {
        assertEquals(0, run("privacy", "export", "C0000001", "--out", tmp.toString()), err());
        assertTrue(out().contains("Everything held about C0000001"), out());
        String json = Files.readString(tmp.resolve("C0000001-personal-data.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"CODE\" : \"C0000001\""), json.substring(0, Math.min(400, json.length())));
        assertTrue(json.contains("\"SALES_ORDER\""));
        assertTrue(Files.size(tmp.resolve("C0000001-personal-data.xlsx")) > 0);
        Files.writeString(Path.of("target", "privacy-export-sample.json"), json); // to read after a run
    }

    @Test
    void anErasedPersonIsGoneFromTheirExportButTheirOrdersStay() throws Exception {
        String code = "C0000042";
        assertEquals(0, run("privacy", "export", code, "--out", tmp.toString()), err());
        String before = Files.readString(tmp.resolve(code + "-personal-data.json"), StandardCharsets.UTF_8);
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("\"NAME\" : \"([^\"]+)\"").matcher(before);
        assertTrue(name.find(), before.substring(0, Math.min(400, before.length())));

        assertEquals(0, run("privacy", "erase", code, "--reason", "本人书面申请"), err());
        assertTrue(out().contains(code + " is erased"), out());
        assertEquals(0, run("privacy", "export", code, "--out", tmp.resolve("after").toString()), err());
        String after = Files.readString(tmp.resolve("after").resolve(code + "-personal-data.json"), StandardCharsets.UTF_8);
        assertFalse(after.contains(name.group(1)), "the name " + name.group(1) + " is gone");
        assertTrue(after.contains("\"NAME\" : \"[erased]\""));
        assertEquals(count(before, "\"ORDER_NO\""), count(after, "\"ORDER_NO\""), "the orders stay");
        assertTrue(after.contains("PIPL Art. 47: 本人书面申请"), "the erasure and its reason are in the person's trail");
    }

    private static long count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    @Test
    void aWrongCallIsAUsageErrorAndAnUnknownCustomerAFailure() {
        assertEquals(2, run("privacy", "export"));
        assertTrue(err().contains("privacy needs a command and a customer code"), err());
        assertEquals(2, run("privacy", "erase", "C0000001"), "an erasure needs its reason");
        assertEquals(2, run("privacy", "erase-everything", "C0000001"));
        assertEquals(1, run("privacy", "export", "C9999999", "--out", tmp.toString()));
        assertTrue(err().contains("C9999999"), err());
    }

    /** The demo's customers were all written today, so none is due; the command's wiring and wording are checked. */
    @Test
    void retentionListsWhoIsDueAndErasesOnlyWithApply() {
        assertEquals(0, run("privacy", "retention", "--months", "24"), err());
        assertTrue(out().contains("No customer is due: no activity for 24 months and nothing open"), out());
        assertTrue(out().contains("Nothing was changed"), out());
        assertEquals(0, run("privacy", "retention", "--months", "24", "--apply"), err());
        assertTrue(out().contains("No customer erased after 24 months without activity"), out());
        assertEquals(0, run("privacy", "retention", "--leads", "24", "--calls", "36"), err());
        assertTrue(out().contains("Leads never converted and untouched for 24 months that still hold personal details: 0"), out());
        assertTrue(out().contains("Calls older than 36 months that still hold the caller's number: 0"), out());
        assertEquals(0, run("privacy", "retention", "--calls", "36", "--apply"), err());
        assertTrue(out().contains("Anonymised 0 calls older than 36 months"), out());
        assertEquals(0, run("privacy", "retention", "--schedule"), err());
        assertTrue(out().contains("No retention rule is applied by the product"), out());
        assertEquals(0, run("privacy", "retention", "--schedule", "--months", "36", "--calls", "36"), err());
        assertTrue(out().contains("customers 36, leads never converted -, calls 36"), out());
        assertEquals(0, run("privacy", "retention", "--schedule", "off"), err());
        assertTrue(out().contains("No retention rule is applied by the product"), out());
        assertEquals(2, run("privacy", "retention", "off"));
        assertEquals(2, run("privacy", "retention", "--schedule", "off", "--months", "36"), "off or periods, not both");
        assertEquals(2, run("privacy", "retention"), "the period is needed");
        assertEquals(2, run("privacy", "retention", "--months", "0"));
        assertTrue(err().contains("--months"), err());
    }
}
