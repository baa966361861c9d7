package org.guanxi.core.service;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.guanxi.core.model.Customer;

/**
 * How good the customer master data is: a completeness score per customer and over the base, and the pairs of
 * customers that are probably one and the same (to be merged with {@link CustomerMergeService}).
 */
public interface DataQualityService {

    /** 0–100 and the fields still missing (their message keys, e.g. {@code field.phone}), most important first. */
    record Completeness(int score, List<String> missing) {
    }

    /**
     * The base at a glance: customers, average score, customers per score band (below 50, 50–79, 80–99, 100) and how
     * many customers miss each field.
     */
    record Overview(int customers, double averageScore, List<Integer> bands, Map<String, Integer> missing) {
    }

    /** Two customers that look like one; {@code score} 0–100, the reasons translated. */
    record Candidate(CustomerRow first, CustomerRow second, int score, List<String> reasons) {
    }

    Completeness completeness(Customer customer);

    Overview overview(IntConsumer progress);

    /**
     * Probable duplicates, best first: equal phone (however written), e-mail, tax id, ID number or member card, and
     * similar names (the same pinyin, or one edit apart) backed by the same city, birthday or phone ending. Pairs a
     * user declared distinct are left out. {@code progress} runs from 0 to 1000.
     */
    List<Candidate> duplicates(int max, IntConsumer progress);

    /** Records that the two customers are different people or companies, so they are not proposed again. */
    void dismiss(long firstId, long secondId);
}
