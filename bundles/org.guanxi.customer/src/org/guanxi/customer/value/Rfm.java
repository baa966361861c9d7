package org.guanxi.customer.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.guanxi.core.model.RfmSegment;

/**
 * RFM: recency, frequency (orders in 12 months) and monetary value (revenue in 12 months) each scored 1–5 by
 * quintile over the whole base, 5 being best; equal values always get equal scores. The three scores name a
 * segment.
 */
public final class Rfm {

    public record Score(int r, int f, int m, RfmSegment segment) {
        public String code() {
            return "" + r + f + m;
        }
    }

    private Rfm() {
    }

    public static Map<Long, Score> score(List<CustomerFacts> base) {
        // larger is better for all three: recency counts negative days
        int[] r = quintiles(base, f -> f.lastOrder() == null ? Double.NEGATIVE_INFINITY : -f.recencyDays());
        int[] fr = quintiles(base, f -> f.orders12m());
        int[] m = quintiles(base, f -> f.revenue12m().doubleValue());
        Map<Long, Score> out = new HashMap<>();
        for (int i = 0; i < base.size(); i++) {
            CustomerFacts f = base.get(i);
            boolean never = f.lastOrder() == null;
            int rs = never ? 1 : r[i];
            int fs = f.orders12m() == 0 ? 1 : fr[i];
            int ms = f.revenue12m().compareTo(BigDecimal.ZERO) <= 0 ? 1 : m[i];
            out.put(f.customerId(), new Score(rs, fs, ms, segment(rs, fs, ms)));
        }
        return out;
    }

    static RfmSegment segment(int r, int f, int m) {
        if (r == 1 && f == 1) {
            return RfmSegment.LOST;
        }
        if (r >= 4 && f >= 4 && m >= 4) {
            return RfmSegment.CHAMPIONS;
        }
        if (r >= 3 && f >= 4) {
            return RfmSegment.LOYAL;
        }
        if (r <= 2 && f >= 3) {
            return RfmSegment.AT_RISK;
        }
        if (r >= 4 && f == 1) {
            return RfmSegment.NEW;
        }
        if (r >= 4) {
            return RfmSegment.POTENTIAL_LOYALIST;
        }
        if (r <= 2) {
            return RfmSegment.HIBERNATING;
        }
        return RfmSegment.NEED_ATTENTION;
    }

    /** 1 + 5 × (position of the first customer with the same value) / n, over values sorted ascending. */
    static int[] quintiles(List<CustomerFacts> base, ToDoubleFunction<CustomerFacts> value) {
        int n = base.size();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = value.applyAsDouble(base.get(i));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int first = lowerBound(sorted, values[i]);
            scores[i] = 1 + (int) ((5L * first) / n);
        }
        return scores;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
