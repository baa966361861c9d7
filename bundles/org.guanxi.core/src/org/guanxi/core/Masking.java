package org.guanxi.core;

/**
 * How personal values are shown to people who need not see them in full (PIPL Art. 51: access control and
 * de-identification): enough to tell two values apart on a call or in a list, not enough to use them.
 * {@code 13812349679 → 138****9679}, {@code 440105198001011234 → 4401**********1234}, {@code zhang.wei@qq.com →
 * z***@qq.com}, {@code 天河路385号 → 天河路****}. A masked value is recognised by the service, so saving a form that
 * showed it masked keeps the value held.
 */
public final class Masking {

    /** The kinds of personal value and how each is masked. */
    public enum Kind {
        /** Phones: the first three and the last four digits stay. */
        PHONE,
        /** E-mail addresses: the first character and the domain stay. */
        EMAIL,
        /** ID, tax and bank account numbers: the first four and the last four characters stay. */
        NUMBER,
        /** Street addresses: the first three characters stay. */
        ADDRESS
    }

    private static final char STAR = '*';

    private Masking() {
    }

    /** {@code value} masked as a {@code kind}; null and blank stay as they are. */
    public static String mask(Kind kind, String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String v = value.strip();
        return switch (kind) {
        case PHONE -> v.length() >= 8 ? keep(v, 3, 4) : keep(v, 0, Math.max(1, v.length() / 3));
        case NUMBER -> keep(v, v.length() >= 10 ? 4 : 1, v.length() >= 10 ? 4 : 1);
        case EMAIL -> {
            int at = v.indexOf('@');
            yield at <= 0 ? keep(v, 1, 0) : v.charAt(0) + "***" + v.substring(at);
        }
        case ADDRESS -> keep(v, Math.min(3, v.length() / 2), 0);
        };
    }

    /**
     * The kind of personal value an audited field holds, by the field's last name ({@code phone},
     * {@code contact[7].email}, {@code erpConflict.idNumber}, {@code address[3].street}, a contact point's
     * {@code value}); null for a field that holds none. {@code value} is a phone unless it holds an {@code @}.
     */
    public static Kind kindOfField(String field, String value) {
        if (field == null) {
            return null;
        }
        return switch (field.substring(field.lastIndexOf('.') + 1)) {
        case "phone", "mobile" -> Kind.PHONE;
        case "email" -> Kind.EMAIL;
        case "idNumber", "taxId", "bankAccount" -> Kind.NUMBER;
        case "street", "shipTo" -> Kind.ADDRESS;
        case "value" -> value != null && value.contains("@") ? Kind.EMAIL : Kind.PHONE;
        default -> null;
        };
    }

    /** Whether {@code shown} is what {@link #mask} makes of {@code held}: a form gave back what it was shown. */
    public static boolean isMaskOf(Kind kind, String shown, String held) {
        return shown != null && held != null && !shown.equals(held) && shown.equals(mask(kind, held));
    }

    /** The value as the service keeps it: {@code held} where a form gave back the mask of it, else {@code shown}. */
    public static String unmask(Kind kind, String shown, String held) {
        return isMaskOf(kind, shown, held) ? held : shown;
    }

    /** Keeps {@code head} characters at the start and {@code tail} at the end; the letters and digits between become stars. */
    private static String keep(String v, int head, int tail) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            boolean kept = i < head || i >= v.length() - tail || !Character.isLetterOrDigit(ch);
            out.append(kept ? ch : STAR);
        }
        return out.toString();
    }
}
