package org.guanxi.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code privacy export CUSTOMER}: the person's data as JSON and Excel, from the command line. */
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
    void aWrongCallIsAUsageErrorAndAnUnknownCustomerAFailure() {
        assertEquals(2, run("privacy", "export"));
        assertTrue(err().contains("privacy export needs a customer code"), err());
        assertEquals(2, run("privacy", "erase-everything", "C0000001"));
        assertEquals(1, run("privacy", "export", "C9999999", "--out", tmp.toString()));
        assertTrue(err().contains("C9999999"), err());
    }
}
