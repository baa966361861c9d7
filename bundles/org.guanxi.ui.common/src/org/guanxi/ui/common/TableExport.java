package org.guanxi.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.guanxi.core.Services;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.service.ExportLog;
import org.guanxi.tables.TableWriter;

/**
 * "Export…" for any list on screen: its columns and rows exactly as shown, to Excel (.xlsx) or CSV. Lists whose rows
 * are paged from the database (the customer list) export through their service instead, which reads every page.
 * Offered only to those who may export ({@code DATA_EXPORT}); every export is recorded ({@link ExportLog}).
 */
public final class TableExport {

    private static final Texts TEXTS = Texts.of(TableExport.class);

    private TableExport() {
    }

    /** An "Export…" button that writes {@code table}; {@code name} is the proposed file and sheet name. */
    public static Button button(Composite parent, Table table, String name) {
        Button b = Widgets.id(new Button(parent, SWT.PUSH), table.getData(Widgets.ID) + ".export");
        b.setText(TEXTS.get("export.button"));
        b.addListener(SWT.Selection, e -> export(table, name));
        b.setEnabled(exports().allowed());
        return b;
    }

    public static void export(Table table, String name) {
        try {
            exports().check(); // before the file dialog, not after
        } catch (RuntimeException e) {
            Errors.show(table.getShell(), e);
            return;
        }
        FileDialog dialog = new FileDialog(table.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.xlsx", "*.csv" });
        dialog.setFilterNames(new String[] { TEXTS.get("export.excel"), TEXTS.get("export.csv") });
        dialog.setFileName(name + ".xlsx");
        dialog.setOverwrite(true);
        String target = dialog.open();
        if (target == null) {
            return;
        }
        try {
            int rows = write(table, Path.of(target), name);
            MessageDialog.openInformation(table.getShell(), TEXTS.get("export.title"), TEXTS.get("export.done", rows, target));
        } catch (IOException | RuntimeException e) {
            Errors.show(table.getShell(), e);
        }
    }

    /** Writes the table's header and rows and records the export; returns the number of rows written. */
    public static int write(Table table, Path file, String sheet) throws IOException {
        ExportLog exports = exports();
        exports.check();
        List<String> header = new ArrayList<>();
        for (TableColumn c : table.getColumns()) {
            header.add(c.getText());
        }
        try (TableWriter out = TableWriter.open(file, sheet, header)) {
            for (TableItem item : table.getItems()) {
                List<String> row = new ArrayList<>(header.size());
                for (int i = 0; i < header.size(); i++) {
                    row.add(item.getText(i));
                }
                out.row(row);
            }
        }
        exports.record(sheet, table.getItemCount(), file);
        return table.getItemCount();
    }

    /** The export log; this helper is static (called from any part), so it finds the service itself. */
    private static ExportLog exports() {
        return Services.await(ExportLog.class);
    }
}
