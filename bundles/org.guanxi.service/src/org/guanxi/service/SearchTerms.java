package org.guanxi.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The terms of a text for the knowledge-base search: Latin words and numbers whole (lower case), Chinese runs as
 * overlapping character pairs (退款到账 → 退款, 款到, 到账), the usual way to search Chinese without a dictionary.
 * A few thousand articles are searched in memory in well under a millisecond, so an index library (Lucene with its
 * CJK analyser, a dozen megabytes) would add weight without speed.
 */
final class SearchTerms {

    private SearchTerms() {
    }

    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        String s = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                int end = i;
                while (end < s.length() && isHan(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                addPairs(terms, s.substring(i, end));
                i = end;
            } else if (Character.isLetterOrDigit(cp)) {
                int end = i;
                while (end < s.length() && Character.isLetterOrDigit(s.codePointAt(end)) && !isHan(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                terms.add(s.substring(i, end));
                i = end;
            } else {
                i += Character.charCount(cp);
            }
        }
        return terms;
    }

    private static void addPairs(Set<String> terms, String run) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            terms.add(run);
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            terms.add(new String(cps, k, 2));
        }
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
