package org.guanxi.sales;

import jakarta.persistence.EntityManager;

/** Codes of sales records from database sequences, which never hand out a number twice. */
final class SalesCodes {

    private SalesCodes() {
    }

    static String next(EntityManager em, String sequence, String prefix) {
        Number n = (Number) em.createNativeQuery("VALUES NEXT VALUE FOR " + sequence).getSingleResult();
        return String.format("%s%07d", prefix, n.longValue());
    }
}
