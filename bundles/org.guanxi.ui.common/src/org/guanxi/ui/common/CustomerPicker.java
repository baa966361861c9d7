package org.guanxi.ui.common;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.service.CustomerService;

/** Picks a customer by typing part of the name, pinyin, phone or code: the matches fill a drop-down. */
public final class CustomerPicker {

    private static final int MATCHES = 30;
    private static final Texts TEXTS = Texts.of(CustomerPicker.class);

    private final CustomerService customers;
    private final Text search;
    private final Combo choice;
    private final Composite box;
    private final List<CustomerRow> rows = new ArrayList<>();
    private Runnable onChange = () -> { };

    public CustomerPicker(Composite parent, CustomerService customers, String id) {
        this.customers = customers;
        box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(box);
        search = Widgets.id(new Text(box, SWT.BORDER | SWT.SEARCH), id + ".search");
        search.setMessage(TEXTS.get("picker.customer.search"));
        GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).applyTo(search);
        choice = Widgets.id(new Combo(box, SWT.READ_ONLY), id);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(choice);
        search.addListener(SWT.Modify, e -> find(search.getText()));
        choice.addListener(SWT.Selection, e -> onChange.run());
    }

    private void find(String text) {
        rows.clear();
        choice.removeAll();
        if (text.isBlank()) {
            return;
        }
        rows.addAll(customers.find(text, 0, MATCHES));
        rows.forEach(r -> choice.add(label(r)));
        if (!rows.isEmpty()) {
            choice.select(0);
        }
        onChange.run();
    }

    private static String label(CustomerRow r) {
        return r.code() + "  " + r.name() + (r.city() == null ? "" : "（" + r.city() + "）");
    }

    /** Shows a customer already chosen (when editing). */
    public void set(long id, String code, String name) {
        rows.clear();
        choice.removeAll();
        rows.add(new CustomerRow(id, code, null, name, null, null, null, null));
        choice.add(label(rows.get(0)));
        choice.select(0);
    }

    /** The picker's composite, for layout data. */
    public Composite control() {
        return box;
    }

    public Long selectedId() {
        int i = choice.getSelectionIndex();
        return i < 0 ? null : rows.get(i).id();
    }

    public void onChange(Runnable r) {
        onChange = r;
    }

    public void setEnabled(boolean enabled) {
        search.setEnabled(enabled);
        choice.setEnabled(enabled);
    }
}
