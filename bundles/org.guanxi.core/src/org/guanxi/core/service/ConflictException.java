package org.guanxi.core.service;

/** Somebody else changed or deleted the record since it was read; the user's change was not written. */
public class ConflictException extends GuanxiException {

    private static final long serialVersionUID = 1L;

    public ConflictException(Throwable cause) {
        super(cause, "error.conflict");
    }
}
