package org.guanxi.integration.tests;

import static org.guanxi.integration.tests.ErpFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.customer.imports.CustomerImportServiceImpl;
import org.guanxi.integration.DeadLetters;
import org.guanxi.integration.simulator.BusinessPartner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer master data between the CRM and the fake ERP's business partners, through the shipped route file
 * erp-partners.yaml over real SOAP on 127.0.0.1: created and changed customers become partners, partners changed or
 * entered in the ERP come back, and a change made on both sides is a reported conflict that a user resolves.
 */
class CustomerSyncTest {

    private static final String ROUTES = "erp-partners.yaml";
    private static final String POLLING = "description: ERP → customers (business partner changes, SOAP polling)\n"
            + "    autoStartup: \"{{erp.guanxi}}\"";

    @TempDir
    Path home;

    private ErpFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new ErpFixture(home);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private List<OutboxMessage> messages(Customer c) {
        return f.outbox.of("Customer", c.getId());
    }

    private BusinessPartner partner(Customer c) {
        return f.erp.partner(c.getCode());
    }

    private Customer synced(String name) throws InterruptedException {
        Customer saved = f.customer(name);
        await(saved.getCode() + " is a business partner", () -> f.customers.get(saved.getId()).getErpVersion() != null);
        Customer c = f.customers.get(saved.getId());
        assertEquals(saved.getVersion(), c.getVersion(), "the ERP's answer does not make a user's open edit stale");
        return c;
    }

    @Test
    void customersBecomePartnersAndPartnerChangesInTheErpComeBack() throws Exception {
        Customer c = synced("杭州新锐科技有限公司");
        assertEquals("BP-" + c.getCode(), c.getErpPartnerNo());
        assertEquals(1L, c.getErpVersion());
        assertEquals("杭州新锐科技有限公司", partner(c).name());
        assertEquals(c.getPhone(), partner(c).phone());

        c.setPhone("0571-8888 1234");
        Customer changed = f.customers.save(c);
        await("the ERP has the new phone", () -> partner(c) != null && "0571-8888 1234".equals(partner(c).phone()));
        await("the CRM knows version 2", () -> Long.valueOf(2).equals(f.customers.get(c.getId()).getErpVersion()));

        // a change of a field the ERP does not keep sends nothing (and the form saved before the ERP answered still saves)
        changed.setNotes("prefers calls after 10:00");
        changed = f.customers.save(changed);
        assertEquals(2, messages(c).size());
        assertTrue(messages(c).stream().allMatch(m -> m.getStatus() == OutboxMessage.Status.SENT), messages(c).toString());

        // an ERP user corrects the e-mail: the customer follows, and nothing is echoed back to the ERP
        long v = f.erp.editPartnerInErp(c.getCode(), null, "purchasing@xinrui.example.cn");
        await("the CRM has the ERP's e-mail", () -> "purchasing@xinrui.example.cn".equals(f.customers.get(c.getId()).getEmail()));
        Customer back = f.customers.get(c.getId());
        assertEquals(v, back.getErpVersion());
        assertEquals("0571-8888 1234", back.getPhone());
        assertEquals(2, messages(c).size(), "an ERP change is not sent back to the ERP");
        assertTrue(f.audit.history("Customer", c.getId()).stream()
                .anyMatch(e -> e.getField().equals("email") && "purchasing@xinrui.example.cn".equals(e.getNewValue())));
        assertTrue(changed.getVersion() < back.getVersion(), "the ERP's change moves the customer's version on");

        // a partner entered in the ERP becomes a customer
        f.erp.createPartnerInErp("E900017", "宁波港联物流有限公司", "0574-2766 0000");
        await("the ERP's new partner is a customer", () -> !f.customers.find("E900017", 0, 5).isEmpty());
        Customer created = f.customers.get(f.customers.find("E900017", 0, 5).get(0).id());
        assertEquals("宁波港联物流有限公司", created.getName());
        assertEquals("BP-E900017", created.getErpPartnerNo());
        assertTrue(messages(created).isEmpty());
    }

    @Test
    void aChangeMadeOnBothSidesIsParkedAsAConflictAndReplayedOnceTheErpsVersionIsKnown() throws Exception {
        Customer c = synced("苏州恒远精密机械有限公司");
        String routes = f.runtime.read(ROUTES);
        assertTrue(routes.contains(POLLING));
        // the CRM does not hear of the ERP's change before it sends its own
        assertNull(f.runtime.save(ROUTES, routes.replace(POLLING, POLLING.replace("\"{{erp.guanxi}}\"", "false"))));
        f.erp.editPartnerInErp(c.getCode(), null, "finance@hengyuan.example.cn");
        Customer mine = f.customers.get(c.getId());
        mine.setPhone("0512-6666 0001");
        f.customers.save(mine);

        await("the CRM's change is parked", () -> messages(c).get(1).getStatus() == OutboxMessage.Status.PARKED);
        OutboxMessage parked = messages(c).get(1);
        assertTrue(parked.getLastError().startsWith("E-CONFLICT: Business partner " + c.getCode()
                + " was changed in the ERP (version 2) since the CRM last saw it (version 1)"), parked.getLastError());
        assertEquals(1, parked.getAttempts(), "a conflict is not retried");
        assertEquals(2L, partner(c).version());
        assertEquals(c.getPhone(), partner(c).phone(), "the ERP keeps its version");

        // the ERP's change is read: it conflicts with the parked one, so the CRM's values stay and the ERP's are on record
        assertNull(f.runtime.save(ROUTES, routes));
        await("the CRM has seen version 2", () -> Long.valueOf(2).equals(f.customers.get(c.getId()).getErpVersion()));
        Customer kept = f.customers.get(c.getId());
        assertEquals("0512-6666 0001", kept.getPhone());
        assertEquals(c.getEmail(), kept.getEmail());
        AuditEntry conflict = f.audit.history("Customer", c.getId()).stream()
                .filter(e -> e.getField().equals("erpConflict.email")).findFirst().orElseThrow();
        assertEquals("finance@hengyuan.example.cn", conflict.getNewValue());

        // replaying sends the CRM's values over the version it now knows
        new DeadLetters(f.db, f.security, f.audit).replay(parked.getId(), null);
        await("the replayed change is sent", () -> messages(c).get(1).getStatus() == OutboxMessage.Status.SENT);
        assertEquals(3L, partner(c).version());
        assertEquals("0512-6666 0001", partner(c).phone());
        await("the CRM knows version 3", () -> Long.valueOf(3).equals(f.customers.get(c.getId()).getErpVersion()));
        assertNotNull(f.customers.get(c.getId()).getErpPartnerNo());
    }

    @Test
    void importedCustomersReachTheErpByTheInitialLoadOnce() throws Exception {
        // a bulk import writes customers without messages (one per row would halve its speed)
        Path csv = home.resolve("customers.csv");
        Files.writeString(csv, "名称,电话,税号\n宁波海曙贸易有限公司,0574-8766 1001,91330203MA2H000001\n温州鹿城鞋业有限公司,0577-8888 2002,\n",
                StandardCharsets.UTF_8);
        CustomerImportServiceImpl importer = new CustomerImportServiceImpl(f.db, f.security, f.audit);
        assertEquals(2, importer.importCustomers(csv, importer.preview(csv, 1).mapping(), false, n -> { }).imported());
        List<Customer> imported = f.customers.find("", 0, 10).stream().map(c -> f.customers.get(c.id())).toList();
        assertTrue(imported.stream().allMatch(c -> messages(c).isEmpty()), "nothing queued by the import");

        assertEquals(2, f.partnerSync.queueMissing());
        for (Customer c : imported) {
            await(c.getCode() + " is a business partner", () -> f.customers.get(c.getId()).getErpPartnerNo() != null);
            assertEquals(c.getName(), partner(c).name());
        }
        assertEquals(0, f.partnerSync.queueMissing(), "each customer once");
        assertEquals(1, messages(imported.get(0)).size());
    }
}
