package org.guanxi.customer.tests;

import org.guanxi.core.persistence.OutboxRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Interaction;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.security.AuditLogImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionServiceTest {

    @TempDir
    Path tmp;

    private CustomerFixture fx;
    private AuditLogImpl audit;
    private InteractionServiceImpl service;
    private long customerId;

    @BeforeEach
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        audit = fx.audit;
        Customer c = new Customer();
        c.setName("杭州新锐电子有限公司");
        customerId = new CustomerServiceImpl(fx.db, fx.security, audit, new OutboxRepository(fx.db)).save(c).getId();
        service = new InteractionServiceImpl(fx.db, fx.security, audit);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void contactsAreLoggedAuditedAndReadNewestFirst() throws Exception {
        service.log(customerId, Channel.PHONE, "电话回访：产品使用情况", null);
        Thread.sleep(5);
        Interaction second = service.log(customerId, Channel.WECHAT, "  微信咨询：新品报价 ", "wants a quote by Friday");
        List<Interaction> timeline = service.timeline(customerId, 10);
        assertEquals(2, timeline.size());
        assertEquals(second.getId(), timeline.get(0).getId());
        assertEquals("微信咨询：新品报价", timeline.get(0).getSubject());
        // the signed-in user: the OS user on a standalone desktop, the database login on a team database
        assertEquals(fx.security.currentUser(), timeline.get(0).getUser());
        assertEquals(1, service.timeline(customerId, 1).size());
        assertTrue(audit.history("Interaction", second.getId()).stream().anyMatch(a -> a.getAction() == AuditEntry.Action.CREATE));
    }

    @Test
    void aContactNeedsASubjectAndAnExistingCustomer() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.log(customerId, Channel.PHONE, " ", null));
        assertTrue(e.getMessage().contains("Subject is required."), e.getMessage());
        assertThrows(NotFoundException.class, () -> service.log(987654321L, Channel.PHONE, "Hello", null));
        assertEquals(0, service.timeline(customerId, 10).size());
    }
}
