package org.guanxi.customer.ui;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.guanxi.ui.common.Columns;

/** A table column whose cells are edited in place as text. */
final class TextColumn<T> {

    private TextColumn() {
    }

    static <T> void add(TableViewer viewer, Class<T> type, String title, int width, Function<T, String> get,
            BiConsumer<T, String> set, Runnable changed) {
        TableViewerColumn c = Columns.add(viewer, type, title, width, get);
        TextCellEditor editor = new TextCellEditor(viewer.getTable());
        c.setEditingSupport(new EditingSupport(viewer) {
            @Override
            protected CellEditor getCellEditor(Object element) {
                return editor;
            }

            @Override
            protected boolean canEdit(Object element) {
                return true;
            }

            @Override
            protected Object getValue(Object element) {
                String s = get.apply(type.cast(element));
                return s == null ? "" : s;
            }

            @Override
            protected void setValue(Object element, Object value) {
                String v = value == null ? "" : value.toString().strip();
                String old = get.apply(type.cast(element));
                if (!v.equals(old == null ? "" : old)) {
                    set.accept(type.cast(element), v.isEmpty() ? null : v);
                    viewer.update(element, null);
                    changed.run();
                }
            }
        });
    }
}
