package org.guanxi.core.model;

/** Kinds of further phones and addresses a customer can be reached at. */
public enum ContactPointKind {
    MOBILE, PHONE, FAX, EMAIL, WECHAT;

    /** Phone-like kinds are matched by their normalised digits, the others by their lower-case text. */
    public boolean isPhone() {
        return this == MOBILE || this == PHONE || this == FAX;
    }
}
