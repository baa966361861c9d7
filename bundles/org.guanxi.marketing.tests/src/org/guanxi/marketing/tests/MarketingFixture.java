package org.guanxi.marketing.tests;

import org.guanxi.testing.TestSession;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Tier;
import org.guanxi.marketing.api.CampaignService.MailSettings;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.marketing.CampaignServiceImpl;
import org.guanxi.marketing.MailLoader;
import org.guanxi.sales.LeadServiceImpl;
import org.guanxi.sales.OpportunityServiceImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

/**
 * A test session with the campaign service wired as DS would, and a real SMTP server (GreenMail) on a free
 * port of 127.0.0.1 that the mail settings point at.
 */
final class MarketingFixture extends TestSession {

    final CustomerServiceImpl customers;
    final LeadServiceImpl leads;
    final OpportunityServiceImpl opportunities;
    final CampaignServiceImpl campaigns;
    final GreenMail smtp;

    private MarketingFixture(Path dir) throws SQLException {
        super(dir);
        customers = new CustomerServiceImpl(db, security, audit, outbox);
        leads = new LeadServiceImpl(db, security, audit, customers);
        opportunities = new OpportunityServiceImpl(db, security, audit);
        campaigns = new CampaignServiceImpl(db, security, audit);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MailLoader.call(() -> {
            smtp.start(); // its threads inherit the context class loader they parse messages with
            return null;
        });
        campaigns.saveMailSettings(new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), false, "",
                "marketing@guanxi.example", "关系 CRM", 60_000));
    }

    static MarketingFixture open(Path dir) throws SQLException {
        return new MarketingFixture(dir);
    }

    /** A customer with an e-mail address (or none), consent to marketing e-mail, and a pyramid tier from a value run. */
    Customer customer(String name, String email, boolean consent, Tier tier) {
        Customer c = new Customer();
        c.setKind(PartyKind.PERSON);
        c.setName(name);
        c.setEmail(email);
        c.setConsentEmail(consent);
        c.setCity("上海");
        c = customers.save(c);
        tier(c.getId(), tier.name());
        return c;
    }

    /** A received message as a reader sees it. */
    record Mail(String to, String from, String subject, String text, String listUnsubscribe) {
    }

    /** Waits until at least {@code count} messages have arrived (at most 10 s), then returns all received. */
    List<Mail> mails(int count) throws MessagingException {
        if (!smtp.waitForIncomingEmail(10_000, count)) {
            throw new AssertionError("expected " + count + " messages, got " + smtp.getReceivedMessages().length);
        }
        return MailLoader.call(() -> {
            List<Mail> out = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String[] unsubscribe = m.getHeader("List-Unsubscribe");
                try {
                    out.add(new Mail(m.getAllRecipients()[0].toString(), m.getFrom()[0].toString(), m.getSubject(),
                            new String(m.getInputStream().readAllBytes(),
                                    new ContentType(m.getContentType()).getParameter("charset")).replace("\r\n", "\n").strip(),
                            unsubscribe == null ? null : unsubscribe[0]));
                } catch (java.io.IOException e) {
                    throw new MessagingException(e.getMessage(), e);
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        smtp.stop();
        super.close();
    }
}
