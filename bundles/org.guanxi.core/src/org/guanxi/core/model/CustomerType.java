package org.guanxi.core.model;

/**
 * What kind of business a customer brings (DOMAIN §1): a consumer, a business buying for its own use, a key account
 * (大客户), a distributor or reseller (经销商), or a partner.
 */
public enum CustomerType {
    CONSUMER, BUSINESS, KEY_ACCOUNT, DISTRIBUTOR, PARTNER
}
