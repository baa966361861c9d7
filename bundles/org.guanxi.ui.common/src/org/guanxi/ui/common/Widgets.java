package org.guanxi.ui.common;

import org.eclipse.swt.widgets.Widget;

/** Stable ids on widgets, so UI tests find them whatever the language. */
public final class Widgets {

    public static final String ID = "org.guanxi.id";

    private Widgets() {
    }

    public static <W extends Widget> W id(W widget, String id) {
        widget.setData(ID, id);
        return widget;
    }
}
