package org.guanxi.sales;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Criterion;
import org.guanxi.core.service.FieldError;
import org.guanxi.sales.api.LeadService.Criteria;
import org.guanxi.sales.api.LeadService.Score;

/**
 * Lead qualification: each criterion's rating (0–5) times its weight, as points out of 100. A criterion not yet
 * rated counts as 0, so a lead is never qualified on the strength of the few things known about it.
 */
public final class LeadScoring {

    public static final Criteria DEFAULTS = new Criteria(defaultWeights(), 60);
    public static final int MAX_RATING = 5;

    private LeadScoring() {
    }

    private static Map<Criterion, Integer> defaultWeights() {
        Map<Criterion, Integer> w = new EnumMap<>(Criterion.class);
        w.put(Criterion.NEED, 30);
        w.put(Criterion.BUDGET, 25);
        w.put(Criterion.AUTHORITY, 20);
        w.put(Criterion.CREDIT, 15);
        w.put(Criterion.FIT, 10);
        return w;
    }

    public static Score score(Map<Criterion, Integer> ratings, Criteria criteria) {
        int total = criteria.weights().values().stream().mapToInt(Integer::intValue).sum();
        Map<Criterion, Double> parts = new EnumMap<>(Criterion.class);
        double sum = 0;
        for (Criterion c : Criterion.values()) {
            Integer rating = ratings.get(c);
            if (rating == null) {
                continue;
            }
            double points = total == 0 ? 0 : 100.0 * criteria.weights().getOrDefault(c, 0) * rating / MAX_RATING / total;
            parts.put(c, points);
            sum += points;
        }
        int score = (int) Math.round(sum);
        return new Score(score, parts.size(), parts, score >= criteria.qualifyingScore());
    }

    public static List<FieldError> check(Criteria criteria) {
        List<FieldError> errors = new ArrayList<>();
        int total = 0;
        for (Criterion c : Criterion.values()) {
            Integer w = criteria.weights().get(c);
            if (w == null || w < 0 || w > 100) {
                errors.add(new FieldError("weight." + c.name().toLowerCase(java.util.Locale.ROOT), "error.param.range", 0, 100));
            } else {
                total += w;
            }
        }
        if (errors.isEmpty() && total == 0) {
            errors.add(new FieldError("weights", "error.weightsZero"));
        }
        if (criteria.qualifyingScore() < 1 || criteria.qualifyingScore() > 100) {
            errors.add(new FieldError("qualifyingScore", "error.param.range", 1, 100));
        }
        return errors;
    }

    /** Criteria from stored settings, the defaults for anything missing or unreadable. */
    public static Criteria parse(Map<String, String> stored) {
        Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            weights.put(c, number(stored.get("weight." + c.name()), DEFAULTS.weights().get(c)));
        }
        return new Criteria(weights, number(stored.get("qualifyingScore"), DEFAULTS.qualifyingScore()));
    }

    public static Map<String, Object> values(Criteria criteria) {
        Map<String, Object> m = new LinkedHashMap<>();
        criteria.weights().forEach((c, w) -> m.put("weight." + c.name(), w));
        m.put("qualifyingScore", criteria.qualifyingScore());
        return m;
    }

    static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
