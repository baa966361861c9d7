package org.guanxi.ui.common;

/** An editor part whose unsaved changes can be thrown away. */
public interface Revertable {

    void revert();
}
