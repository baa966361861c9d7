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

    /**
     * The digits a phone number is matched by, whatever way it was typed: "+86 138-0013-8000", "0086 13800138000" and
     * "13800138000" all give {@code 13800138000}; "+86 10 6552 9988" and "010-65529988" both give {@code 01065529988}
     * (after the country code 86 a number that is not a mobile, 13…–19…, gets back its trunk prefix 0). Numbers of
     * other countries keep their country code. Returns null when the text holds no digit.
     */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char ch = phone.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits.append(ch);
            } else if (ch >= '０' && ch <= '９') {
                digits.append((char) (ch - '０' + '0'));
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        String d = digits.toString();
        boolean international = phone.strip().startsWith("+") || d.startsWith("00");
        if (d.startsWith("00")) {
            d = d.substring(2);
        }
        if (international && d.startsWith("86")) {
            d = d.substring(2);
            // mobile numbers start with 13–19; everything else is an area code (10 is Beijing) that lost its 0
            boolean mobile = d.length() >= 2 && d.charAt(0) == '1' && d.charAt(1) >= '3';
            return mobile || d.isEmpty() || d.startsWith("0") ? d : "0" + d;
        }
        if (!international && d.length() == 13 && d.startsWith("861")) {
            return d.substring(2); // a mobile number written with the country code but without "+"
        }
        return d.length() > 40 ? d.substring(0, 40) : d;
    }

    /**
     * A phone key reversed, so that the last digits of a number (手机尾号: "the one ending in 8000") are an indexed
     * prefix search like the first ones; null when there is no key.
     */
    public static String phoneTail(String phoneKey) {
        return phoneKey == null ? null : new StringBuilder(phoneKey).reverse().toString();
    }

    /** The key an e-mail address is matched by: trimmed and lower-case, null when blank. */
    public static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** True when a search text holds Chinese characters, which are then matched against the name itself. */
    public static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
