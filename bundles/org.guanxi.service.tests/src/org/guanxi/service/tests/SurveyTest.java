package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Construct;
import org.guanxi.core.model.ResponseSource;
import org.guanxi.core.model.Survey;
import org.guanxi.core.model.SurveyQuestion;
import org.guanxi.core.service.SurveyService.Figures;
import org.guanxi.core.service.SurveyService.Grouping;
import org.guanxi.core.service.SurveyService.ImportResult;
import org.guanxi.core.service.SurveyService.NewResponse;
import org.guanxi.core.service.SurveyService.Satisfaction;
import org.guanxi.core.service.ValidationException;
import org.guanxi.service.SurveyServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surveys: CSI, construct scores and NPS against a hand computation, per tier; imports with bad lines. */
class SurveyTest {

    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    private ServiceFixture f;
    private SurveyServiceImpl surveys;
    private Survey survey;
    private long quality;
    private long satisfaction;
    private long recommend;
    private long vip;
    private long plain;

    @BeforeEach
    void open() throws Exception {
        f = new ServiceFixture(dir);
        surveys = new SurveyServiceImpl(f.db, f.security, f.audit);
        Survey s = new Survey();
        s.setCode("T1");
        s.setName("回访问卷");
        s.addQuestion(new SurveyQuestion("产品质量", "Product quality", Construct.PERCEIVED_QUALITY, 1, 5, 2));
        s.addQuestion(new SurveyQuestion("总体满意", "Overall satisfaction", Construct.SATISFACTION, 1, 10, 1));
        s.addQuestion(new SurveyQuestion("推荐意愿", "Would recommend", Construct.RECOMMEND, 0, 10, 1));
        survey = surveys.save(s);
        quality = survey.getQuestions().get(0).getId();
        satisfaction = survey.getQuestions().get(1).getId();
        recommend = survey.getQuestions().get(2).getId();
        vip = f.customer("C-A", "甲公司");
        f.tier(vip, "VIP");
        plain = f.customer("C-B", "乙");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void respond(long customer, Integer q, Integer s, Integer r) {
        Map<Long, Integer> scores = new HashMap<>();
        scores.put(quality, q);
        scores.put(satisfaction, s);
        scores.put(recommend, r);
        surveys.record(new NewResponse(survey.getId(), customer, null, null, ResponseSource.CALL, AppClock.now(), scores, null));
    }

    @Test
    void csiConstructsAndNpsMatchAHandComputation() {
        respond(vip, 5, 10, 10);    // quality 100, satisfaction 100 → CSI (2·100 + 100) / 3 = 100; promoter
        respond(vip, 3, 4, 7);      // quality 50, satisfaction 33.33 → CSI (2·50 + 33.33) / 3 = 44.44; passive
        respond(plain, 1, null, 3); // quality 0 → CSI 0; detractor
        respond(plain, null, null, 9); // recommend only: no CSI; promoter

        Satisfaction all = surveys.satisfaction(survey.getId(), AppClock.today(), AppClock.today(), Grouping.TIER);
        Figures t = all.total();
        assertEquals(4, t.responses());
        assertEquals((100 + 400.0 / 9 + 0) / 3, t.csi(), EPS, "48.15");
        assertEquals(50, t.constructs().get(Construct.PERCEIVED_QUALITY), EPS, "(100 + 50 + 0) / 3");
        assertEquals((100 + 100.0 / 3) / 2, t.constructs().get(Construct.SATISFACTION), EPS, "66.67");
        assertEquals(4, t.recommenders());
        assertEquals(2, t.promoters());
        assertEquals(1, t.passives());
        assertEquals(1, t.detractors());
        assertEquals(25, t.nps(), EPS, "(2 − 1) / 4");

        assertEquals(List.of("VIP", "ORDINARY"), all.groups().stream().map(Figures::group).toList());
        assertEquals((100 + 400.0 / 9) / 2, all.groups().get(0).csi(), EPS);
        assertEquals(50, all.groups().get(0).nps(), EPS);
        assertEquals(0, all.groups().get(1).csi(), EPS);
        assertEquals(0, all.groups().get(1).nps(), EPS, "one promoter, one detractor");

        Satisfaction months = surveys.satisfaction(survey.getId(), AppClock.today().minusMonths(1), AppClock.today(), Grouping.MONTH);
        assertEquals(1, months.groups().size());
        assertEquals(AppClock.today().toString().substring(0, 7), months.groups().get(0).group());
        assertEquals(0, surveys.satisfaction(survey.getId(), AppClock.today().minusDays(9), AppClock.today().minusDays(1),
                Grouping.TIER).total().responses());
    }

    @Test
    void scoresOffTheScaleAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> respond(vip, 6, 5, 5));
        assertEquals("question.1.score", e.getErrors().get(0).field());
        assertThrows(ValidationException.class, () -> respond(vip, null, null, null), "at least one answer");
    }

    @Test
    void theDesignerMayRewordAnsweredQuestionsButNotRemoveOrRescaleThem() {
        respond(vip, 4, 8, 9);
        Survey draft = surveys.survey(survey.getId());
        draft.getQuestions().remove(0);
        ValidationException removed = assertThrows(ValidationException.class, () -> surveys.save(draft));
        assertEquals("error.questionAnswered", removed.getErrors().get(0).key());

        Survey rescaled = surveys.survey(survey.getId());
        rescaled.getQuestions().get(1).setScaleMax(5);
        assertEquals("error.questionRescaled", assertThrows(ValidationException.class, () -> surveys.save(rescaled))
                .getErrors().get(0).key());

        Survey reworded = surveys.survey(survey.getId());
        reworded.getQuestions().get(0).setText("产品质量如何？");
        reworded.getQuestions().get(0).setWeight(3);
        SurveyQuestion extra = new SurveyQuestion("再次购买意愿", "Would buy again", Construct.LOYALTY, 1, 10, 1);
        reworded.getQuestions().add(1, extra);
        Survey saved = surveys.save(reworded);
        assertEquals(List.of("产品质量如何？", "再次购买意愿", "总体满意", "推荐意愿"),
                saved.getQuestions().stream().map(SurveyQuestion::getText).toList());
        assertEquals(quality, saved.getQuestions().get(0).getId(), "the answered question keeps its id and its answers");
        assertEquals(List.of(1, 2, 3, 4), saved.getQuestions().stream().map(SurveyQuestion::getSeq).toList());
    }

    @Test
    void theStandardSurveyIsSeeded() {
        Survey csi = surveys.survey("CSI");
        assertEquals(8, csi.getQuestions().size());
        assertEquals(Construct.RECOMMEND, csi.getQuestions().get(7).getConstruct());
        assertEquals(0, csi.getQuestions().get(7).getScaleMin());
    }

    @Test
    void anImportTakesEveryLineOrNoneAndNamesTheBadOnes() throws Exception {
        // answers of November 2026, imported in December (a later answer would lie in the future)
        java.time.Clock clock = org.guanxi.core.AppClock.set(java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T02:00:00Z"),
                org.guanxi.core.AppClock.zone()));
        try {
            importEveryLineOrNone();
        } finally {
            org.guanxi.core.AppClock.set(clock);
        }
    }

    private void importEveryLineOrNone() throws Exception {
        Path csv = dir.resolve("回访-2026-11.csv");
        Files.writeString(csv, """
                customer_code,date,Q1,Q2,Q3,comment
                C-A,2026-11-02,5,9,10,很好
                C-X,2026-11-03,4,8,9,
                C-B,2026-11-04,7,8,9,
                C-B,2026-11-05,4,,6,送货慢
                """, StandardCharsets.UTF_8);
        ImportResult r = surveys.importResponses(survey.getId(), csv);
        assertEquals(0, r.imported(), "a file with bad lines is not half-imported");
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("回访-2026-11.csv") && r.problems().get(0).contains("3")
                && r.problems().get(0).contains("customer_code"), r.problems().get(0));
        assertTrue(r.problems().get(1).contains("4") && r.problems().get(1).contains("Q1"), r.problems().get(1));
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        assertEquals(0, surveys.satisfaction(survey.getId(), from, to, Grouping.SOURCE).total().responses());

        // the same answers saved by Excel on a Chinese Windows (GB18030), corrected: all of them come in
        Files.write(csv, """
                customer_code,date,Q1,Q2,Q3,comment
                C-A,2026-11-02,5,9,10,很好
                C-B,2026-11-04,3,8,9,
                C-B,2026-11-05,4,,6,送货慢
                """.getBytes(java.nio.charset.Charset.forName("GB18030")));
        r = surveys.importResponses(survey.getId(), csv);
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.imported());
        assertEquals(3, surveys.satisfaction(survey.getId(), from, to, Grouping.SOURCE).total().responses());
    }
}
