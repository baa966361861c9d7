package org.guanxi.ui.common;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
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

    /** A push button showing {@code text} that runs {@code action}, found by tests under {@code id}. */
    public static Button button(Composite parent, String id, String text, Runnable action) {
        Button b = id(new Button(parent, SWT.PUSH), id);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }
}
