package org.guanxi.core.model;

/** Contact channels of an interaction. */
public enum Channel {
    PHONE, EMAIL, VISIT, MEETING, WECHAT, SMS, WEB, LETTER
}
