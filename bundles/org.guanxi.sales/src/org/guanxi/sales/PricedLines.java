package org.guanxi.sales;

import java.math.BigDecimal;
import java.util.List;

import org.guanxi.core.model.PricedLine;
import org.guanxi.core.model.Product;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;

import jakarta.persistence.EntityManager;

/** The rules and pricing shared by quote lines and order lines. */
final class PricedLines {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PricedLines() {
    }

    static void validate(List<FieldError> errors, List<? extends PricedLine> lines) {
        if (lines.isEmpty()) {
            errors.add(new FieldError("lines", "error.noLines"));
        }
        for (int i = 0; i < lines.size(); i++) {
            PricedLine l = lines.get(i);
            String path = "line." + (i + 1) + ".";
            Checks.required(errors, path + "product", l.getProduct());
            Checks.required(errors, path + "quantity", l.getQuantity());
            if (l.getQuantity() != null && l.getQuantity().signum() <= 0) {
                errors.add(new FieldError(path + "quantity", "error.positive"));
            }
            Checks.notNegative(errors, path + "listPrice", l.getListPrice());
            BigDecimal d = l.getDiscountPct();
            if (d != null && (d.signum() < 0 || d.compareTo(HUNDRED) > 0)) {
                errors.add(new FieldError(path + "discount", "error.param.range", 0, 100));
            }
        }
    }

    /**
     * Attaches the stored product and prices the line: its own list price if it has one, else the price list's
     * (or the product's) for its quantity.
     */
    static void price(EntityManager em, Long priceListId, PricedLine line) {
        long productId = line.getProduct().getId();
        line.setProduct(Entities.require(em.find(Product.class, productId), "Product", productId));
        BigDecimal list = line.getListPrice() != null ? line.getListPrice()
                : CatalogServiceImpl.listPrice(em, priceListId, productId, line.getQuantity());
        line.price(list, line.getDiscountPct());
    }

    /** The lines in one line of text for the audit trail: SKU × quantity @ unit price (−discount %). */
    static String describe(List<? extends PricedLine> lines) {
        StringBuilder s = new StringBuilder();
        for (PricedLine l : lines) {
            s.append(l.getProduct().getSku()).append(" × ").append(plain(l.getQuantity())).append(" @ ").append(plain(l.getUnitPrice()));
            if (l.getDiscountPct().signum() != 0) {
                s.append(" (−").append(plain(l.getDiscountPct())).append("%)");
            }
            s.append("; ");
        }
        return s.toString();
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
