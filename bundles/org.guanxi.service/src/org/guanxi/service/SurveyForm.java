package org.guanxi.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;

import org.apache.commons.text.StringEscapeUtils;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.model.Survey;
import org.guanxi.core.model.SurveyQuestion;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.SurveyService;
import org.guanxi.core.service.SurveyService.Invitation;
import org.guanxi.core.service.ValidationException;
import org.guanxi.http.HttpEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.sun.net.httpserver.HttpExchange;

/**
 * The form behind a survey invitation's link: {@code GET /survey/TOKEN} shows the survey in the customer's language
 * (one row of choices per question), {@code POST} stores the answers as a response of source EMAIL, once. Served by
 * the product's local HTTP host ({@code -Dguanxi.http.port}), to the public: customers open it, usually through the
 * company's web proxy in front of the team server.
 */
@Component
public class SurveyForm implements HttpEndpoint {

    private static final Logger LOG = Logger.getLogger(SurveyForm.class.getName());

    private final SurveyService surveys;

    @Activate
    public SurveyForm(@Reference SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public String path() {
        return "/survey/";
    }

    @Override
    public boolean loopbackOnly() {
        return false;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (IllegalArgumentException e) {
            // a body or an address that does not decode (a stray "%"): said, not answered by a dropped connection
            LOG.info(() -> "Malformed survey request: " + e.getMessage());
            page(exchange, 400, texts("zh"), "badRequest.title", "<p>" + esc(texts("zh").getString("badRequest"))
                    + "</p><p lang=\"en\">" + esc(texts("en").getString("badRequest")) + "</p>");
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestURI().getPath().substring("/survey/".length());
        Optional<Invitation> found = surveys.invitation(token);
        if (found.isEmpty()) {
            page(exchange, 404, texts("zh"), "notFound.title", "<p>" + esc(texts("zh").getString("notFound")) + "</p>"
                    + "<p lang=\"en\">" + esc(texts("en").getString("notFound")) + "</p>");
            return;
        }
        Invitation inv = found.get();
        ResourceBundle t = texts(SearchKeys.hasHan(inv.customerName()) ? "zh" : "en");
        if (!inv.open(AppClock.now())) {
            page(exchange, 410, t, "closed.title", "<p>" + esc(t.getString("closed")) + "</p>");
            return;
        }
        Survey survey = surveys.surveyOf(inv);
        switch (exchange.getRequestMethod()) {
            case "GET" -> page(exchange, 200, t, null, form(survey, t, Map.of(), "", null));
            case "POST" -> answer(exchange, inv, survey, t);
            default -> page(exchange, 405, t, "closed.title", "");
        }
    }

    private void answer(HttpExchange exchange, Invitation inv, Survey survey, ResourceBundle t) throws IOException {
        Map<String, String> fields = form(new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8));
        Map<Long, Integer> scores = new LinkedHashMap<>();
        for (SurveyQuestion q : survey.getQuestions()) {
            String v = fields.get("q" + q.getId());
            if (v != null && v.matches("-?\\d{1,3}")) {
                scores.put(q.getId(), Integer.valueOf(v));
            }
        }
        String comment = fields.getOrDefault("comment", "");
        try {
            surveys.respond(inv.token(), scores, comment);
        } catch (ValidationException e) {
            page(exchange, 400, t, null, form(survey, t, scores, comment, t.getString("incomplete")));
            return;
        } catch (GuanxiException e) {
            page(exchange, 410, t, "closed.title", "<p>" + esc(t.getString("closed")) + "</p>");
            return;
        }
        page(exchange, 200, t, "thanks.title", "<p>" + esc(t.getString("thanks")) + "</p>");
    }

    /** The survey as a form; {@code scores} and {@code comment} as the customer left them, with a problem above. */
    private static String form(Survey survey, ResourceBundle t, Map<Long, Integer> scores, String comment, String problem) {
        boolean zh = "zh".equals(t.getLocale().getLanguage());
        StringBuilder h = new StringBuilder("<h1>").append(esc(survey.name(zh ? Locale.CHINESE : Locale.ENGLISH))).append("</h1>");
        h.append("<p>").append(esc(t.getString("intro"))).append("</p>");
        if (problem != null) {
            h.append("<p class=\"problem\">").append(esc(problem)).append("</p>");
        }
        h.append("<form method=\"post\">");
        for (SurveyQuestion q : survey.getQuestions()) {
            h.append("<fieldset><legend>").append(q.getSeq()).append(". ")
                    .append(esc(q.text(zh ? Locale.CHINESE : Locale.ENGLISH))).append("</legend><div class=\"scale\">");
            h.append("<span class=\"end\">").append(esc(t.getString("low"))).append("</span>");
            for (int v = q.getScaleMin(); v <= q.getScaleMax(); v++) {
                String id = "q" + q.getId() + "_" + v;
                h.append("<input type=\"radio\" name=\"q").append(q.getId()).append("\" id=\"").append(id).append("\" value=\"")
                        .append(v).append('"').append(Integer.valueOf(v).equals(scores.get(q.getId())) ? " checked" : "")
                        .append("><label for=\"").append(id).append("\">").append(v).append("</label>");
            }
            h.append("<span class=\"end\">").append(esc(t.getString("high"))).append("</span></div></fieldset>");
        }
        h.append("<label for=\"comment\">").append(esc(t.getString("comment"))).append("</label>")
                .append("<textarea name=\"comment\" id=\"comment\" rows=\"4\" maxlength=\"1000\">").append(esc(comment))
                .append("</textarea><button type=\"submit\">").append(esc(t.getString("submit"))).append("</button></form>");
        return h.toString();
    }

    private static void page(HttpExchange exchange, int status, ResourceBundle t, String titleKey, String body) throws IOException {
        String title = esc(t.getString(titleKey == null ? "title" : titleKey));
        String html = "<!DOCTYPE html><html lang=\"" + t.getLocale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title><style>"
                + "body{font-family:sans-serif;max-width:44em;margin:2em auto;padding:0 1em;color:#222}"
                + "fieldset{border:1px solid #ccd;border-radius:6px;margin:0 0 1em;padding:.6em 1em}"
                + ".scale{display:flex;flex-wrap:wrap;align-items:center;gap:.3em}.scale label{margin-right:.6em}"
                + ".end{color:#667;font-size:.9em}.problem{color:#a00;font-weight:bold}"
                + "textarea{width:100%;box-sizing:border-box}button{margin-top:1em;padding:.5em 2em;font-size:1em}"
                + "</style></head><body>" + (titleKey == null ? "" : "<h1>" + title + "</h1>") + body + "</body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String esc(String s) {
        return StringEscapeUtils.escapeHtml4(s);
    }

    /** The page's texts in the customer's language (web_zh.properties), not the user's. */
    private static ResourceBundle texts(String language) {
        return org.guanxi.core.i18n.Texts.inLanguage(SurveyForm.class, "web", language);
    }
}
