package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.guanxi.core.model.AuditEntry;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Interaction;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.ValidationException;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.customer.InteractionServiceImpl;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionServiceTest {

    @TempDir
    Path tmp;

    private JpaDatabase db;
    private AuditLogImpl audit;
    private InteractionServiceImpl service;
    private long customerId;
    private Locale locale;

    @BeforeEach
    void setUp() throws Exception {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        db = JpaDatabase.openEmbedded(tmp.resolve("db"));
        SecurityServiceImpl security = new SecurityServiceImpl(db);
        security.signInOsUser();
        audit = new AuditLogImpl(db, security);
        Customer c = new Customer();
        c.setName("杭州新锐电子有限公司");
        customerId = new CustomerServiceImpl(db, security, audit).save(c).getId();
        service = new InteractionServiceImpl(db, security, audit);
    }

    @AfterEach
    void tearDown() {
        db.close();
        Locale.setDefault(locale);
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
        assertEquals(System.getProperty("user.name"), timeline.get(0).getUser());
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
