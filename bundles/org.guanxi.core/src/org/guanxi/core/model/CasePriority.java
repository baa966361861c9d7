package org.guanxi.core.model;

/** How urgent a service case is (优先级), most urgent first. */
public enum CasePriority {
    URGENT, HIGH, NORMAL, LOW
}
