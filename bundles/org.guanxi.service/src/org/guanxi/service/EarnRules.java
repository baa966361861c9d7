package org.guanxi.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The active earn rules of the points programme, read once: spend points per yuan, campaign multipliers and product
 * bonuses, each valid in its window. One order's points are {@code floor(total × rate × campaign × member tier) +
 * bonuses}.
 */
final class EarnRules {

    private record Rule(String kind, BigDecimal perYuan, BigDecimal multiplier, Long productId, int bonus, LocalDate from,
            LocalDate to) {

        boolean covers(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
    }

    private final List<Rule> rules;

    private EarnRules(List<Rule> rules) {
        this.rules = rules;
    }

    static EarnRules load(Connection c) throws SQLException {
        List<Rule> rules = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT KIND, POINTS_PER_YUAN, MULTIPLIER, PRODUCT_ID, BONUS_POINTS, "
                + "VALID_FROM, VALID_TO FROM POINTS_RULE WHERE ACTIVE"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date from = rs.getDate(6);
                Date to = rs.getDate(7);
                rules.add(new Rule(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), (Long) rs.getObject(4),
                        rs.getInt(5), from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate()));
            }
        }
        return new EarnRules(rules);
    }

    /** The products some rule gives a bonus for (their order lines are all that needs reading). */
    List<Long> bonusProducts() {
        return rules.stream().filter(r -> "PRODUCT".equals(r.kind()) && r.productId() != null).map(Rule::productId).distinct().toList();
    }

    /** The points of an order dated {@code day} with {@code quantities} of bonus products, for a member at {@code tier}. */
    int points(LocalDate day, BigDecimal total, Map<Long, BigDecimal> quantities, BigDecimal tier) {
        BigDecimal rate = BigDecimal.ZERO;
        BigDecimal campaign = BigDecimal.ONE;
        int bonus = 0;
        for (Rule r : rules) {
            if (!r.covers(day)) {
                continue;
            }
            switch (r.kind()) {
                case "SPEND" -> rate = rate.add(r.perYuan());
                case "CAMPAIGN" -> campaign = campaign.max(r.multiplier());
                case "PRODUCT" -> bonus += r.bonus() * quantities.getOrDefault(r.productId(), BigDecimal.ZERO).intValue();
                default -> { }
            }
        }
        return total.multiply(rate).multiply(campaign).multiply(tier).setScale(0, RoundingMode.FLOOR).intValue() + bonus;
    }
}
