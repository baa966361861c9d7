package org.guanxi.core.model;

import java.util.Locale;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Keys that names are searched by. The name key is the lower-case name; the pinyin key spells Chinese characters in
 * toneless pinyin and drops spaces, so "wangf", "wang fang" and 王芳 all find 王芳, and "annab" finds Anna Brown.
 * (A character with several readings is spelt with its first, most common one.)
 */
public final class SearchKeys {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private SearchKeys() {
    }

    public static String nameKey(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    public static String pinyinKey(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(name.length() * 3);
        for (char ch : name.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isWhitespace(ch)) {
                continue;
            }
            String[] readings = null;
            if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN) {
                try {
                    readings = PinyinHelper.toHanyuPinyinStringArray(ch, FORMAT);
                } catch (BadHanyuPinyinOutputFormatCombination e) {
                    throw new IllegalStateException(e);
                }
            }
            sb.append(readings != null && readings.length > 0 ? readings[0] : String.valueOf(ch));
        }
        return sb.length() > 400 ? sb.substring(0, 400) : sb.toString();
    }

    /** True when a search text holds Chinese characters, which are then matched against the name itself. */
    public static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
