package org.guanxi.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** How amounts read in every module's lists: grouped in the user's locale, two decimals. */
public final class Formats {

    private Formats() {
    }

    /** An amount with two decimals, or "" for none. */
    public static String money(BigDecimal amount) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.getDefault());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return amount == null ? "" : f.format(amount.setScale(2, RoundingMode.HALF_UP));
    }
}
