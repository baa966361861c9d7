package org.guanxi.core.model;

/** Levels of the customer pyramid (客户金字塔), from the top. */
public enum Tier {
    VIP, MAJOR, ORDINARY, SMALL
}
