package org.guanxi.sales;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.guanxi.core.service.NotFoundException;
import org.guanxi.sales.api.OrderService.Availability;

import jakarta.persistence.EntityManager;

/**
 * Available to promise. The SCM reports on hand and reserved per warehouse; its reserved figure covers the orders it
 * knew when it reported. Orders confirmed in Guanxi after that report are not in it yet, so they are subtracted here:
 * available = Σ (on hand − reserved) − Σ quantity on orders confirmed after the product's latest report.
 */
final class StockCheck {

    private StockCheck() {
    }

    static List<Availability> availability(EntityManager em, Map<Long, BigDecimal> quantities) {
        if (quantities.isEmpty()) {
            return List.of();
        }
        String ids = quantities.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, Object[]> stock = new HashMap<>();
        for (Object r : em.createNativeQuery("SELECT p.ID, p.SKU, p.STOCK_ITEM, SUM(i.ON_HAND - i.RESERVED), MAX(i.UPDATED_AT) "
                + "FROM PRODUCT p LEFT JOIN INVENTORY_LEVEL i ON i.SKU = p.SKU WHERE p.ID IN (" + ids + ") "
                + "GROUP BY p.ID, p.SKU, p.STOCK_ITEM").getResultList()) {
            Object[] row = (Object[]) r;
            stock.put(((Number) row[0]).longValue(), row);
        }
        List<Availability> result = new ArrayList<>();
        quantities.forEach((productId, wanted) -> {
            Object[] row = stock.get(productId);
            if (row == null) {
                throw new NotFoundException("Product", productId);
            }
            boolean tracked = Boolean.TRUE.equals(row[2]) || (row[2] instanceof Number n && n.intValue() != 0);
            Instant reportedAt = instant(row[4]);
            BigDecimal available = row[3] == null ? BigDecimal.ZERO : (BigDecimal) row[3];
            if (tracked) {
                available = available.subtract(promisedSince(em, productId, reportedAt));
            }
            result.add(new Availability(productId, (String) row[1], wanted, available, tracked, reportedAt));
        });
        return result;
    }

    /**
     * What orders confirmed after the report take of a product: the lines promised since, read along
     * (PRODUCT_ID, PROMISED_AT) — a short range however many orders the database holds.
     */
    private static BigDecimal promisedSince(EntityManager em, long productId, Instant reportedAt) {
        Object sum = em.createNativeQuery("SELECT SUM(QUANTITY) FROM ORDER_LINE WHERE PRODUCT_ID = ? AND PROMISED_AT > ?")
                .setParameter(1, productId).setParameter(2, Timestamp.from(reportedAt == null ? Instant.EPOCH : reportedAt))
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : (BigDecimal) sum;
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
