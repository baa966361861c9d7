package org.guanxi.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Quote;
import org.guanxi.core.model.QuoteStatus;
import org.guanxi.core.model.SalesOrder;

/**
 * Quotes with discount authority: each role may grant discounts up to a configured percentage; a quote beyond the
 * author's limit waits until someone whose limit covers it approves it. Sent quotes are revised, never overwritten.
 */
public interface QuoteService {

    /** One row of the quote list: the live revision of each quote number. */
    record QuoteRow(long id, long version, String quoteNo, int revision, String customer, QuoteStatus status,
            BigDecimal total, BigDecimal maxDiscount, LocalDate validUntil, String owner) {
    }

    /** The largest discount in percent each role may grant (roles without a setting may grant none). */
    Map<String, BigDecimal> discountLimits();

    void saveDiscountLimits(Map<String, BigDecimal> limits);

    /** The signed-in user's limit: the largest of their roles'. */
    BigDecimal discountLimit();

    /**
     * Validates and writes an editable quote. Lines without a list price get it from the quote's price list. The
     * status becomes APPROVED when the largest discount is within the author's limit, PENDING_APPROVAL otherwise.
     */
    Quote save(Quote quote);

    Quote get(long id);

    /** Approves a pending quote; the approver's limit must cover its largest discount. */
    Quote approve(long id, long version);

    /** Marks an approved quote as sent to the customer. */
    Quote send(long id, long version);

    /** Records the customer's answer to a sent (or approved) quote. */
    Quote answer(long id, long version, boolean accepted);

    /** Starts the next revision as a draft copy; the given one becomes SUPERSEDED. */
    Quote revise(long id, long version);

    /**
     * Turns an accepted (or approved) quote into a draft order with its lines and prices; the quote becomes ORDERED.
     */
    SalesOrder toOrder(long id, long version);

    /** The live revisions, newest first; {@code status} null for all. */
    List<QuoteRow> list(QuoteStatus status, String text, int limit);

    /** Every revision of a quote number, oldest first. */
    List<QuoteRow> revisions(String quoteNo);
}
