package org.guanxi.customer.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.service.CustomerValueService.Parameters;
import org.guanxi.core.service.FieldError;

/** The value models configured by one set of {@link Parameters}, and the checks a set must pass. */
public record Models(Pyramid pyramid, Lifecycle lifecycle, Clv clv, ValueMatrix matrix) {

    public static final Parameters DEFAULTS = new Parameters(Pyramid.DEFAULT.vipShare(), Pyramid.DEFAULT.majorShare(),
            Pyramid.DEFAULT.ordinaryShare(), Lifecycle.DEFAULT.silenceDays(), Lifecycle.DEFAULT.lostIntervalFactor(),
            Lifecycle.DEFAULT.explorationDays(), Lifecycle.DEFAULT.declineRatio(), Lifecycle.DEFAULT.declineIntervalFactor(),
            Lifecycle.DEFAULT.growthRatio(), Clv.DEFAULT.horizonYears(), Clv.DEFAULT.discountRate(), Clv.DEFAULT.marginRate(),
            ValueMatrix.DEFAULT.percentile());

    public static Models of(Parameters p) {
        return new Models(new Pyramid(p.vipShare(), p.majorShare(), p.ordinaryShare()),
                new Lifecycle(p.lostAfterDays(), p.lostIntervalFactor(), p.explorationDays(), p.declineRatio(),
                        p.declineIntervalFactor(), p.growthRatio()),
                new Clv(p.clvYears(), p.discountRate(), p.marginRate(), Clv.DEFAULT.retention()), new ValueMatrix(p.matrixPercentile()));
    }

    /** The parameters as name → value, the form they are stored in. */
    public static Map<String, Object> values(Parameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var c : Parameters.class.getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(p));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    /** Parameters from stored values; a name not stored keeps its default. */
    public static Parameters parse(Map<String, String> stored) {
        Map<String, Object> d = values(DEFAULTS);
        java.util.function.Function<String, Double> num = k -> stored.containsKey(k) ? Double.parseDouble(stored.get(k))
                : ((Number) d.get(k)).doubleValue();
        return new Parameters(num.apply("vipShare"), num.apply("majorShare"), num.apply("ordinaryShare"),
                num.apply("lostAfterDays").intValue(), num.apply("lostIntervalFactor"), num.apply("explorationDays").intValue(),
                num.apply("declineRatio"), num.apply("declineIntervalFactor"), num.apply("growthRatio"), num.apply("clvYears").intValue(),
                num.apply("discountRate"), num.apply("marginRate"), num.apply("matrixPercentile"));
    }

    /** What is out of range; empty when the parameters can be used. */
    public static List<FieldError> check(Parameters p) {
        List<FieldError> out = new ArrayList<>();
        share(out, "vipShare", p.vipShare());
        share(out, "majorShare", p.majorShare());
        share(out, "ordinaryShare", p.ordinaryShare());
        if (p.vipShare() + p.majorShare() + p.ordinaryShare() > 1) {
            out.add(new FieldError("ordinaryShare", "error.param.sharesSum"));
        }
        range(out, "lostAfterDays", p.lostAfterDays(), 30, 3650);
        range(out, "lostIntervalFactor", p.lostIntervalFactor(), 1, 20);
        range(out, "explorationDays", p.explorationDays(), 1, 3650);
        range(out, "declineRatio", p.declineRatio(), 0.05, 1);
        range(out, "declineIntervalFactor", p.declineIntervalFactor(), 1, 20);
        range(out, "growthRatio", p.growthRatio(), 1, 10);
        range(out, "clvYears", p.clvYears(), 1, 30);
        range(out, "discountRate", p.discountRate(), 0, 1);
        range(out, "marginRate", p.marginRate(), 0.01, 1);
        range(out, "matrixPercentile", p.matrixPercentile(), 0.5, 0.99);
        return out;
    }

    private static void share(List<FieldError> out, String name, double v) {
        range(out, name, v, 0, 1);
    }

    private static void range(List<FieldError> out, String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            out.add(new FieldError(name, "error.param.range", min, max));
        }
    }
}
