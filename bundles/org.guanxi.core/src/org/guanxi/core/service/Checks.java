package org.guanxi.core.service;

import java.util.List;
import java.util.regex.Pattern;

/** Field rules every module's validation uses; each adds a {@link FieldError} to the list when broken. */
public final class Checks {

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{3,40}$");

    private Checks() {
    }

    public static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "error.required"));
        } else {
            maxLength(errors, field, value, max);
        }
    }

    public static void required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "error.required"));
        }
    }

    public static void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "error.tooLong", max));
        }
    }

    public static void phone(List<FieldError> errors, String field, String value) {
        if (value != null && !value.isBlank() && !PHONE.matcher(value.strip()).matches()) {
            errors.add(new FieldError(field, "error.phone"));
        }
    }

    public static void email(List<FieldError> errors, String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value.strip()).matches()) {
            errors.add(new FieldError(field, "error.email"));
        }
    }

    /** A number, when given, within [min, max]. */
    public static void range(List<FieldError> errors, String field, Number value, long min, long max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            errors.add(new FieldError(field, "error.param.range", min, max));
        }
    }

    /** An amount, when given, not below zero. */
    public static void notNegative(List<FieldError> errors, String field, java.math.BigDecimal value) {
        if (value != null && value.signum() < 0) {
            errors.add(new FieldError(field, "error.negative"));
        }
    }

    /**
     * An amount, when given, that a DECIMAL(15, 2) column holds as it is: below 10^13, at most two decimals (a
     * database would round or refuse the rest).
     */
    public static void money(List<FieldError> errors, String field, java.math.BigDecimal value) {
        if (value != null && (value.abs().compareTo(MONEY_LIMIT) >= 0 || value.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError(field, "error.money"));
        }
    }

    private static final java.math.BigDecimal MONEY_LIMIT = java.math.BigDecimal.TEN.pow(13);

    /** A three-letter ISO currency code such as CNY. */
    public static void currency(List<FieldError> errors, String field, String value) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            errors.add(new FieldError(field, "error.currency"));
        }
    }

    /** Throws when any rule was broken, so that nothing is written. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
