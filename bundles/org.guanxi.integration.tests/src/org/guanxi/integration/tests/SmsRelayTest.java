package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.guanxi.core.model.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped sms-outbox route: an SMS in the outbox lands as a file in the gateway's pickup folder, once. */
class SmsRelayTest {

    @TempDir
    Path home;

    @Test
    void anSmsInTheOutboxLandsInTheGatewayFolderAndIsAcknowledged() throws Exception {
        try (ErpFixture f = new ErpFixture(home)) {
            String sms = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sms xmlns=\"urn:guanxi:sms:1\"><to>+86 139 0013 9000</to>"
                    + "<text>【关系 CRM】王芳您好，祝您生日快乐！</text><customerId>7</customerId><taskId>42</taskId>"
                    + "<language>zh</language></sms>";
            f.db.inTransactionDo(em -> f.outbox.append(em, "sms.send", "Task", 42, "TASK:sms:42", sms));
            Path file = home.resolve("outbox/sms/TASK-sms-42.xml");
            ErpFixture.await("the SMS file", () -> Files.exists(file));
            ErpFixture.await("the message acknowledged",
                    () -> f.outbox.of("Task", 42).get(0).getStatus() == OutboxMessage.Status.SENT);
            assertEquals(sms, Files.readString(file), "the document as queued, in UTF-8");
            try (var files = Files.list(file.getParent())) {
                assertEquals(1, files.count(), "no temporary file left behind");
            }
            assertTrue(f.outbox.of("Task", 42).size() == 1);
        }
    }
}
