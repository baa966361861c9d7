package org.guanxi.sales;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.guanxi.core.db.AppSettings;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.Role;
import org.guanxi.core.service.SecurityService;

/**
 * How much discount a user may grant: the largest limit among their roles. Limits are percentages per role, stored
 * as shared settings; roles without one may grant no discount at all.
 */
final class DiscountAuthority {

    static final String SETTINGS = "sales.discount.";

    /** Defaults until an administrator sets the limits: reps 10 %, managers 25 %, administrators anything. */
    static final Map<String, BigDecimal> DEFAULTS;

    static {
        Map<String, BigDecimal> d = new LinkedHashMap<>();
        d.put(Role.SALES, BigDecimal.TEN);
        d.put(Role.SALES_MANAGER, BigDecimal.valueOf(25));
        d.put(Role.ADMIN, BigDecimal.valueOf(100));
        DEFAULTS = Map.copyOf(d);
    }

    private DiscountAuthority() {
    }

    /** Every role's limit: the stored ones over the defaults. */
    static Map<String, BigDecimal> limits(Database db) {
        return limits(db.jdbc(c -> AppSettings.read(c, SETTINGS)));
    }

    /** The signed-in user's limit: the largest of their roles'. */
    static BigDecimal currentLimit(Database db, SecurityService security) {
        return limit(security.currentRoles(), limits(db));
    }

    static Map<String, BigDecimal> limits(Map<String, String> stored) {
        Map<String, BigDecimal> limits = new LinkedHashMap<>(DEFAULTS);
        stored.forEach((role, value) -> limits.put(role, new BigDecimal(value)));
        return limits;
    }

    static BigDecimal limit(Collection<String> roles, Map<String, BigDecimal> limits) {
        return roles.stream().map(r -> limits.getOrDefault(r, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::max);
    }

    static boolean covers(BigDecimal limit, BigDecimal discount) {
        return discount == null || discount.compareTo(limit) <= 0;
    }
}
