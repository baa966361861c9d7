package org.guanxi.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Criterion;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.LeadStatus;

/** Leads: capture, qualification by weighted criteria, duplicate check, conversion. */
public interface LeadService {

    /** The weight of each criterion (≥ 0, at least one above 0) and the score from which a lead counts as qualified. */
    record Criteria(Map<Criterion, Integer> weights, int qualifyingScore) {
    }

    /**
     * A lead's score, 0–100: each rated criterion's rating out of 5 times its weight, over the weights of the rated
     * criteria. {@code parts} explains it, criterion by criterion, as the points each contributed.
     */
    record Score(int score, int rated, Map<Criterion, Double> parts, boolean qualifies) {
    }

    /** A customer or lead that looks like the same party. {@code matchedOn} is phone, email or name. */
    record Duplicate(String kind, long id, String code, String name, String matchedOn) {
    }

    /** One row of the lead list. */
    record LeadRow(long id, String code, String name, String phone, String city, LeadStatus status, Integer score,
            String owner, String source) {
    }

    /** What the conversion creates besides the customer and contact (or the existing customer it attaches to). */
    record Conversion(Long existingCustomerId, String opportunityName, BigDecimal amount, LocalDate expectedClose) {
    }

    record Converted(long customerId, Long contactId, long opportunityId) {
    }

    Criteria criteria();

    /** Stores new weights for every user; leads are re-scored when next saved. */
    void saveCriteria(Criteria criteria);

    Score score(Lead lead);

    /** The score under the given criteria, without reading them again (for a dialog that rescored on every change). */
    Score score(Lead lead, Criteria criteria);

    /**
     * Validates, scores and writes a lead; a new one gets the next code and the current user as owner. Duplicates
     * do not stop the save: the caller asks {@link #duplicates} first and shows them.
     */
    Lead save(Lead lead);

    Lead get(long id);

    /** Leads whose name (or pinyin), phone or code starts with the text, newest first; status null means all. */
    List<LeadRow> find(String text, LeadStatus status, int limit);

    /** Customers and other leads with the same phone or e-mail, or the same name. */
    List<Duplicate> duplicates(Lead lead);

    /** Marks a lead as not worth pursuing, with the reason in its notes. */
    Lead disqualify(long id, long version, String reason);

    /**
     * In one transaction: a customer (organisation for a company lead, else a person) with the lead's person as
     * contact — or the given existing customer — and an opportunity linked to the lead, which becomes CONVERTED.
     */
    Converted convert(long leadId, long version, Conversion conversion);
}
