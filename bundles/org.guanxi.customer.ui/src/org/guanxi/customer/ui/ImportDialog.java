package org.guanxi.customer.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.guanxi.core.service.CustomerImportService;
import org.guanxi.core.service.OrderImportService;
import org.guanxi.core.service.OrderImportService.Problem;
import org.guanxi.ui.common.BackgroundTask;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/**
 * Import in the workbench (customers, order lines): pick a CSV or Excel file, check the proposed column mapping
 * against the first rows, import. A file with bad lines imports nothing; the dialog then lists file, line, column and
 * reason for each, so the file can be corrected and imported again.
 */
public class ImportDialog extends Dialog {

    /** A file's header, the proposed field per column (index into {@link Source#fields}) and its first rows. */
    record Preview(List<String> headers, Map<Integer, Integer> mapping, List<List<String>> rows) {
    }

    /** What an import did, for the status line; {@code problems} are shown in the table. */
    record Outcome(String file, int imported, List<Problem> problems, String summary) {
    }

    /** What is imported: the fields a column can fill, the preview and the import itself. */
    interface Source {
        String title();

        /** Translated field names, in the order the mapping refers to them. */
        List<String> fields();

        Preview preview(Path file, int rows);

        /** {@code mapping}: column → index into {@link #fields}. */
        Outcome run(Path file, Map<Integer, Integer> mapping, boolean skipDuplicates, IntConsumer progress);

        /** Whether duplicates can be skipped instead of refusing the file. */
        boolean skipsDuplicates();
    }

    private static final int PREVIEW_ROWS = 8;
    private static final int IMPORT_ID = IDialogConstants.CLIENT_ID + 1;

    private final Source source;
    private Path file;
    private Preview preview;
    private Label fileLabel;
    private Composite mapping;
    private final List<Combo> fields = new ArrayList<>();
    private Table rows;
    private Button skipDuplicates;
    private Label status;
    private TableViewer problems;
    private int imported;

    ImportDialog(Shell shell, Source source) {
        super(shell);
        this.source = source;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(source.title());
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        fileLabel = Widgets.id(new Label(area, SWT.NONE), "import.file");
        fileLabel.setText(Messages.get("import.noFile"));
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(fileLabel);
        Button choose = Widgets.id(new Button(area, SWT.PUSH), "import.choose");
        choose.setText(Messages.get("import.choose"));
        choose.addListener(SWT.Selection, e -> choose());

        Label hint = new Label(area, SWT.WRAP);
        hint.setText(Messages.get("import.mappingHint"));
        GridDataFactory.fillDefaults().span(2, 1).hint(760, SWT.DEFAULT).applyTo(hint);
        ScrolledComposite scroll = new ScrolledComposite(area, SWT.H_SCROLL | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(760, 62).applyTo(scroll);
        mapping = new Composite(scroll, SWT.NONE);
        scroll.setContent(mapping);
        rows = Widgets.id(new Table(area, SWT.BORDER | SWT.FULL_SELECTION), "import.preview");
        rows.setHeaderVisible(true);
        rows.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(760, 170).applyTo(rows);

        skipDuplicates = Widgets.id(new Button(area, SWT.CHECK), "import.skipDuplicates");
        skipDuplicates.setText(Messages.get("import.skipDuplicates"));
        skipDuplicates.setVisible(source.skipsDuplicates());
        GridDataFactory.fillDefaults().span(2, 1).exclude(!source.skipsDuplicates()).applyTo(skipDuplicates);
        status = Widgets.id(new Label(area, SWT.WRAP), "import.status");
        GridDataFactory.fillDefaults().span(2, 1).hint(760, SWT.DEFAULT).applyTo(status);
        problems = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION);
        Table t = Widgets.id(problems.getTable(), "import.problems");
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        problems.setContentProvider(ArrayContentProvider.getInstance());
        Columns.add(problems, Problem.class, Messages.get("import.col.line"), 70, p -> Long.toString(p.line()));
        Columns.add(problems, Problem.class, Messages.get("import.col.column"), 140, Problem::field);
        Columns.add(problems, Problem.class, Messages.get("import.col.reason"), 520, Problem::reason);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(760, 130).applyTo(t);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.id(createButton(parent, IMPORT_ID, Messages.get("import.run"), true), "import.run").setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, false);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == IMPORT_ID) {
            runImport();
        } else if (id == IDialogConstants.CLOSE_ID) {
            setReturnCode(imported > 0 ? OK : CANCEL);
            close();
        } else {
            super.buttonPressed(id);
        }
    }

    private void choose() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.xlsx;*.csv;*.txt;*.gz", "*.*" });
        dialog.setFilterNames(new String[] { Messages.get("import.filter"), "*.*" });
        String chosen = dialog.open();
        if (chosen != null) {
            load(Path.of(chosen));
        }
    }

    /** Reads the header and the first rows and shows the proposed mapping (also used by the workbench tests). */
    public void load(Path chosen) {
        try {
            preview = source.preview(chosen, PREVIEW_ROWS);
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
            return;
        }
        file = chosen;
        fileLabel.setText(chosen.toString());
        for (Control c : mapping.getChildren()) {
            c.dispose();
        }
        fields.clear();
        for (TableColumn c : rows.getColumns()) {
            c.dispose();
        }
        rows.removeAll();
        int columns = preview.headers().size();
        // one combo above each preview column: 123 + 5 px spacing = the column's 128 px
        GridLayoutFactory.fillDefaults().numColumns(columns).margins(1, 4).spacing(5, 0).equalWidth(true).applyTo(mapping);
        for (int i = 0; i < columns; i++) {
            Combo combo = Widgets.id(new Combo(mapping, SWT.READ_ONLY), "import.map." + i);
            combo.add(Messages.get("import.ignore"));
            source.fields().forEach(combo::add);
            Integer proposed = preview.mapping().get(i);
            combo.select(proposed == null ? 0 : proposed + 1);
            GridDataFactory.fillDefaults().hint(123, SWT.DEFAULT).applyTo(combo);
            fields.add(combo);
            TableColumn column = new TableColumn(rows, SWT.NONE);
            column.setText(preview.headers().get(i));
            column.setWidth(128);
        }
        mapping.setSize(mapping.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        for (List<String> r : preview.rows()) {
            TableItem item = new TableItem(rows, SWT.NONE);
            for (int i = 0; i < r.size() && i < columns; i++) {
                item.setText(i, r.get(i));
            }
        }
        problems.setInput(List.of());
        status.setText(Messages.get("import.previewed", preview.rows().size()));
        getButton(IMPORT_ID).setEnabled(true);
        getShell().layout(true, true);
    }

    private Map<Integer, Integer> chosenMapping() {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            int selected = fields.get(i).getSelectionIndex();
            if (selected > 0) {
                out.put(i, selected - 1);
            }
        }
        return out;
    }

    private void runImport() {
        Map<Integer, Integer> chosen = chosenMapping();
        if (chosen.values().stream().distinct().count() < chosen.size()) {
            status.setText(Messages.get("import.twice"));
            return;
        }
        boolean skip = skipDuplicates.getSelection();
        Path target = file;
        getButton(IMPORT_ID).setEnabled(false);
        status.setText(Messages.get("import.running"));
        BackgroundTask.run(Messages.get("import.running"), status, p -> source.run(target, chosen, skip, p),
                (report, cancelled) -> {
                    getButton(IMPORT_ID).setEnabled(true);
                    if (report != null) {
                        show(report);
                    } else {
                        status.setText("");
                    }
                });
    }

    private void show(Outcome r) {
        imported += r.imported();
        problems.setInput(r.problems());
        status.setText(r.summary());
        getShell().layout(true, true);
    }

    /** Customers: the customer import service with its duplicate option. */
    static Source customers(CustomerImportService service) {
        CustomerImportService.Field[] all = CustomerImportService.Field.values();
        return new Source() {
            @Override
            public String title() {
                return Messages.get("import.title");
            }

            @Override
            public List<String> fields() {
                return Arrays.stream(all).map(f -> Messages.get("import.field." + f.name())).toList();
            }

            @Override
            public Preview preview(Path file, int rows) {
                CustomerImportService.Preview p = service.preview(file, rows);
                return new Preview(p.headers(), ordinals(p.mapping()), p.rows());
            }

            @Override
            public Outcome run(Path file, Map<Integer, Integer> mapping, boolean skip, IntConsumer progress) {
                Map<Integer, CustomerImportService.Field> chosen = new LinkedHashMap<>();
                mapping.forEach((column, field) -> chosen.put(column, all[field]));
                CustomerImportService.Report r = service.importCustomers(file, chosen, skip, progress);
                String summary = r.imported() > 0
                        ? Messages.get(r.duplicatesSkipped() > 0 ? "import.doneSkipped" : "import.done", r.imported(), r.lines(),
                                r.duplicatesSkipped(), r.millis())
                        : r.problems().isEmpty() ? Messages.get("import.empty") : Messages.get("import.rejected", r.file(), r.problems().size());
                return new Outcome(r.file(), r.imported(), r.problems(), summary);
            }

            @Override
            public boolean skipsDuplicates() {
                return true;
            }
        };
    }

    /** Order lines: the order import service; invoices imported before are skipped, not duplicated. */
    static Source orders(OrderImportService service) {
        OrderImportService.Field[] all = OrderImportService.Field.values();
        return new Source() {
            @Override
            public String title() {
                return Messages.get("importOrders.title");
            }

            @Override
            public List<String> fields() {
                return Arrays.stream(all).map(f -> Messages.get("importOrders.field." + f.name())).toList();
            }

            @Override
            public Preview preview(Path file, int rows) {
                OrderImportService.Preview p = service.preview(file, rows);
                return new Preview(p.headers(), ordinals(p.mapping()), p.rows());
            }

            @Override
            public Outcome run(Path file, Map<Integer, Integer> mapping, boolean skip, IntConsumer progress) {
                Map<Integer, OrderImportService.Field> chosen = new LinkedHashMap<>();
                mapping.forEach((column, field) -> chosen.put(column, all[field]));
                OrderImportService.Report r = service.importOrders(file, chosen);
                String summary = !r.ok() ? Messages.get("import.rejected", r.file(), r.problems().size())
                        : Messages.get("importOrders.done", r.orders(), r.returns(), r.linesImported(), r.customersCreated(),
                                r.productsCreated(), r.skippedExisting(), r.skippedNoCustomer());
                return new Outcome(r.file(), r.orders() + r.returns(), r.problems(), summary);
            }

            @Override
            public boolean skipsDuplicates() {
                return false;
            }
        };
    }

    private static Map<Integer, Integer> ordinals(Map<Integer, ? extends Enum<?>> mapping) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        mapping.forEach((column, field) -> out.put(column, field.ordinal()));
        return out;
    }
}
