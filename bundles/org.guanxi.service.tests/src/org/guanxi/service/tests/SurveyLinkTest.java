package org.guanxi.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.guanxi.core.model.Survey;
import org.guanxi.core.service.SurveyService.Invitation;
import org.guanxi.http.internal.LocalHttpHost;
import org.guanxi.service.SurveyForm;
import org.guanxi.service.SurveyLinkAddress;
import org.guanxi.service.SurveyServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An e-mail invitation's link on the local HTTP host, over a real socket: the form in the customer's language, the answers
 * stored once as a response of source EMAIL, a second submission and an unknown link refused.
 */
class SurveyLinkTest {

    @TempDir
    Path dir;

    private ServiceFixture f;
    private SurveyServiceImpl surveys;
    private final LocalHttpHost host = new LocalHttpHost();
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        f = new ServiceFixture(dir);
        surveys = new SurveyServiceImpl(f.db, f.security, f.audit);
        host.addEndpoint(new SurveyForm(surveys));
        base = "http://127.0.0.1:" + host.start("127.0.0.1", 0);
    }

    @AfterEach
    void tearDown() {
        host.stop();
        f.close();
    }

    @Test
    void aDamagedRequestGetsAnAnswerAndTheLinkKeepsWorking() throws Exception {
        long wang = f.customer("C1", "王芳");
        Survey csi = surveys.survey("CSI");
        Invitation inv = surveys.invite(csi.getId(), wang, null, "wang.fang@example.cn", 90).orElseThrow();
        HttpResponse<String> damaged = post(inv.token(), "q1=%E4%zz&comment=%");
        assertEquals(400, damaged.statusCode(), "not a dropped connection");
        assertTrue(damaged.body().contains("无法识别的请求") && damaged.body().contains("arrived damaged"));
        assertEquals(200, get("/survey/" + inv.token()).statusCode(), "the link is still open");
    }

    @Test
    void theLinksFormStoresTheAnswersOnce() throws Exception {
        long wang = f.customer("C1", "王芳");
        Survey csi = surveys.survey("CSI");
        Invitation inv = surveys.invite(csi.getId(), wang, null, "wang.fang@example.cn", 90).orElseThrow();
        assertTrue(inv.token().length() >= 43, "32 random bytes");
        assertTrue(surveys.invite(csi.getId(), wang, null, "wang.fang@example.cn", 90).isEmpty(), "not invited twice in 90 days");
        assertEquals(base + "/survey/" + inv.token(), new SurveyLinkAddress(host).url(inv.token()), "where the host serves");
        assertFalse(new SurveyLinkAddress(host).served(), "a host on 127.0.0.1 serves this desktop only: the screens warn");

        // customers reach the form through the company's web proxy: unlike the telephony adapter, it is public
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/survey/" + inv.token()))
                .header("X-Forwarded-For", "203.0.113.7").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("购买前，您对我们的产品和服务总体期望有多高？"), "the questions in the customer's language");
        assertTrue(form.body().contains("提交答卷"));

        assertEquals(400, post(inv.token(), "comment=").statusCode(), "nothing chosen: the form again, with the problem");
        long q1 = csi.getQuestions().get(0).getId();
        long q8 = csi.getQuestions().get(7).getId();
        HttpResponse<String> done = post(inv.token(), "q" + q1 + "=9&q" + q8 + "=10&comment=" + java.net.URLEncoder.encode(
                "送货很快 <b>谢谢</b>", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("感谢您的参与"));

        Invitation answered = surveys.invitation(inv.token()).orElseThrow();
        long response = answered.responseId();
        assertEquals("EMAIL", scalar("SELECT SOURCE FROM SURVEY_RESPONSE WHERE ID = " + response));
        assertEquals("送货很快 <b>谢谢</b>", scalar("SELECT COMMENT_TEXT FROM SURVEY_RESPONSE WHERE ID = " + response));
        assertEquals("2", scalar("SELECT COUNT(*) FROM SURVEY_ANSWER WHERE RESPONSE_ID = " + response));

        assertEquals(410, post(inv.token(), "q" + q1 + "=1").statusCode(), "a link answers once");
        assertEquals(410, get("/survey/" + inv.token()).statusCode());
        assertEquals("1", scalar("SELECT COUNT(*) FROM SURVEY_RESPONSE WHERE SOURCE = 'EMAIL'"));
        assertEquals(404, get("/survey/not-a-token").statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/survey/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String scalar(String sql) {
        return f.db.jdbc(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
