package org.guanxi.core.service;

import org.guanxi.core.model.Permission;

public class PermissionDeniedException extends GuanxiException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String user, Permission permission) {
        super("error.permission", user, permission.name());
    }
}
