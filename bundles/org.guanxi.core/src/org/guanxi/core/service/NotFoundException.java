package org.guanxi.core.service;

public class NotFoundException extends GuanxiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super("error.notFound", entity, String.valueOf(id));
    }
}
