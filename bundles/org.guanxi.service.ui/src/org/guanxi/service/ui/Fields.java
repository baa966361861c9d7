package org.guanxi.service.ui;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.i18n.Labels;
import org.guanxi.ui.common.Widgets;

/** The rows the service dialogs are made of: a label and its field in a two-column grid. */
final class Fields {

    static final int WIDTH = 420;

    private Fields() {
    }

    static Label label(Composite parent, String key) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(Messages.get(key));
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).indent(0, 3).applyTo(l);
        return l;
    }

    static Text text(Composite parent, String key) {
        label(parent, key);
        Text t = Widgets.id(new Text(parent, SWT.BORDER), key);
        GridDataFactory.fillDefaults().grab(true, false).hint(WIDTH, SWT.DEFAULT).applyTo(t);
        return t;
    }

    static Text area(Composite parent, String key, int height) {
        label(parent, key);
        Text t = Widgets.id(new Text(parent, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), key);
        GridDataFactory.fillDefaults().grab(true, true).hint(WIDTH, height).applyTo(t);
        return t;
    }

    /** A drop-down of an enum's translated values, {@code selected} chosen. */
    static <E extends Enum<E>> Combo choice(Composite parent, String key, List<E> values, E selected) {
        label(parent, key);
        Combo c = Widgets.id(new Combo(parent, SWT.READ_ONLY), key);
        values.forEach(v -> c.add(Labels.of(v)));
        c.select(Math.max(0, values.indexOf(selected)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(c);
        return c;
    }

    static <E extends Enum<E>> E chosen(Combo c, List<E> values) {
        return c.getSelectionIndex() < 0 ? null : values.get(c.getSelectionIndex());
    }
}
