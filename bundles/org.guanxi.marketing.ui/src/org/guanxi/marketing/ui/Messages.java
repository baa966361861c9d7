package org.guanxi.marketing.ui;

import org.guanxi.core.i18n.Texts;

final class Messages {

    private static final Texts TEXTS = Texts.of(Messages.class);

    private Messages() {
    }

    static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }

    static boolean has(String key) {
        return TEXTS.has(key);
    }
}
