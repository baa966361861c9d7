package org.guanxi.ui.common;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;

/** Table columns that show one text per row. */
public final class Columns {

    private Columns() {
    }

    public static <T> TableViewerColumn add(TableViewer viewer, Class<T> type, String title, int width,
            Function<T, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String s = text.apply(type.cast(element));
                return s == null ? "" : s;
            }
        });
        return c;
    }
}
