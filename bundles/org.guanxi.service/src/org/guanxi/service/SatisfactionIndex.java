package org.guanxi.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Construct;
import org.guanxi.core.model.SurveyQuestion;
import org.guanxi.core.service.SurveyService.Figures;

/**
 * The arithmetic of CSI, construct scores and NPS over responses, per group and in total (see
 * {@link org.guanxi.core.service.SurveyService}). Responses are added one at a time, so that any number can be
 * streamed from the database.
 */
final class SatisfactionIndex {

    /** Promoters answer 9 or 10 on the 0–10 recommend scale, detractors 0 to 6. */
    static final double PROMOTER = 9;
    static final double DETRACTOR = 6;

    private final Map<Long, SurveyQuestion> questions;
    private final Tally total = new Tally();
    private final Map<String, Tally> groups = new LinkedHashMap<>();

    SatisfactionIndex(List<SurveyQuestion> questions) {
        this.questions = new LinkedHashMap<>();
        questions.forEach(q -> this.questions.put(q.getId(), q));
    }

    /** Adds one response's scores (question id → score) to its group and to the total. */
    void add(String group, Map<Long, Integer> scores) {
        total.add(scores);
        groups.computeIfAbsent(group, g -> new Tally()).add(scores);
    }

    Figures total() {
        return total.figures("");
    }

    /** The groups in the order they were first seen. */
    List<Figures> groups() {
        List<Figures> out = new ArrayList<>();
        groups.forEach((g, t) -> out.add(t.figures(g)));
        return out;
    }

    private final class Tally {

        int responses;
        double csiSum;
        int csiResponses;
        final Map<Construct, double[]> constructs = new EnumMap<>(Construct.class);
        int recommenders;
        int promoters;
        int passives;
        int detractors;

        void add(Map<Long, Integer> scores) {
            responses++;
            double weights = 0;
            double weighted = 0;
            Map<Construct, double[]> mine = new EnumMap<>(Construct.class);
            for (Map.Entry<Long, Integer> answer : scores.entrySet()) {
                SurveyQuestion q = questions.get(answer.getKey());
                if (q == null || answer.getValue() == null) {
                    continue;
                }
                if (q.getConstruct() == Construct.RECOMMEND) {
                    // on 0–10, whatever the question's own scale
                    double zeroToTen = q.normalized(answer.getValue()) / 10;
                    recommenders++;
                    if (zeroToTen >= PROMOTER) {
                        promoters++;
                    } else if (zeroToTen <= DETRACTOR) {
                        detractors++;
                    } else {
                        passives++;
                    }
                    continue;
                }
                double n = q.normalized(answer.getValue());
                weights += q.getWeight();
                weighted += q.getWeight() * n;
                double[] c = mine.computeIfAbsent(q.getConstruct(), k -> new double[2]);
                c[0] += q.getWeight();
                c[1] += q.getWeight() * n;
            }
            if (weights > 0) {
                csiSum += weighted / weights;
                csiResponses++;
            }
            mine.forEach((construct, c) -> {
                double[] sum = constructs.computeIfAbsent(construct, k -> new double[2]);
                sum[0] += c[1] / c[0];
                sum[1]++;
            });
        }

        Figures figures(String group) {
            Map<Construct, Double> scores = new EnumMap<>(Construct.class);
            constructs.forEach((c, sum) -> scores.put(c, sum[0] / sum[1]));
            return new Figures(group, responses, csiResponses == 0 ? 0 : csiSum / csiResponses, scores, recommenders,
                    promoters, passives, detractors);
        }
    }
}
