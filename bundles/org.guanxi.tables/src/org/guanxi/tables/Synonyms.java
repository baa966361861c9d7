package org.guanxi.tables;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a word in a file stands for: the field a column header names, or the value a cell names, from names in
 * Chinese and English matched without case, spaces, "_" or "-", so that "Customer Name", "customer_name" and
 * "客户名称" all find their field.
 */
public final class Synonyms<F> {

    private final Map<String, F> names = new HashMap<>();

    /** Adds the names that stand for {@code field}. */
    public Synonyms<F> add(F field, String... headers) {
        for (String h : headers) {
            names.put(normal(h), field);
        }
        return this;
    }

    /** What the word stands for, or null. */
    public F propose(String word) {
        return names.get(normal(word));
    }

    private static String normal(String word) {
        return word.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
