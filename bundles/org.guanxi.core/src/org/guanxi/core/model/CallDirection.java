package org.guanxi.core.model;

/** Inbound (the customer called) or outbound (an agent called from a call list or back). */
public enum CallDirection {
    IN, OUT
}
