package org.guanxi.core.service;

import java.util.List;
import java.util.Map;

/**
 * Customer delivered value (客户让渡价值, Kotler): total customer value (product, service, personnel, image) minus total
 * customer cost (money, time, energy, psychological cost), as a weighted worksheet for one customer or a segment.
 * Each component has a weight (its share of its side, the weights of a side add up to 100) and a rating from 0 to 10
 * of how the customer sees us, and optionally the main competitor.
 */
public interface DeliveredValueService {

    enum Component {
        PRODUCT(true), SERVICE(true), PERSONNEL(true), IMAGE(true), MONEY(false), TIME(false), ENERGY(false), PSYCHOLOGICAL(false);

        private final boolean value;

        Component(boolean value) {
            this.value = value;
        }

        /** A value component (adds to the customer's gain) rather than a cost. */
        public boolean isValue() {
            return value;
        }
    }

    /** Whose worksheet: a customer (key = its id), a pyramid tier or a customer type (key = the enum name). */
    enum Scope {
        CUSTOMER, TIER, TYPE
    }

    /** {@code theirs} null when the competitor is not rated. */
    record Line(Component component, double weight, double ours, Double theirs) {
    }

    /** {@code version} 0 while not saved. */
    record Sheet(Scope scope, String key, String competitor, String notes, Map<Component, Line> lines, long version) {
    }

    /** Weighted totals on the 0–10 scale; the competitor's are null when not rated. */
    record Result(double valueOurs, double costOurs, double deliveredOurs, Double valueTheirs, Double costTheirs,
            Double deliveredTheirs) {

        /** How much more the customer gets from us than from the competitor, when both are rated. */
        public Double advantage() {
            return deliveredTheirs == null ? null : deliveredOurs - deliveredTheirs;
        }
    }

    /** The saved worksheet, or an even-weighted blank one. */
    Sheet sheet(Scope scope, String key);

    /**
     * @throws ValidationException when a side's weights do not add up to 100 or a rating is outside 0–10
     * @throws ConflictException when someone else saved the worksheet since it was read
     */
    Sheet save(Sheet sheet);

    Result compute(Sheet sheet);

    /** Saved worksheets of one scope kind, e.g. all tiers, as key → result. */
    Map<String, Result> results(Scope scope);

    /** The rules a worksheet breaks; empty when it can be saved. */
    List<FieldError> check(Sheet sheet);
}
