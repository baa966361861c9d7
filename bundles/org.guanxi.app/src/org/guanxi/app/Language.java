package org.guanxi.app;

import java.util.Locale;

import org.guanxi.core.GuanxiHome;

/** The UI language: {@code -nl} on the command line wins, then the preference, then the OS locale. */
public final class Language {

    public static final String[] CHOICES = { "", "zh_CN", "en" };

    private Language() {
    }

    /** Applies the language preference unless {@code -nl} was given; returns the locale in force. */
    static Locale apply() {
        String commands = System.getProperty("eclipse.commands", "");
        String pref = GuanxiHome.settings().getProperty(GuanxiHome.SETTING_LANGUAGE, "");
        if (!commands.contains("-nl\n") && !pref.isBlank()) {
            Locale locale = Locale.forLanguageTag(pref.replace('_', '-'));
            Locale.setDefault(locale);
            System.setProperty("osgi.nl", pref);
        }
        return Locale.getDefault();
    }
}
