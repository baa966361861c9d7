package org.guanxi.core.db;

import jakarta.persistence.EntityManager;

/** Record numbers such as SO0000042 from database sequences, which never hand out a number twice. */
public final class Codes {

    private Codes() {
    }

    public static String next(EntityManager em, String sequence, String prefix) {
        Number n = (Number) em.createNativeQuery(SqlDialect.of(em).nextValue(sequence)).getSingleResult();
        return String.format("%s%07d", prefix, n.longValue());
    }
}
