package org.guanxi.core.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that one field breaks. {@code field} is a path such as {@code email} or {@code contact.2.phone} (the
 * second contact); {@code key} names the message, whose first argument is the field's translated label.
 */
public record FieldError(String field, String key, Object... args) {

    private static final Pattern ROW = Pattern.compile("(\\w+)\\.(\\d+)\\.(\\w+)");

    public String label() {
        Matcher m = ROW.matcher(field);
        if (m.matches()) {
            return GuanxiException.texts().get("field." + m.group(1) + "." + m.group(3)) + " (" + m.group(2) + ")";
        }
        return GuanxiException.texts().get("field." + field);
    }

    public String message() {
        Object[] all = new Object[args.length + 1];
        all[0] = label();
        System.arraycopy(args, 0, all, 1, args.length);
        return GuanxiException.texts().get(key, all);
    }
}
