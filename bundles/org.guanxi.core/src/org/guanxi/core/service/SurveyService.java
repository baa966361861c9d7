package org.guanxi.core.service;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Construct;
import org.guanxi.core.model.ResponseSource;
import org.guanxi.core.model.Survey;

/**
 * Satisfaction surveys (满意度调查): the survey designer's surveys, responses from calls, e-mail links and files, and
 * the figures: the customer satisfaction index CSI (0–100: each answer normalised to 0–100 on its question's scale,
 * weighted by the question's weight over the answered index questions of a response, then averaged over responses),
 * the score of each ACSI construct the same way, and the Net Promoter Score (percentage of promoters, 9–10 on the
 * 0–10 recommend question, minus the percentage of detractors, 0–6).
 */
public interface SurveyService {

    List<Survey> surveys();

    Survey survey(long id);

    Survey survey(String code);

    /** Creates or changes a survey with its questions (needs {@code SERVICE_ADMIN}); a stale version is a conflict. */
    Survey save(Survey survey);

    /** A response: scores by question id; questions left out were not answered. */
    record NewResponse(long surveyId, long customerId, Long productId, Long caseId, ResponseSource source,
            Instant respondedAt, Map<Long, Integer> scores, String comment) {
    }

    /** Records a response (needs {@code SERVICE_WRITE}); every score must lie on its question's scale. Returns its id. */
    long record(NewResponse response);

    /**
     * An e-mail invitation: its token is the whole credential of the link, so it is long and random; it answers once,
     * before it expires.
     */
    record Invitation(long id, String token, long surveyId, long customerId, String customerName, Long caseId, String email,
            Instant sentAt, Instant expiresAt, Long responseId) {

        public boolean open(Instant now) {
            return responseId == null && now.isBefore(expiresAt);
        }
    }

    /** How long a link stays open. */
    java.time.Duration LINK_VALID = java.time.Duration.ofDays(30);

    /**
     * Records an invitation for a customer's e-mail address (needs {@code SERVICE_WRITE}) and returns it with its new
     * token; the caller mails the link. A customer invited to the same survey within {@code quietDays} is not invited
     * again: empty then.
     */
    java.util.Optional<Invitation> invite(long surveyId, long customerId, Long caseId, String email, int quietDays);

    /** The invitation of a link's token (whoever holds the link may see the survey), or empty. */
    java.util.Optional<Invitation> invitation(String token);

    /**
     * The customer's answers through the link: a response of source EMAIL. Refused when the link was answered before
     * or has expired ({@link GuanxiException} {@code error.invitationClosed}), or when a score is off its scale.
     */
    long respond(String token, Map<Long, Integer> scores, String comment);

    /** The survey with its questions, for the link's form (no signed-in user there). */
    Survey surveyOf(Invitation invitation);

    /** What an import did: responses added, and each rejected line with its file, line number and field. */
    record ImportResult(int imported, List<String> problems) {
    }

    /**
     * Imports responses from a CSV file (or an Excel workbook) with a header
     * {@code customer_code,date,Q1,Q2,…[,product_sku][,comment]} (Qn: the score of question n, empty when not
     * answered): every line or none. Each bad line is reported with file, line, column and reason, and then nothing is
     * imported.
     */
    ImportResult importResponses(long surveyId, Path csv);

    /** How the figures are grouped. */
    enum Grouping { TIER, PRODUCT, MONTH, SOURCE }

    /** The figures of one group (or of all responses): CSI, construct scores, NPS and its parts. */
    record Figures(String group, int responses, double csi, Map<Construct, Double> constructs, int recommenders,
            int promoters, int passives, int detractors) {

        /** % promoters − % detractors of those who answered the recommend question; 0 when nobody did. */
        public double nps() {
            return recommenders == 0 ? 0 : 100.0 * (promoters - detractors) / recommenders;
        }
    }

    /** The survey's figures for responses from {@code from} to {@code to} (inclusive): in total and per group. */
    record Satisfaction(Figures total, List<Figures> groups) {
    }

    Satisfaction satisfaction(long surveyId, LocalDate from, LocalDate to, Grouping grouping);
}
