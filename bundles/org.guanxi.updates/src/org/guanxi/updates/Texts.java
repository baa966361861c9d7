package org.guanxi.updates;

/** Texts of this bundle ({@code messages*.properties} beside this class). */
final class Texts {

    private static final org.guanxi.core.i18n.Texts TEXTS = org.guanxi.core.i18n.Texts.of(Texts.class);

    private Texts() {
    }

    static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }
}
