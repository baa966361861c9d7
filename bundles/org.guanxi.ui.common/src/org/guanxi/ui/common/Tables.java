package org.guanxi.ui.common;

import java.util.Optional;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;

/** What every list view starts with: a table with headers and grid lines, and its selected row. */
public final class Tables {

    private Tables() {
    }

    /** A table viewer over a list of rows, found by tests under {@code id}. */
    public static TableViewer viewer(Composite parent, int style, String id) {
        TableViewer viewer = new TableViewer(parent, style);
        Widgets.id(viewer.getTable(), id).setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    /** A titled frame filled by a single-selection table, for views that stack several lists. */
    public static TableViewer framed(Composite parent, String title, String id) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(g);
        TableViewer viewer = viewer(g, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, id);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        return viewer;
    }

    /** The selected row, if any. */
    public static <T> Optional<T> selected(TableViewer viewer, Class<T> type) {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return type.isInstance(first) ? Optional.of(type.cast(first)) : Optional.empty();
    }

    /** The selected row; when there is none, tells the user ({@code title}, {@code message}) and returns empty. */
    public static <T> Optional<T> selectedOrTell(TableViewer viewer, Class<T> type, String title, String message) {
        Optional<T> row = selected(viewer, type);
        if (row.isEmpty()) {
            org.eclipse.jface.dialogs.MessageDialog.openInformation(viewer.getTable().getShell(), title, message);
        }
        return row;
    }
}
