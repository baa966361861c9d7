package org.guanxi.app;

import org.guanxi.core.i18n.Texts;

/** Texts of the application bundle ({@code messages*.properties} beside this class). */
public final class Messages {

    public static final Texts TEXTS = Texts.of(Messages.class);

    private Messages() {
    }

    public static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }
}
