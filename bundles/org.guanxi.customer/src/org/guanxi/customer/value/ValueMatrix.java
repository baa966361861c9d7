package org.guanxi.customer.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Quadrant;

/**
 * The value matrix: current value (margin of 12 months) against potential value (predicted CLV), each high when it
 * reaches the base's {@code percentile}. The default, 0.8, calls the top fifth high, the same customers the pyramid
 * puts above "small", so the two views agree.
 */
public record ValueMatrix(double percentile) {

    public static final ValueMatrix DEFAULT = new ValueMatrix(0.8);

    public Map<Long, Explained<Quadrant>> assign(List<CustomerFacts> base, Map<Long, Clv.Value> clv) {
        double[] current = base.stream().mapToDouble(f -> f.value12m().doubleValue()).toArray();
        double[] potential = base.stream().mapToDouble(f -> clv.get(f.customerId()).predicted().doubleValue()).toArray();
        double currentCut = cut(current);
        double potentialCut = cut(potential);
        Map<Long, Explained<Quadrant>> out = new HashMap<>();
        for (int i = 0; i < base.size(); i++) {
            boolean highNow = current[i] > 0 && current[i] >= currentCut;
            boolean highLater = potential[i] > 0 && potential[i] >= potentialCut;
            Quadrant q = highNow ? (highLater ? Quadrant.KEEP_AND_GROW : Quadrant.MAINTAIN)
                    : (highLater ? Quadrant.DEVELOP : Quadrant.LOW_COST);
            out.put(base.get(i).customerId(), new Explained<>(q, "matrix." + q, BigDecimal.valueOf(current[i]),
                    BigDecimal.valueOf(currentCut), BigDecimal.valueOf(potential[i]), BigDecimal.valueOf(potentialCut)));
        }
        return out;
    }

    private double cut(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(percentile * sorted.length))];
    }
}
