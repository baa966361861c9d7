package org.guanxi.customer.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

import org.guanxi.core.model.Stage;

/**
 * Customer lifetime value: realised margin to date plus the predicted margin
 * {@code Σ_{t=1..T} m · r^t / (1+d)^t}, where m is the margin of the last 12 months, r the yearly retention
 * probability of the customer's lifecycle stage and d the discount rate. Where cost is unknown, margin is revenue
 * times {@code marginRate}.
 */
public record Clv(int horizonYears, double discountRate, double marginRate, Map<Stage, Double> retention) {

    public static final Clv DEFAULT = new Clv(5, 0.10, 0.30, new EnumMap<>(Map.of(Stage.EXPLORATION, 0.50,
            Stage.FORMATION, 0.80, Stage.STABILITY, 0.90, Stage.DECLINE, 0.50, Stage.LOST, 0.05)));

    public record Value(BigDecimal realised, BigDecimal predicted) {
        public BigDecimal total() {
            return realised.add(predicted);
        }
    }

    public Value of(CustomerFacts f, Stage stage) {
        BigDecimal realised = f.profit() != null ? f.profit() : f.revenue().multiply(BigDecimal.valueOf(marginRate));
        double m = (f.profit12m() != null ? f.profit12m() : f.revenue12m().multiply(BigDecimal.valueOf(marginRate)))
                .doubleValue();
        double r = retention.getOrDefault(stage, 0.5);
        double predicted = 0;
        for (int t = 1; t <= horizonYears; t++) {
            predicted += m * Math.pow(r, t) / Math.pow(1 + discountRate, t);
        }
        return new Value(realised.setScale(2, RoundingMode.HALF_UP), BigDecimal.valueOf(predicted).setScale(2, RoundingMode.HALF_UP));
    }
}
