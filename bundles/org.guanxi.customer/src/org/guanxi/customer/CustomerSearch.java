package org.guanxi.customer;

import java.util.List;
import java.util.Locale;

import org.guanxi.core.model.SearchKeys;

import jakarta.persistence.TypedQuery;

/**
 * Turns what a user types into indexed prefix predicates ("probes"): digits search phone numbers (normalised, so
 * "+86 138" finds 138…; four or more digits also find the numbers ending in them, through the reversed key) and
 * member cards, a customer code (C followed by digits) searches codes, letters followed by digits search member cards
 * and codes, Chinese characters search names, anything else searches the pinyin key (Western names spell themselves
 * there). Every probe is a prefix match on one indexed column, which keeps search-as-you-type fast however large the
 * customer base grows; a search of several probes matches any of them ({@link CustomerListQuery} merges them).
 * <p>
 * For people who see phones masked, a phone matches only when typed in full: a prefix or an ending longer than the
 * mask shows would let them uncover a number digit by digit, ten searches a digit.
 */
record CustomerSearch(List<String> probes, String pattern, String order, String tail, String exact) {

    /**
     * Results are listed by name; a pinyin search lists them by pinyin instead, the order of the index it reads,
     * so the first page comes off the index without sorting every match of a short prefix.
     */
    static final String BY_NAME = "c.nameKey, c.id";

    /** Digits typed at least this many also find the numbers that end in them (手机尾号). */
    static final int TAIL_DIGITS = 4;

    static CustomerSearch of(String text) {
        return of(text, false, false);
    }

    /**
     * {@code masked}: the person sees phones masked, and finds a phone only by typing all of it; {@code tokens}: the
     * person reads the team database's masked views, whose phone keys are tokens of the key.
     */
    static CustomerSearch of(String text, boolean masked, boolean tokens) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new CustomerSearch(List.of(), null, BY_NAME, null, null);
        }
        if (t.matches("[0-9+][0-9 +()\\-]*")) {
            String digits = SearchKeys.phoneKey(t);
            String p = escape(digits == null ? t : digits) + "%";
            if (masked) {
                return new CustomerSearch(List.of(tokens ? "c.phoneKey = FUNCTION('gx_key', 'PHONE', :k)" : "c.phoneKey = :k",
                        "c.memberCard LIKE :p"), p, BY_NAME, null,
                        digits == null ? t : digits);
            }
            if (digits != null && digits.length() >= TAIL_DIGITS) {
                return new CustomerSearch(List.of("c.phoneKey LIKE :p", "c.phoneTail LIKE :t", "c.memberCard LIKE :p"),
                        p, BY_NAME, escape(SearchKeys.phoneTail(digits)) + "%", null);
            }
            return of(p, "c.phoneKey LIKE :p", "c.memberCard LIKE :p");
        }
        if (t.matches("(?i)c\\d+")) {
            return of(escape(t.toUpperCase(Locale.ROOT)) + "%", "c.code LIKE :p");
        }
        if (t.matches("(?i)[a-z]{1,6}\\d[a-z0-9\\-]*")) {
            return of(escape(t.toUpperCase(Locale.ROOT)) + "%", "c.memberCard LIKE :p", "c.code LIKE :p");
        }
        if (SearchKeys.hasHan(t)) {
            return of(escape(t.toLowerCase(Locale.ROOT)) + "%", "c.nameKey LIKE :p");
        }
        // latin letters: pinyin of Chinese names, and Western names as they are (the key drops spaces)
        return new CustomerSearch(List.of("c.pinyinKey LIKE :p"), escape(SearchKeys.pinyinKey(t)) + "%",
                "c.pinyinKey, c.id", null, null);
    }

    private static CustomerSearch of(String pattern, String... probes) {
        return new CustomerSearch(List.of(probes), pattern, BY_NAME, null, null);
    }

    /** LIKE wildcards typed by the user are matched literally (escape character {@code \}). */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** All probes, any of which matches; nothing for an empty search. */
    String where() {
        return String.join(" OR ", probes);
    }

    /** {@code select} over the customers that {@code predicate} (all probes, or one of them) matches. */
    String jpql(String select, String predicate, String orderBy) {
        String w = predicate.isEmpty() ? ""
                : " WHERE " + predicate.replace(":p", ":p ESCAPE '\\'").replace(":t", ":t ESCAPE '\\'");
        return select + " FROM Customer c" + w + orderBy;
    }

    /** Binds the parameters {@code predicate} uses. */
    <T> TypedQuery<T> bind(TypedQuery<T> q, String predicate) {
        if (predicate.contains(":t")) {
            q.setParameter("t", tail);
        }
        if (predicate.contains(":k")) {
            q.setParameter("k", exact);
        }
        return predicate.contains(":p") ? q.setParameter("p", pattern) : q;
    }
}
