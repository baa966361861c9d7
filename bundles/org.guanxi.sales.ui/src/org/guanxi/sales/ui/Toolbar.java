package org.guanxi.sales.ui;

import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

/** What the sales lists share: a labelled button per action and "the selected row, or say to select one". */
final class Toolbar {

    private Toolbar() {
    }

    /** A push button with the text of {@code key}, found by tests under the same id. */
    static Button button(Composite parent, String key, Runnable action) {
        return Widgets.button(parent, key, Messages.get(key), action);
    }

    /** The search field that starts a list's toolbar: the list reloads on every keystroke. */
    static Text search(Composite parent, String key, int width, Runnable reload) {
        Text search = Widgets.id(new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH), key);
        search.setMessage(Messages.get(key));
        GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(search);
        search.addListener(SWT.Modify, e -> reload.run());
        return search;
    }

    /** A table with headers and grid lines showing a list (the lists' and details' common start). */
    static TableViewer table(Composite parent, int style, String id) {
        return Tables.viewer(parent, style, id);
    }

    /** The selected row, if any. */
    static <T> Optional<T> current(TableViewer viewer, Class<T> type) {
        return Tables.selected(viewer, type);
    }

    /**
     * Runs an action on the selected row (or tells the user to select one), shows what goes wrong, then reloads the
     * list: the pattern of every list's action buttons.
     */
    static <T> void step(TableViewer viewer, Class<T> type, String titleKey, String selectKey, Consumer<T> action,
            Runnable reload) {
        selected(viewer, type, titleKey, selectKey).ifPresent(r -> {
            try {
                action.accept(r);
            } catch (RuntimeException e) {
                Errors.show(viewer.getTable().getShell(), e);
            }
            reload.run();
        });
    }

    /**
     * Asks for one line of text (a reason, an outcome, an address); null when the user cancels. A required text may
     * not be blank: the dialog says so and keeps OK disabled.
     */
    static String ask(Shell shell, String title, String prompt, boolean required) {
        return Widgets.ask(shell, title, prompt, required ? Messages.get("pipeline.reasonRequired") : null);
    }

    /** The selected row; when there is none, tells the user ({@code titleKey}, {@code selectKey}) and returns empty. */
    static <T> Optional<T> selected(TableViewer viewer, Class<T> type, String titleKey, String selectKey) {
        return Tables.selectedOrTell(viewer, type, Messages.get(titleKey), Messages.get(selectKey));
    }
}
