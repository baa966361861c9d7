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

    /** A drop-down date picker showing {@code value}, found by tests under {@code id}. */
    public static org.eclipse.swt.widgets.DateTime date(Composite parent, String id, java.time.LocalDate value) {
        org.eclipse.swt.widgets.DateTime d = id(new org.eclipse.swt.widgets.DateTime(parent, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), id);
        d.setDate(value.getYear(), value.getMonthValue() - 1, value.getDayOfMonth());
        return d;
    }

    /** The date a picker shows. */
    public static java.time.LocalDate date(org.eclipse.swt.widgets.DateTime d) {
        return java.time.LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
    }

    /** A new page of a tab folder, with its tab showing {@code text}. */
    public static org.eclipse.swt.widgets.Composite tab(org.eclipse.swt.custom.CTabFolder tabs, String text) {
        org.eclipse.swt.custom.CTabItem item = new org.eclipse.swt.custom.CTabItem(tabs, org.eclipse.swt.SWT.NONE);
        item.setText(text);
        org.eclipse.swt.widgets.Composite page = new org.eclipse.swt.widgets.Composite(tabs, org.eclipse.swt.SWT.NONE);
        item.setControl(page);
        return page;
    }

    /**
     * Asks for one line of text (a reason, an outcome, an address); null when the user cancels. With
     * {@code requiredMessage} the text may not be blank: the dialog says so and keeps OK disabled.
     */
    public static String ask(org.eclipse.swt.widgets.Shell shell, String title, String prompt, String requiredMessage) {
        org.eclipse.jface.dialogs.InputDialog dialog = new org.eclipse.jface.dialogs.InputDialog(shell, title, prompt, "",
                requiredMessage == null ? null : text -> text == null || text.isBlank() ? requiredMessage : null);
        return dialog.open() == org.eclipse.jface.window.Window.OK ? dialog.getValue() : null;
    }
}
