package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.KnowledgeArticle;
import org.guanxi.core.model.ServiceCase;
import org.guanxi.core.service.CaseService.NewCase;
import org.guanxi.core.service.ConflictException;
import org.guanxi.service.api.KnowledgeBase.Hit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Knowledge-base search in Chinese and English, and an article sent as a case's answer. */
class KnowledgeBaseTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private KnowledgeArticle refund;
    private KnowledgeArticle invoice;

    @BeforeEach
    void open() throws Exception {
        f = new ServiceFixture(dir);
        refund = article("退款多久到账？", "退款审核通过后，原路退回：微信、支付宝 1–3 个工作日到账，银行卡 3–7 个工作日。", "退款,到账,refund");
        invoice = article("如何申请增值税专用发票", "在订单详情页点击“申请发票”，填写公司名称、税号、开户行及账号。", "发票,税号,invoice");
        article("Warranty period of air conditioners", "Air conditioners carry a six-year warranty on the compressor.", "warranty");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private KnowledgeArticle article(String title, String body, String tags) {
        KnowledgeArticle a = new KnowledgeArticle();
        a.setTitle(title);
        a.setBody(body);
        a.setTags(tags);
        return f.knowledge.save(a);
    }

    @Test
    void chineseQuestionsWithoutSpacesFindTheirArticle() {
        List<Hit> hits = f.knowledge.search("客户问退款什么时候能到账", 5);
        assertEquals(refund.getId(), hits.get(0).id());
        assertTrue(hits.stream().noneMatch(h -> h.id() == invoice.getId()), "nothing about invoices: " + hits);
        assertEquals(invoice.getId(), f.knowledge.search("专用发票 税号", 5).get(0).id());
        assertTrue(f.knowledge.search("compressor WARRANTY", 5).get(0).title().startsWith("Warranty"));
        assertTrue(f.knowledge.search("快递丢件", 5).isEmpty());
        assertTrue(hits.get(0).excerpt().contains("到账"), hits.get(0).excerpt());
    }

    @Test
    void anArticleAnswersACaseAndCountsItsUse() {
        long customer = f.customer("C-1", "张三");
        ServiceCase c = f.cases.open(new NewCase(customer, CaseKind.REQUEST, CasePhase.AFTER_SALE, CasePriority.NORMAL,
                Channel.WECHAT, null, "退款还没到", null, null));
        ServiceCase answered = f.cases.answerWith(c.getId(), refund.getId());
        assertEquals(refund.getId(), answered.getArticleId());
        assertEquals(refund.getBody(), answered.getAnswer());
        assertTrue(answered.getFirstResponseAt() != null);
        assertEquals(1, f.knowledge.article(refund.getId()).getUses());
        assertEquals(refund.getId(), f.knowledge.popular(1).get(0).id(), "the most used article comes first");
    }

    @Test
    void aStaleEditIsAConflict() {
        KnowledgeArticle first = f.knowledge.article(invoice.getId());
        KnowledgeArticle second = f.knowledge.article(invoice.getId());
        first.setBody(first.getBody() + " 电子发票当天开具。");
        f.knowledge.save(first);
        second.setTitle("增值税发票");
        assertThrows(ConflictException.class, () -> f.knowledge.save(second));
        assertTrue(f.knowledge.search("电子发票", 3).get(0).excerpt().contains("电子发票"), "the saved text is found at once");
    }
}
