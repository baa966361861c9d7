package org.guanxi.marketing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guanxi.core.model.Segment;
import org.guanxi.core.model.SkipReason;
import org.guanxi.core.model.Tier;
import org.guanxi.marketing.api.SurveyInvitations.Sent;
import org.guanxi.marketing.SurveyInvitationsImpl;
import org.guanxi.service.SurveyServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survey invitations through a real SMTP server: each reachable customer of the segment gets a personal link in their
 * language, the others are counted by reason, and nobody is invited twice within the quiet days.
 */
class SurveyInvitationsTest {

    @TempDir
    Path dir;

    private MarketingFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = MarketingFixture.open(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void eachReachableCustomerGetsAPersonalLinkOnce() throws Exception {
        f.customer("王芳", "wang.fang@example.cn", true, Tier.VIP);
        f.customer("Anna Brown", "anna.brown@example.com", true, Tier.MAJOR);
        f.customer("赵静", "zhao.jing@example.cn", false, Tier.MAJOR);
        f.customer("孙无邮", null, true, Tier.SMALL);
        Segment shanghai = new Segment();
        shanghai.setName("上海客户");
        shanghai.setCities(List.of("上海"));
        long segment = f.campaigns.saveSegment(shanghai).getId();
        SurveyServiceImpl surveys = new SurveyServiceImpl(f.db, f.security, f.audit);
        long csi = surveys.survey("CSI").getId();
        SurveyInvitationsImpl invitations = new SurveyInvitationsImpl(f.db, f.security, f.campaigns, surveys,
                token -> "https://survey.example.cn/survey/" + token);

        Sent sent = invitations.invite(csi, segment, p -> { });
        assertEquals(2, sent.invited());
        assertEquals(Map.of(SkipReason.NO_CONSENT, 1, SkipReason.NO_EMAIL, 1), sent.skipped());
        List<MarketingFixture.Mail> mails = f.mails(2);
        MarketingFixture.Mail zh = mails.stream().filter(m -> m.to().equals("wang.fang@example.cn")).findFirst().orElseThrow();
        assertEquals("王芳，邀请您参加客户满意度调查（约两分钟）", zh.subject());
        Matcher link = Pattern.compile("https://survey\\.example\\.cn/survey/([A-Za-z0-9_-]{43})").matcher(zh.text());
        assertTrue(link.find(), zh.text());
        assertEquals("王芳", surveys.invitation(link.group(1)).orElseThrow().customerName(), "the link is the customer's own");
        MarketingFixture.Mail en = mails.stream().filter(m -> m.to().equals("anna.brown@example.com")).findFirst().orElseThrow();
        assertTrue(en.subject().startsWith("Anna Brown, how did we do?"), en.subject());

        Sent again = invitations.invite(csi, segment, p -> { });
        assertEquals(0, again.invited());
        assertEquals(2, again.recentlyInvited(), "invited within 90 days: left alone");
    }
}
