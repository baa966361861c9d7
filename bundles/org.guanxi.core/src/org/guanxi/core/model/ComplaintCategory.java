package org.guanxi.core.model;

/** What a complaint is about (投诉类别). */
public enum ComplaintCategory {
    PRODUCT, SERVICE, DELIVERY, PRICE, STAFF_ATTITUDE, OTHER
}
