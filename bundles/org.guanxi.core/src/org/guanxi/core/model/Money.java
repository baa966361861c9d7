package org.guanxi.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The rounding rules of prices and amounts, in one place so that quotes, orders and the ERP agree to the fen. */
public final class Money {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /** The unit price after a discount in percent, to 4 decimals like the stored prices. */
    public static BigDecimal discounted(BigDecimal listPrice, BigDecimal discountPct) {
        BigDecimal factor = HUNDRED.subtract(discountPct == null ? BigDecimal.ZERO : discountPct);
        return listPrice.multiply(factor).divide(HUNDRED, 4, RoundingMode.HALF_UP);
    }

    /** A line amount in currency units (2 decimals). */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    /** The discount in percent that takes {@code listPrice} to {@code unitPrice}, to 2 decimals; 0 without a list price. */
    public static BigDecimal discountPct(BigDecimal listPrice, BigDecimal unitPrice) {
        if (listPrice == null || listPrice.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return listPrice.subtract(unitPrice).multiply(HUNDRED).divide(listPrice, 2, RoundingMode.HALF_UP);
    }
}
