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
}
