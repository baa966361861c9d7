package org.guanxi.core.i18n;

/**
 * Translated names of the domain's enum values (order status, quote status, …), shared by services' messages and
 * every view: key {@code enum.<SimpleName>.<CONSTANT>} in the core message bundle.
 */
public final class Labels {

    private static final Texts TEXTS = new Texts("org.guanxi.core.service.messages", Labels.class.getClassLoader());

    private Labels() {
    }

    /** A role's name in the user's language (the built-in roles: key {@code role.<NAME>}), or as it is stored. */
    public static String role(String name) {
        String key = "role." + name;
        return TEXTS.has(key) ? TEXTS.get(key) : name;
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return TEXTS.has(key) ? TEXTS.get(key) : value.name();
    }
}
