package org.guanxi.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Message bundle access for one bundle's {@code messages*.properties} (UTF-8, Simplified Chinese and English).
 * The locale is read at each call, so the OS locale or {@code -nl} picks the language.
 */
public final class Texts {

    private final String baseName;
    private final ClassLoader loader;

    public Texts(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /** For {@code messages.properties} in the package of {@code anchor}. */
    public static Texts of(Class<?> anchor) {
        return new Texts(anchor.getPackageName() + ".messages", anchor.getClassLoader());
    }

    /**
     * What a customer reads (mails, greetings, a survey page) in the customer's language, not the user's:
     * {@code name_zh.properties} or {@code name.properties} (English) in the package of {@code anchor}, without
     * falling back to the user's locale.
     */
    public static ResourceBundle inLanguage(Class<?> anchor, String name, String language) {
        return ResourceBundle.getBundle(anchor.getPackageName() + "." + name, Locale.forLanguageTag(language),
                anchor.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(baseName, Locale.getDefault(), loader).getString(key);
        } catch (MissingResourceException e) {
            return '!' + key + '!';
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }

    public boolean has(String key) {
        try {
            return ResourceBundle.getBundle(baseName, Locale.getDefault(), loader).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }

    private static final char SEP = '\u001F';

    /**
     * A message to store in the database and translate when read (reasons, generated task titles): the key and its
     * arguments joined by a unit separator, at most {@code max} characters.
     */
    public static String encode(int max, String key, Object... args) {
        StringBuilder sb = new StringBuilder(key);
        for (Object a : args) {
            sb.append(SEP).append(a instanceof java.math.BigDecimal b
                    ? b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : a);
        }
        return sb.length() > max ? sb.substring(0, max) : sb.toString();
    }

    /**
     * Translates what {@link #encode} stored; an argument written {@code @key} is itself translated. Text without a
     * key (typed by a user) is returned as it is.
     */
    public String decode(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(String.valueOf(SEP), -1);
        if (parts.length == 1 && !has(parts[0])) {
            return stored;
        }
        Object[] args = new Object[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            String a = parts[i];
            args[i - 1] = a.startsWith("@") && has(a.substring(1)) ? get(a.substring(1)) : a;
        }
        return get(parts[0], args);
    }
}
