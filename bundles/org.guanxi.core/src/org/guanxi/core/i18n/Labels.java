package org.guanxi.core.i18n;

/**
 * Translated names of the domain's enum values (order status, quote status, …), shared by services' messages and
 * every view: key {@code enum.<SimpleName>.<CONSTANT>} in the core message bundle.
 */
public final class Labels {

    private static final Texts TEXTS = new Texts("org.guanxi.core.service.messages", Labels.class.getClassLoader());

    private Labels() {
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return TEXTS.has(key) ? TEXTS.get(key) : value.name();
    }
}
