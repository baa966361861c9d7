package org.guanxi.marketing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Campaign;
import org.guanxi.core.model.CampaignStatus;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.LeadSource;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.RecipientStatus;
import org.guanxi.core.model.Role;
import org.guanxi.core.model.ResponseKind;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.SkipReason;
import org.guanxi.core.model.SuppressionReason;
import org.guanxi.core.model.Tier;
import org.guanxi.marketing.api.CampaignService.Audience;
import org.guanxi.marketing.api.CampaignService.Preview;
import org.guanxi.marketing.api.CampaignService.RecipientRow;
import org.guanxi.marketing.api.CampaignService.Results;
import org.guanxi.marketing.api.CampaignService.SendProgress;
import org.guanxi.marketing.api.CampaignService.SendReport;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns sent through a real SMTP server: merge fields, languages, opt-out, suppression, resumption, results. */
class CampaignServiceTest {

    @TempDir
    Path dir;

    private static final SendProgress ALL = new SendProgress() {
        @Override
        public void progress(int done, int total) {
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    };

    static Segment vips(MarketingFixture f, String name) {
        Segment s = new Segment();
        s.setName(name);
        s.setTiers(EnumSet.of(Tier.VIP));
        return f.campaigns.saveSegment(s);
    }

    static Campaign campaign(MarketingFixture f, Segment s) {
        Campaign k = new Campaign();
        k.setName("中秋 VIP 品鉴会");
        k.setSegmentId(s.getId());
        k.setSenderName("华东销售部");
        k.setSubjectZh("${name}，诚邀您参加中秋品鉴会");
        k.setBodyZh("尊敬的${contact}：\n\n${sender}诚邀${name}（客户编号 ${code}）参加中秋品鉴会。\n\n${unsubscribe}");
        k.setSubjectEn("${name}, join our Mid-Autumn tasting");
        k.setBodyEn("Dear ${contact},\n\n${sender} invites you to our Mid-Autumn tasting in ${city}.");
        k.setCost(new BigDecimal("10000"));
        return f.campaigns.save(k);
    }

    private static Map<String, MarketingFixture.Mail> byRecipient(List<MarketingFixture.Mail> mails) {
        return mails.stream().collect(Collectors.toMap(MarketingFixture.Mail::to, m -> m));
    }

    @Test
    void marketingRunsCampaignsWithoutThePipelineAndReadersRunNone() throws Exception {
        try (MarketingFixture f = MarketingFixture.open(dir)) {
            Customer zhang = f.customer("张伟", "zhang.wei@example.cn", true, Tier.VIP);
            Lead lead = new Lead();
            lead.setPersonName("张伟");
            lead.setSource(LeadSource.CAMPAIGN);
            Lead saved = f.leads.save(lead);

            f.signIn("mei", Role.MARKETING);
            Campaign k = campaign(f, vips(f, "VIP 客户"));
            assertEquals(new SendReport(1, 0, 0, 0, false), f.campaigns.send(k.getId(), ALL));
            f.campaigns.respond(k.getId(), zhang.getId(), ResponseKind.ENQUIRY, "想了解团购价格", null, null);
            assertEquals(1, f.campaigns.results(k.getId()).responses().get(ResponseKind.ENQUIRY));
            assertThrows(PermissionDeniedException.class,
                    () -> f.campaigns.respond(k.getId(), zhang.getId(), ResponseKind.LEAD, null, saved.getId(), null),
                    "linking a lead is the pipeline's business");
            Lead other = new Lead();
            other.setPersonName("李娜");
            other.setSource(LeadSource.CAMPAIGN);
            assertThrows(PermissionDeniedException.class, () -> f.leads.save(other));
            f.campaigns.unsubscribe("Zhang.Wei@example.cn", k.getId());
            assertEquals(SuppressionReason.UNSUBSCRIBED, f.campaigns.suppressed("zhang.wei@example.cn"));
            assertTrue(f.customers.get(zhang.getId()).isConsentEmail(),
                    "marketing suppresses the address; the customer's keeper withdraws the consent");

            f.signIn("reader", "READONLY");
            assertThrows(PermissionDeniedException.class, () -> vips(f, "只读者的分群"));
            assertThrows(PermissionDeniedException.class, () -> f.campaigns.send(k.getId(), ALL));
        }
    }

    @Test
    void aCampaignReachesTheSegmentWithItsMergeFieldsAndSkipsWhoMustNotBeMailed() throws Exception {
        try (MarketingFixture f = MarketingFixture.open(dir)) {
            Customer zhang = f.customer("张伟", "zhang.wei@example.cn", true, Tier.VIP);
            Customer anna = f.customer("Anna Garcia", "Anna.Garcia@example.com", true, Tier.VIP);
            Customer li = f.customer("李娜", "li.na@example.cn", false, Tier.VIP);
            Customer noMail = f.customer("王芳", null, true, Tier.VIP);
            Customer gone = f.customer("赵磊", "zhao.lei@example.cn", true, Tier.VIP);
            f.customer("Dave Ordinary", "dave@example.com", true, Tier.ORDINARY);
            f.campaigns.unsubscribe("ZHAO.LEI@example.cn ", null);
            org.guanxi.core.model.ConsentEvent withdrawn = f.customers.consentHistory(gone.getId()).get(0);
            assertEquals(List.of(org.guanxi.core.model.Consent.EMAIL, false, org.guanxi.core.model.ConsentSource.UNSUBSCRIBE),
                    List.of(withdrawn.consent(), withdrawn.granted(), withdrawn.source()), "the withdrawal is in the ledger");
            assertFalse(f.customers.get(gone.getId()).isConsentEmail());

            Segment s = vips(f, "VIP 客户");
            Audience a = f.campaigns.audience(s);
            assertEquals(5, a.matching());
            assertEquals(2, a.reachable());
            assertEquals(Map.of(SkipReason.NO_CONSENT, 1, SkipReason.NO_EMAIL, 1, SkipReason.SUPPRESSED, 1), a.skipped());

            Campaign k = campaign(f, s);
            SendReport report = f.campaigns.send(k.getId(), ALL);
            assertEquals(new SendReport(2, 0, 0, 0, false), report);
            assertEquals(CampaignStatus.COMPLETED, f.campaigns.get(k.getId()).getStatus());

            List<MarketingFixture.Mail> received = f.mails(2);
            assertEquals(2, received.size(), "exactly the two reachable customers");
            Map<String, MarketingFixture.Mail> mail = byRecipient(received);

            MarketingFixture.Mail zh = mail.get("zhang.wei@example.cn");
            assertEquals("张伟，诚邀您参加中秋品鉴会", zh.subject());
            assertEquals("尊敬的张伟：\n\n华东销售部诚邀张伟（客户编号 " + zhang.getCode() + "）参加中秋品鉴会。\n\n"
                    + "如不希望再收到此类邮件，请直接回复\"退订\"。", zh.text());
            assertTrue(zh.from().contains("marketing@guanxi.example"), zh.from());
            assertEquals("<mailto:marketing@guanxi.example?subject=unsubscribe>", zh.listUnsubscribe());

            MarketingFixture.Mail en = mail.get("anna.garcia@example.com");
            assertEquals("Anna Garcia, join our Mid-Autumn tasting", en.subject());
            assertEquals("Dear Anna Garcia,\n\n华东销售部 invites you to our Mid-Autumn tasting in 上海.\n\n--\n"
                    + "To stop receiving these e-mails, reply with the word UNSUBSCRIBE.", en.text(),
                    "the opt-out line is added when the template lacks it");

            Map<Long, RecipientRow> rows = f.campaigns.recipients(k.getId(), 100).stream()
                    .collect(Collectors.toMap(RecipientRow::customerId, r -> r));
            assertEquals(5, rows.size());
            assertEquals(RecipientStatus.SENT, rows.get(zhang.getId()).status());
            assertEquals("zh", rows.get(zhang.getId()).lang());
            assertEquals("en", rows.get(anna.getId()).lang());
            assertEquals(SkipReason.NO_CONSENT, rows.get(li.getId()).reason());
            assertEquals(SkipReason.NO_EMAIL, rows.get(noMail.getId()).reason());
            assertEquals(SkipReason.SUPPRESSED, rows.get(gone.getId()).reason());

            Results r = f.campaigns.results(k.getId());
            assertEquals(5, r.recipients());
            assertEquals(2, r.sent());
            assertEquals(3, r.skipped());
            assertEquals(0, r.pending());

            GuanxiException again = assertThrows(GuanxiException.class, () -> f.campaigns.send(k.getId(), ALL));
            assertEquals("error.campaignStatus", again.getKey());
            assertEquals(2, f.mails(2).size(), "a completed campaign is never sent twice");
        }
    }

    @Test
    void anUnsubscribedCustomerIsNeverMailedAgainEvenByACampaignAlreadyUnderWay() throws Exception {
        try (MarketingFixture f = MarketingFixture.open(dir)) {
            Customer first = f.customer("Alice First", "alice@example.com", true, Tier.VIP);
            Customer second = f.customer("Bob Second", "bob@example.com", true, Tier.VIP);
            Customer third = f.customer("Carol Third", "carol@example.com", true, Tier.VIP);
            Segment s = vips(f, "VIP");
            Campaign k = campaign(f, s);

            // stop after the first message, as a user pressing Stop would
            SendReport paused = f.campaigns.send(k.getId(), new SendProgress() {
                int done;

                @Override
                public void progress(int d, int total) {
                    done = d;
                }

                @Override
                public boolean stopRequested() {
                    return done >= 1;
                }
            });
            assertTrue(paused.stopped());
            assertEquals(1, paused.sent());
            assertEquals(2, paused.remaining());
            assertEquals(CampaignStatus.PAUSED, f.campaigns.get(k.getId()).getStatus());

            // Bob replies "unsubscribe" while the campaign is paused
            f.campaigns.unsubscribe("bob@example.com", k.getId());
            assertFalse(f.customers.get(second.getId()).isConsentEmail(), "consent withdrawn on the customer");
            assertEquals(SuppressionReason.UNSUBSCRIBED, f.campaigns.suppressed("Bob@Example.com"));
            assertTrue(f.audit.history("Customer", second.getId()).stream()
                    .anyMatch(e -> "consentEmail".equals(e.getField())), "the opt-out is audited");

            SendReport resumed = f.campaigns.send(k.getId(), ALL);
            assertEquals(1, resumed.sent(), "only Carol is left to mail");
            List<String> to = f.mails(2).stream().map(MarketingFixture.Mail::to).sorted().toList();
            assertEquals(List.of("alice@example.com", "carol@example.com"), to);
            Map<Long, RecipientRow> rows = f.campaigns.recipients(k.getId(), 10).stream()
                    .collect(Collectors.toMap(RecipientRow::customerId, r -> r));
            assertEquals(RecipientStatus.SENT, rows.get(first.getId()).status());
            assertEquals(SkipReason.SUPPRESSED, rows.get(second.getId()).reason());
            assertEquals(RecipientStatus.SENT, rows.get(third.getId()).status());
            assertEquals(1, f.campaigns.results(k.getId()).responses().get(ResponseKind.UNSUBSCRIBED));

            // and no later campaign reaches Bob, even if his consent were ticked again by mistake
            Customer bob = f.customers.get(second.getId());
            bob.setConsentEmail(true);
            f.customers.save(bob);
            Campaign next = campaign(f, s);
            f.campaigns.send(next.getId(), ALL);
            List<MarketingFixture.Mail> all = f.mails(4);
            assertEquals(4, all.size());
            assertTrue(all.stream().noneMatch(m -> m.to().equals("bob@example.com")));
        }
    }

    @Test
    void aCampaignCancelledWhileItSendsStopsThereAndStaysCancelled() throws Exception {
        try (MarketingFixture f = MarketingFixture.open(dir)) {
            f.customer("Alice First", "alice@example.com", true, Tier.VIP);
            f.customer("Bob Second", "bob@example.com", true, Tier.VIP);
            f.customer("Carol Third", "carol@example.com", true, Tier.VIP);
            Campaign k = campaign(f, vips(f, "VIP"));

            // a colleague cancels the campaign once the first message is out
            SendReport report = f.campaigns.send(k.getId(), new SendProgress() {
                @Override
                public void progress(int done, int total) {
                    if (done == 1) {
                        f.campaigns.cancel(k.getId());
                    }
                }

                @Override
                public boolean stopRequested() {
                    return false;
                }
            });
            assertTrue(report.stopped());
            assertEquals(1, report.sent());
            assertEquals(2, report.remaining());
            assertEquals(CampaignStatus.CANCELLED, f.campaigns.get(k.getId()).getStatus(), "the run does not mark it completed");
            assertEquals(1, f.mails(1).size(), "the send returned: what was sent has arrived, and only that");
        }
    }

    @Test
    void previewAndTestSendRenderForOneCustomerAndRecordNothing() throws Exception {
        try (MarketingFixture f = MarketingFixture.open(dir)) {
            Customer zhang = f.customer("张伟", "zhang.wei@example.cn", true, Tier.VIP);
            Campaign k = campaign(f, vips(f, "VIP"));

            Preview p = f.campaigns.preview(k, zhang.getId());
            assertEquals("zh", p.lang());
            assertEquals("zhang.wei@example.cn", p.to());
            assertEquals("张伟，诚邀您参加中秋品鉴会", p.subject());

            Preview sent = f.campaigns.testSend(k, zhang.getId(), "reviewer@guanxi.example");
            assertEquals("【测试】张伟，诚邀您参加中秋品鉴会", sent.subject());
            MarketingFixture.Mail m = f.mails(1).get(0);
            assertEquals("reviewer@guanxi.example", m.to());
            assertEquals("【测试】张伟，诚邀您参加中秋品鉴会", m.subject());
            assertTrue(f.campaigns.recipients(k.getId(), 10).isEmpty(), "a test send is not a send");
            assertEquals(CampaignStatus.DRAFT, f.campaigns.get(k.getId()).getStatus());
        }
    }

    @Test
    void unknownMergeFieldsAreRefusedWithTheListOfKnownOnes() throws Exception {
        try (MarketingFixture f = MarketingFixture.open(dir)) {
            Campaign k = new Campaign();
            k.setName("Typo");
            k.setSubjectZh("${nmae}，您好");
            k.setBodyZh("正文 $${literal} ${name}");
            ValidationException e = assertThrows(ValidationException.class, () -> f.campaigns.save(k));
            assertEquals(1, e.getErrors().size());
            assertEquals("subjectZh", e.getErrors().get(0).field());
            assertTrue(e.getMessage().contains("nmae"), e.getMessage());
            assertTrue(e.getMessage().contains("contact"), e.getMessage());
        }
    }

    @Test
    void bouncesAreSuppressedAndResponsesLinkedToLeadsAndDealsGiveTheReturn() throws Exception {
        try (MarketingFixture f = MarketingFixture.open(dir)) {
            Customer zhang = f.customer("张伟", "zhang.wei@example.cn", true, Tier.VIP);
            Customer anna = f.customer("Anna Garcia", "anna@example.com", true, Tier.VIP);
            Campaign k = campaign(f, vips(f, "VIP"));
            f.campaigns.send(k.getId(), ALL);

            f.campaigns.recordBounce("anna@example.com", "550 5.1.1 <anna@example.com>: user unknown");
            assertEquals(SuppressionReason.BOUNCED, f.campaigns.suppressed("anna@example.com"));
            RecipientRow annaRow = f.campaigns.recipients(k.getId(), 10).stream()
                    .filter(r -> r.customerId() == anna.getId()).findFirst().orElseThrow();
            assertEquals(RecipientStatus.BOUNCED, annaRow.status());
            assertTrue(annaRow.error().contains("<anna@example.com>: user unknown"), annaRow.error());
            long annaId = anna.getId();
            Preview shown = f.campaigns.preview(k, zhang.getId());
            f.signIn("mei", Role.MARKETING);
            // marketing sees the address masked, in the mail server's refusal and the preview too
            RecipientRow masked = f.campaigns.recipients(k.getId(), 10).stream().filter(r -> r.customerId() == annaId)
                    .findFirst().orElseThrow();
            assertEquals("a***@example.com", masked.email());
            assertEquals("550 5.1.1 <a***@example.com>: user unknown", masked.error());
            assertEquals("z***@example.cn", f.campaigns.preview(k, zhang.getId()).to());
            assertEquals(shown.body(), f.campaigns.preview(k, zhang.getId()).body());
            f.security.signInAsProcess();

            Lead lead = new Lead();
            lead.setPersonName("张伟");
            lead.setSource(LeadSource.CAMPAIGN);
            lead = f.leads.save(lead);
            f.campaigns.respond(k.getId(), zhang.getId(), ResponseKind.LEAD, "想了解团购价格", lead.getId(), null);
            assertEquals(k.getId(), f.leads.get(lead.getId()).getCampaignId());

            Opportunity o = new Opportunity();
            o.setCustomerId(zhang.getId());
            o.setName("中秋礼盒团购");
            o.setAmount(new BigDecimal("50000"));
            o.setStage(SalesStage.PROPOSAL);
            o.setExpectedClose(AppClock.today().plusDays(20));
            o = f.opportunities.save(o);
            f.campaigns.respond(k.getId(), zhang.getId(), ResponseKind.OPPORTUNITY, null, null, o.getId());
            Opportunity open = f.opportunities.get(o.getId());
            assertEquals(k.getId(), open.getCampaignId());

            Results before = f.campaigns.results(k.getId());
            assertEquals(new BigDecimal("50000.00"), before.pipeline());
            assertEquals(0, before.won().signum());
            assertEquals(new BigDecimal("-1.0000"), before.roi(), "nothing won yet: the whole cost is lost");

            f.opportunities.move(open.getId(), open.getVersion(), SalesStage.WON, "price accepted");
            Results r = f.campaigns.results(k.getId());
            assertEquals(1, r.sent());
            assertEquals(1, r.bounced());
            assertEquals(1, r.leads());
            assertEquals(1, r.opportunities());
            assertEquals(new BigDecimal("50000.00"), r.won());
            assertEquals(new BigDecimal("4.0000"), r.roi(), "(50,000 − 10,000) / 10,000");
            assertEquals(Map.of(ResponseKind.BOUNCED, 1, ResponseKind.LEAD, 1, ResponseKind.OPPORTUNITY, 1), r.responses());
            assertEquals(2.0, r.responseRate(), 1e-9, "two answers to one delivered message");
            assertNull(f.campaigns.suppressed("zhang.wei@example.cn"));
        }
    }
}
