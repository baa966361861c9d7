package org.guanxi.core.model;

/** A decision maker's attitude towards us, for the key-account decision-maker map. */
public enum Attitude {
    SUPPORTER, NEUTRAL, SCEPTIC, OPPONENT
}
