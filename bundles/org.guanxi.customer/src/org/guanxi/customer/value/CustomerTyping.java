package org.guanxi.customer.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.guanxi.core.model.CustomerType;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Tier;

/**
 * The customer type, kept up to date from the data unless a user set it: an organisation that buys at least
 * {@code distributorUnits} units per order over at least {@code distributorOrders} orders resells (distributor), an
 * organisation in the VIP or major tier is a key account, other organisations are businesses and persons are
 * consumers.
 */
public record CustomerTyping(BigDecimal distributorUnits, int distributorOrders) {

    public static final CustomerTyping DEFAULT = new CustomerTyping(BigDecimal.valueOf(50), 3);

    /**
     * @param manual the type a user chose, or null
     * @param units  units bought to date (sum of line quantities)
     */
    public Explained<CustomerType> type(PartyKind kind, CustomerType manual, CustomerFacts f, Tier tier, BigDecimal units) {
        if (manual != null) {
            return new Explained<>(manual, "type.manual");
        }
        if (kind == PartyKind.PERSON) {
            return new Explained<>(CustomerType.CONSUMER, "type.consumer");
        }
        if (f.orders() >= distributorOrders && units != null) {
            BigDecimal perOrder = units.divide(BigDecimal.valueOf(f.orders()), 1, RoundingMode.HALF_UP);
            if (perOrder.compareTo(distributorUnits) >= 0) {
                return new Explained<>(CustomerType.DISTRIBUTOR, "type.distributor", perOrder, f.orders());
            }
        }
        if (tier == Tier.VIP || tier == Tier.MAJOR) {
            return new Explained<>(CustomerType.KEY_ACCOUNT, "type.keyAccount." + tier.name());
        }
        return new Explained<>(CustomerType.BUSINESS, "type.business");
    }
}
