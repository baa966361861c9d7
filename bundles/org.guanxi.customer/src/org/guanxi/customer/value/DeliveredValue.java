package org.guanxi.customer.value;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.service.DeliveredValueService.Component;
import org.guanxi.core.service.DeliveredValueService.Line;
import org.guanxi.core.service.DeliveredValueService.Result;
import org.guanxi.core.service.FieldError;

/**
 * The delivered-value worksheet's arithmetic: each side (value, cost) is the weighted mean of its ratings,
 * {@code Σ weight·rating / 100} on the 0–10 scale, and delivered value is value minus cost.
 */
public final class DeliveredValue {

    private DeliveredValue() {
    }

    /** Even weights (25 % each side), no ratings yet. */
    public static Map<Component, Line> blank() {
        Map<Component, Line> out = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            out.put(c, new Line(c, 25, 5, null));
        }
        return out;
    }

    /**
     * The worksheet at the precision it is stored with (weights to 0.01, ratings to 0.1), so that what is checked and
     * shown is what is saved.
     */
    public static Map<Component, Line> rounded(Map<Component, Line> lines) {
        Map<Component, Line> out = new EnumMap<>(Component.class);
        lines.forEach((c, l) -> out.put(c, new Line(c, round(l.weight(), 2), round(l.ours(), 1),
                l.theirs() == null ? null : round(l.theirs(), 1))));
        return out;
    }

    private static double round(double v, int scale) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).setScale(scale, java.math.RoundingMode.HALF_UP).doubleValue() : v;
    }

    public static Result compute(Map<Component, Line> lines) {
        double valueOurs = side(lines, true, false);
        double costOurs = side(lines, false, false);
        boolean rated = lines.values().stream().allMatch(l -> l.theirs() != null);
        Double valueTheirs = rated ? side(lines, true, true) : null;
        Double costTheirs = rated ? side(lines, false, true) : null;
        return new Result(valueOurs, costOurs, valueOurs - costOurs, valueTheirs, costTheirs,
                rated ? valueTheirs - costTheirs : null);
    }

    private static double side(Map<Component, Line> lines, boolean value, boolean theirs) {
        double sum = 0;
        for (Line l : lines.values()) {
            if (l.component().isValue() == value) {
                sum += l.weight() * (theirs ? l.theirs() : l.ours());
            }
        }
        return sum / 100;
    }

    public static List<FieldError> check(Map<Component, Line> lines) {
        List<FieldError> out = new ArrayList<>();
        if (lines.size() != Component.values().length) {
            out.add(new FieldError("sheet.lines", "error.sheetIncomplete"));
            return out;
        }
        for (boolean value : new boolean[] { true, false }) {
            double sum = lines.values().stream().filter(l -> l.component().isValue() == value).mapToDouble(Line::weight).sum();
            if (!(Math.abs(sum - 100) <= 0.005)) {
                out.add(new FieldError(value ? "sheet.valueWeights" : "sheet.costWeights", "error.weightsSum", Math.round(sum * 100) / 100.0));
            }
        }
        for (Line l : lines.values()) {
            // written so that NaN fails too
            if (!(l.weight() >= 0 && l.weight() <= 100 && l.ours() >= 0 && l.ours() <= 10)
                    || l.theirs() != null && !(l.theirs() >= 0 && l.theirs() <= 10)) {
                out.add(new FieldError("sheet." + l.component().name().toLowerCase(java.util.Locale.ROOT), "error.rating"));
            }
        }
        return out;
    }
}
