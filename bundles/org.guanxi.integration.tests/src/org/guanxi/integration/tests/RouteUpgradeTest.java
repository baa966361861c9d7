package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.guanxi.core.service.IntegrationService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new release's route files reach a working copy without losing a user's edits: a shipped file nobody changed is
 * replaced, a changed one is kept with the release's version beside it, a deleted one stays deleted.
 */
class RouteUpgradeTest {

    @TempDir
    Path home;

    @Test
    void unchangedFilesAreUpdatedEditedOnesKeptDeletedOnesStayDeleted() throws Exception {
        try (ErpFixture f = new ErpFixture(home)) {
            Path routes = home.resolve("routes");
            Path mapping = routes.resolve("mappings/order-to-guanxi-erp.xsl");
            Path edited = routes.resolve("erp-guanxi.yaml");
            Path deleted = routes.resolve("erp-idempiere.yaml");
            String shippedMapping = Files.readString(mapping);
            String shippedRoutes = Files.readString(edited);
            f.runtime.stop();

            // as an earlier release left it: its own mapping, recorded as installed and never touched since
            String older = shippedMapping.replace("Edit freely", "Edit as you like");
            Files.writeString(mapping, older);
            Path installed = routes.resolve(".installed");
            String record = "mappings/order-to-guanxi-erp.xsl\t" + sha256(older);
            List<String> lines = Files.readAllLines(installed).stream()
                    .map(l -> l.startsWith("mappings/order-to-guanxi-erp.xsl\t") ? record : l).toList();
            Files.write(installed, lines);
            String mine = shippedRoutes.replace("delay: 2000", "delay: 2500");
            Files.writeString(edited, mine);
            Files.delete(deleted);

            f.runtime.start();
            assertEquals(IntegrationService.State.STARTED, f.runtime.state(), f.runtime.failure());
            assertEquals(shippedMapping, Files.readString(mapping), "a file nobody changed follows the release");
            assertEquals(mine, Files.readString(edited), "a user's edit is kept");
            assertEquals(shippedRoutes, Files.readString(routes.resolve("erp-guanxi.yaml.shipped")));
            assertFalse(Files.exists(deleted), "a deleted file stays deleted");
            assertTrue(f.runtime.routes().stream().noneMatch(r -> r.id().equals("erp-order-idempiere")));
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
