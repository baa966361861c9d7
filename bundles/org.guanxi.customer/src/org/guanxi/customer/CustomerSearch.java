package org.guanxi.customer;

import java.util.Locale;

import org.guanxi.core.model.SearchKeys;

/**
 * Turns what a user types into indexed prefix predicates: digits search phone numbers (normalised, so "+86 138"
 * finds 138…; four or more digits also find the numbers ending in them, through the reversed key) and member cards, a
 * customer code (C followed by digits) searches codes, letters followed by digits search member cards and codes,
 * Chinese characters search names, anything else searches the pinyin key (Western names spell themselves there).
 * Every predicate is a prefix match on an indexed column, which keeps search-as-you-type fast however large the
 * customer base grows.
 */
record CustomerSearch(String where, String pattern, String order, String tail) {

    /**
     * Results are listed by name; a pinyin search lists them by pinyin instead, the order of the index it reads,
     * so the first page comes off the index without sorting every match of a short prefix.
     */
    CustomerSearch(String where, String pattern) {
        this(where, pattern, "c.nameKey, c.id", null);
    }

    /** Digits typed at least this many also find the numbers that end in them (手机尾号). */
    static final int TAIL_DIGITS = 4;

    static CustomerSearch of(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new CustomerSearch("", null);
        }
        if (t.matches("[0-9+][0-9 +()\\-]*")) {
            String digits = SearchKeys.phoneKey(t);
            String p = escape(digits == null ? t : digits) + "%";
            if (digits != null && digits.length() >= TAIL_DIGITS) {
                return new CustomerSearch("WHERE c.phoneKey LIKE :p OR c.phoneTail LIKE :t OR c.memberCard LIKE :p", p,
                        "c.nameKey, c.id", escape(SearchKeys.phoneTail(digits)) + "%");
            }
            return new CustomerSearch("WHERE c.phoneKey LIKE :p OR c.memberCard LIKE :p", p);
        }
        if (t.matches("(?i)c\\d+")) {
            return new CustomerSearch("WHERE c.code LIKE :p", escape(t.toUpperCase(Locale.ROOT)) + "%");
        }
        if (t.matches("(?i)[a-z]{1,6}\\d[a-z0-9\\-]*")) {
            return new CustomerSearch("WHERE c.memberCard LIKE :p OR c.code LIKE :p", escape(t.toUpperCase(Locale.ROOT)) + "%");
        }
        if (SearchKeys.hasHan(t)) {
            return new CustomerSearch("WHERE c.nameKey LIKE :p", escape(t.toLowerCase(Locale.ROOT)) + "%");
        }
        // latin letters: pinyin of Chinese names, and Western names as they are (the key drops spaces)
        return new CustomerSearch("WHERE c.pinyinKey LIKE :p", escape(SearchKeys.pinyinKey(t)) + "%", "c.pinyinKey, c.id", null);
    }

    /** LIKE wildcards typed by the user are matched literally (escape character {@code \}). */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    String jpql(String select, String orderBy) {
        String w = where.isEmpty() ? "" : where.replace(":p", ":p ESCAPE '\\'").replace(":t", ":t ESCAPE '\\'");
        return select + " FROM Customer c " + w + orderBy;
    }
}
