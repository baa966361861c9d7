package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;

import org.guanxi.core.model.Criterion;
import org.guanxi.sales.api.LeadService.Criteria;
import org.guanxi.sales.api.LeadService.Score;
import org.guanxi.sales.LeadScoring;
import org.junit.jupiter.api.Test;

class LeadScoringTest {

    private static Map<Criterion, Integer> ratings(int need, int budget, int authority, int credit, int fit) {
        Map<Criterion, Integer> m = new EnumMap<>(Criterion.class);
        m.put(Criterion.NEED, need);
        m.put(Criterion.BUDGET, budget);
        m.put(Criterion.AUTHORITY, authority);
        m.put(Criterion.CREDIT, credit);
        m.put(Criterion.FIT, fit);
        return m;
    }

    @Test
    void scoreIsTheWeightedShareOfFullMarks() {
        // default weights 30/25/20/15/10: 30*4/5 + 25*3/5 + 20*5/5 + 15*2/5 + 10*0/5 = 24 + 15 + 20 + 6 + 0 = 65
        Score s = LeadScoring.score(ratings(4, 3, 5, 2, 0), LeadScoring.DEFAULTS);
        assertEquals(65, s.score());
        assertEquals(5, s.rated());
        assertEquals(24.0, s.parts().get(Criterion.NEED), 1e-9);
        assertEquals(0.0, s.parts().get(Criterion.FIT), 1e-9);
        assertTrue(s.qualifies(), "65 reaches the default threshold of 60");
    }

    @Test
    void unratedCriteriaCountAsNothing() {
        Map<Criterion, Integer> only = new EnumMap<>(Criterion.class);
        only.put(Criterion.NEED, 5);
        Score s = LeadScoring.score(only, LeadScoring.DEFAULTS);
        assertEquals(30, s.score(), "full marks on need alone are need's weight, not 100");
        assertEquals(1, s.rated());
        assertFalse(s.qualifies());
    }

    @Test
    void weightsAreRelativeAndTheThresholdIsConfigurable() {
        Map<Criterion, Integer> w = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            w.put(c, 1);
        }
        Criteria equal = new Criteria(w, 80);
        Score s = LeadScoring.score(ratings(5, 5, 5, 5, 0), equal);
        assertEquals(80, s.score());
        assertTrue(s.qualifies());
        assertFalse(LeadScoring.score(ratings(5, 5, 5, 4, 0), equal).qualifies(), "76 is below 80");
    }

    @Test
    void badCriteriaAreRefused() {
        Map<Criterion, Integer> zero = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            zero.put(c, 0);
        }
        assertEquals("weights", LeadScoring.check(new Criteria(zero, 60)).get(0).field());
        Map<Criterion, Integer> negative = new EnumMap<>(LeadScoring.DEFAULTS.weights());
        negative.put(Criterion.FIT, -1);
        assertEquals("weight.fit", LeadScoring.check(new Criteria(negative, 60)).get(0).field());
        assertEquals("qualifyingScore", LeadScoring.check(new Criteria(LeadScoring.DEFAULTS.weights(), 0)).get(0).field());
        assertTrue(LeadScoring.check(LeadScoring.DEFAULTS).isEmpty());
    }

    @Test
    void storedSettingsRoundTripAndFallBackToDefaults() {
        Map<String, String> stored = new java.util.HashMap<>();
        LeadScoring.values(LeadScoring.DEFAULTS).forEach((k, v) -> stored.put(k, String.valueOf(v)));
        stored.put("weight.FIT", "not a number");
        stored.put("qualifyingScore", "70");
        Criteria parsed = LeadScoring.parse(stored);
        assertEquals(10, parsed.weights().get(Criterion.FIT));
        assertEquals(70, parsed.qualifyingScore());
    }
}
