package org.guanxi.customer.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.model.Tier;

/**
 * The customer pyramid: customers ranked by value (gross profit of 12 months, revenue where cost is unknown); the
 * top {@code vipShare} are VIP, the next {@code majorShare} major, the next {@code ordinaryShare} ordinary, the rest
 * small. Customers without value in the period are small whatever their rank. Ties keep the lower id first, so
 * the result does not depend on input order.
 */
public record Pyramid(double vipShare, double majorShare, double ordinaryShare) {

    public static final Pyramid DEFAULT = new Pyramid(0.01, 0.04, 0.15);

    public Pyramid {
        if (vipShare < 0 || majorShare < 0 || ordinaryShare < 0 || vipShare + majorShare + ordinaryShare > 1) {
            throw new IllegalArgumentException("tier shares must be ≥ 0 and add up to at most 100 %");
        }
    }

    public Map<Long, Explained<Tier>> assign(List<CustomerFacts> base) {
        List<CustomerFacts> ranked = new ArrayList<>(base);
        ranked.sort(Comparator.comparing(CustomerFacts::value12m).reversed().thenComparingLong(CustomerFacts::customerId));
        int n = ranked.size();
        long vip = Math.round(n * vipShare);
        long major = vip + Math.round(n * majorShare);
        long ordinary = major + Math.round(n * ordinaryShare);
        Map<Long, Explained<Tier>> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CustomerFacts f = ranked.get(i);
            Tier t = f.value12m().signum() <= 0 ? Tier.SMALL
                    : i < vip ? Tier.VIP : i < major ? Tier.MAJOR : i < ordinary ? Tier.ORDINARY : Tier.SMALL;
            double topPercent = Math.ceil(1000.0 * (i + 1) / n) / 10;
            out.put(f.customerId(), new Explained<>(t, f.profit12m() != null ? "pyramid.byProfit" : "pyramid.byRevenue",
                    i + 1, n, f.value12m(), topPercent));
        }
        return out;
    }

    /** Count and value share per tier, for the pyramid chart. */
    public record Level(Tier tier, int customers, BigDecimal value, double valueShare) {
    }

    public static List<Level> levels(List<CustomerFacts> base, Map<Long, Explained<Tier>> tiers) {
        Map<Tier, int[]> counts = new HashMap<>();
        Map<Tier, BigDecimal> values = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CustomerFacts f : base) {
            Tier t = tiers.get(f.customerId()).value();
            counts.computeIfAbsent(t, k -> new int[1])[0]++;
            BigDecimal v = f.value12m().max(BigDecimal.ZERO);
            values.merge(t, v, BigDecimal::add);
            total = total.add(v);
        }
        List<Level> out = new ArrayList<>();
        for (Tier t : Tier.values()) {
            BigDecimal v = values.getOrDefault(t, BigDecimal.ZERO);
            out.add(new Level(t, counts.getOrDefault(t, new int[1])[0], v,
                    total.signum() == 0 ? 0 : v.doubleValue() / total.doubleValue()));
        }
        return out;
    }
}
