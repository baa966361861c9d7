package org.guanxi.customer;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guanxi.core.model.PartyKind;
import org.guanxi.core.service.CustomerRow;

import jakarta.persistence.EntityManager;

/**
 * Runs a {@link CustomerSearch} for the customer list. One probe is one query on its index. Several probes (a phone
 * number's first digits, its last digits, a member card) would be an OR, which Derby answers by reading the whole
 * table, so each probe reads its own index and the matches are merged and ordered here. A probe with more than
 * {@link #MERGE_LIMIT} matches means the typed text is common; then the OR, read in name order, meets a page of
 * matches early, and it is used instead.
 */
final class CustomerListQuery {

    static final int MERGE_LIMIT = 2_000;

    private static final String COLUMNS = "SELECT c.id, c.code, c.kind, c.name, c.phone, c.email, c.memberCard, c.city";

    /** The order of {@link CustomerSearch#BY_NAME}, for merged rows (name key at 8, id at 0). */
    private static final Comparator<Object[]> BY_NAME = Comparator
            .comparing((Object[] r) -> (String) r[8], Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> (Long) r[0]);

    private CustomerListQuery() {
    }

    /** The number of matches, or atMost + 1 when there are more (an exact count when atMost is unbounded). */
    static int count(EntityManager em, CustomerSearch s, int atMost) {
        boolean bounded = atMost < Integer.MAX_VALUE - 1;
        if (s.probes().isEmpty() || !bounded) {
            String where = s.where();
            return s.bind(em.createQuery(s.jpql("SELECT COUNT(c)", where, ""), Long.class), where).getSingleResult()
                    .intValue();
        }
        // ids read off each index stop at atMost + 1, where COUNT would visit every match
        Set<Long> ids = new HashSet<>();
        for (String probe : s.probes()) {
            ids.addAll(s.bind(em.createQuery(s.jpql("SELECT c.id", probe, ""), Long.class), probe)
                    .setMaxResults(atMost + 1).getResultList());
        }
        return Math.min(ids.size(), atMost + 1);
    }

    static List<CustomerRow> find(EntityManager em, CustomerSearch s, int offset, int limit) {
        if (s.probes().size() > 1) {
            Collection<Object[]> merged = merged(em, s);
            if (merged != null) {
                return merged.stream().sorted(BY_NAME).skip(offset).limit(limit).map(CustomerListQuery::row).toList();
            }
        }
        String where = s.where();
        return s.bind(em.createQuery(s.jpql(COLUMNS, where, " ORDER BY " + s.order()), Object[].class), where)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(CustomerListQuery::row)
                .toList();
    }

    /** Every probe's matches, each customer once; null when a probe has more than {@link #MERGE_LIMIT}. */
    private static Collection<Object[]> merged(EntityManager em, CustomerSearch s) {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        for (String probe : s.probes()) {
            List<Object[]> found = s.bind(em.createQuery(s.jpql(COLUMNS + ", c.nameKey", probe, ""), Object[].class), probe)
                    .setMaxResults(MERGE_LIMIT + 1).getResultList();
            if (found.size() > MERGE_LIMIT) {
                return null;
            }
            found.forEach(r -> rows.putIfAbsent((Long) r[0], r));
        }
        return rows.values();
    }

    private static CustomerRow row(Object[] r) {
        return new CustomerRow((Long) r[0], (String) r[1], (PartyKind) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7]);
    }
}
