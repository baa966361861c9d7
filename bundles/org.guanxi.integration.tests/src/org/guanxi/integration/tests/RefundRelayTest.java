package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.service.Outbox.Delivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refund granted in a complaint's resolution reaches the ERP through the outbox: booked once by the Guanxi ERP
 * contract (RecordRefund over SOAP), refused content and the iDempiere adapter parked with their reasons.
 */
class RefundRelayTest {

    @TempDir
    Path home;

    /** The document ComplaintServiceImpl writes for a refund. */
    private static String refund(String key, String amount) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Refund xmlns=\"urn:guanxi:refund:1\"><IdempotencyKey>" + key
                + "</IdempotencyKey><CaseNo>CS0000042</CaseNo><Currency>CNY</Currency><Amount>" + amount + "</Amount>"
                + "<Reason>PRODUCT</Reason><Note>漏水，退还部分货款</Note><Customer><Code>C0000007</Code><Name>王芳</Name>"
                + "</Customer></Refund>";
    }

    @Test
    void aRefundIsBookedOnceInTheErp() throws Exception {
        try (ErpFixture f = new ErpFixture(home)) {
            f.db.inTransactionDo(em -> f.outbox.append(em, "refund.granted", "ServiceCase", 42, "CS0000042:refund:0", refund("CS0000042:refund:0", "88.00")));
            f.db.inTransactionDo(em -> f.outbox.append(em, "refund.granted", "ServiceCase", 43, "CS0000043:refund:0", refund("CS0000043:refund:0", "0")));
            ErpFixture.await("the refund booked", () -> f.outbox.of("ServiceCase", 42).get(0).getStatus() == OutboxMessage.Status.SENT);
            ErpFixture.await("the bad refund parked", () -> f.outbox.of("ServiceCase", 43).get(0).getStatus() == OutboxMessage.Status.PARKED);
            assertEquals("RF000001 C0000007 88.00", f.erp.refunds().get("CS0000042:refund:0"));
            assertEquals(1, f.erp.refunds().size(), "the zero refund was refused");
            Delivery booked = f.outbox.deliveries("refund.").stream().filter(d -> d.idempotencyKey().equals("CS0000042:refund:0"))
                    .findFirst().orElseThrow();
            assertTrue(booked.answer().startsWith("RF000001 · BOOKED"), booked.answer());
            Delivery parked = f.outbox.deliveries("refund.").stream().filter(d -> d.idempotencyKey().equals("CS0000043:refund:0"))
                    .findFirst().orElseThrow();
            assertEquals(1, parked.attempts(), "refused content is not retried");
            assertEquals(0, f.erp.counts().received(), "refunds do not count as orders");
        }
    }

    @Test
    void withIdempiereARefundIsParkedWithItsReason() throws Exception {
        try (ErpFixture f = new ErpFixture(home, "erp.contract=idempiere")) {
            f.db.inTransactionDo(em -> f.outbox.append(em, "refund.granted", "ServiceCase", 42, "CS0000042:refund:0", refund("CS0000042:refund:0", "88.00")));
            ErpFixture.await("the refund parked", () -> f.outbox.of("ServiceCase", 42).get(0).getStatus() == OutboxMessage.Status.PARKED);
            String error = f.outbox.of("ServiceCase", 42).get(0).getLastError();
            assertTrue(error.contains("does not book refunds"), error);
        }
    }
}
