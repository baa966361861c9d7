package org.guanxi.sales.ui;

import java.time.LocalDate;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.ui.common.Widgets;

/** The rows the sales dialogs are made of: a label and its field, in a two-column grid. */
final class Form {

    /** Width of a text field, in pixels. */
    static final int WIDTH = 420;

    private Form() {
    }

    static Label label(Composite parent, String key) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(Messages.get(key));
        return l;
    }

    /** A label and a one-line text field holding {@code value}; the field is found by tests under {@code key}. */
    static Text text(Composite parent, String key, String value) {
        label(parent, key);
        Text t = Widgets.id(new Text(parent, SWT.BORDER), key);
        t.setText(value == null ? "" : value);
        GridDataFactory.fillDefaults().grab(true, false).hint(WIDTH, SWT.DEFAULT).applyTo(t);
        return t;
    }

    /** A drop-down date picker showing {@code value}. */
    static DateTime date(Composite parent, String id, LocalDate value) {
        return Widgets.date(parent, id, value);
    }

    static LocalDate date(DateTime d) {
        return Widgets.date(d);
    }
}
