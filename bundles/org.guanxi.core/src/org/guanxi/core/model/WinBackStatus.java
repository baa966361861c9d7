package org.guanxi.core.model;

/** Where a win-back stands. */
public enum WinBackStatus {
    OPEN, WON_BACK, LOST
}
