package org.guanxi.core.service;

import org.guanxi.core.i18n.Texts;

/** Base of the errors a user can be shown: the message is a key in the core message bundle, translated late. */
public class GuanxiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Texts TEXTS = Texts.of(GuanxiException.class);

    private final String key;
    private final transient Object[] args;

    public GuanxiException(String key, Object... args) {
        this(null, key, args);
    }

    public GuanxiException(Throwable cause, String key, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args;
    }

    public String getKey() {
        return key;
    }

    @Override
    public String getMessage() {
        return TEXTS.get(key, args);
    }

    @Override
    public String getLocalizedMessage() {
        return getMessage();
    }

    protected static Texts texts() {
        return TEXTS;
    }
}
