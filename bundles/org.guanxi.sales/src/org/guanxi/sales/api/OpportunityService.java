package org.guanxi.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.service.ConflictException;

/** Opportunities through the pipeline: the board, stage moves with won/lost reasons, the funnel. */
public interface OpportunityService {

    /** A card on the board. */
    record Card(long id, long version, String code, String name, String customer, BigDecimal amount, int probability,
            LocalDate expectedClose, String owner, SalesStage stage) {
    }

    /** One column of the board: all its deals counted and summed, the first cards by expected close. */
    record Column(SalesStage stage, int count, BigDecimal amount, BigDecimal weighted, List<Card> cards) {
    }

    /** Who's deals the board shows: one owner, or everybody's with null. */
    record Filter(String owner) {
        public static final Filter ALL = new Filter(null);
    }

    /**
     * Deals whose code, name or customer (name or pinyin) starts with the text, in one stage (null: all), of one owner
     * (filter), open ones by expected close, then closed ones newest first.
     */
    List<Card> find(String text, SalesStage stage, Filter filter, int limit);

    /** The open stages' columns, in pipeline order. */
    List<Column> board(Filter filter, int cardsPerColumn);

    /** Win probability (percent) of each stage for deals without their own. */
    Map<SalesStage, Integer> stageProbabilities();

    void saveStageProbabilities(Map<SalesStage, Integer> probabilities);

    /** Validates and writes; a new one gets the next code and the current user as owner. */
    Opportunity save(Opportunity opportunity);

    Opportunity get(long id);

    /**
     * Moves a deal as read at {@code version} to {@code stage}. Won and lost need a reason and close the deal today;
     * reopening clears them.
     *
     * @throws ConflictException when someone else changed the deal since
     */
    Opportunity move(long id, long version, SalesStage stage, String reason);

    /** The customer's opportunities, newest first. */
    List<Card> ofCustomer(long customerId);
}
