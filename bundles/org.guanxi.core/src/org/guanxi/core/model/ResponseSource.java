package org.guanxi.core.model;

/** How a survey response reached us: asked in a call, answered through an e-mail link, or imported from a file. */
public enum ResponseSource {
    CALL, EMAIL, IMPORT
}
