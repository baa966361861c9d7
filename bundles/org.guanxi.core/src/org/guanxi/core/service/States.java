package org.guanxi.core.service;

import org.guanxi.core.i18n.Labels;

/** The guard of every status transition: the record must be in one of the allowed states. */
public final class States {

    private States() {
    }

    /** @throws GuanxiException {@code key} with the record's number and its (translated) status otherwise */
    @SafeVarargs
    public static <S extends Enum<S>> void require(S actual, String key, String number, S... allowed) {
        for (S s : allowed) {
            if (actual == s) {
                return;
            }
        }
        throw new GuanxiException(key, number, Labels.of(actual));
    }
}
