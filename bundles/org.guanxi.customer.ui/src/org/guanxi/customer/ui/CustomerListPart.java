package org.guanxi.customer.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.event.Topics;
import org.guanxi.core.service.ExportLog;
import org.guanxi.core.service.PrivacyService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerExportService;
import org.guanxi.core.service.CustomerImportService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The customer list: search as you type over the whole base. The table is virtual and fetches only the pages of
 * rows it shows, so it opens as fast with a hundred thousand customers as with a hundred.
 */
public class CustomerListPart {

    static final int PAGE = 100;
    private static final int TYPING_DELAY_MS = 200;

    @Inject
    private CustomerService customers;

    @Inject
    private EPartService parts;

    @Inject
    private CustomerExportService export;

    @Inject
    private ExportLog exportLog;

    @Inject
    private PrivacyService privacy;

    @Inject
    private SecurityService security;

    @Inject
    private CustomerImportService imports;

    private Text search;
    private TableViewer viewer;
    private Label count;

    /** A search shows at most this many rows; more matches ask the user to type more (the export takes them all). */
    private static final int SEARCH_LIMIT = 10_000;
    private final Map<Integer, List<CustomerRow>> pages = new HashMap<>();
    private String query = "";
    private int total;
    private int reloads;
    private final Runnable searchLater = this::reload;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(5).margins(8, 8).applyTo(parent);

        search = Widgets.id(new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER), "customer.search");
        search.setMessage(Messages.get("list.search"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(search);
        search.addModifyListener(e -> {
            search.getDisplay().timerExec(-1, searchLater);
            search.getDisplay().timerExec(TYPING_DELAY_MS, searchLater);
        });
        search.addListener(SWT.DefaultSelection, e -> {
            search.getDisplay().timerExec(-1, searchLater);
            reload();
            if (total == 1) {
                open(row(0));
            }
        });

        Button create = Widgets.id(new Button(parent, SWT.PUSH), "customer.new");
        create.setText(Messages.get("list.new"));
        create.addListener(SWT.Selection, e -> CustomerEditors.open(parts, null));

        Button importButton = Widgets.id(new Button(parent, SWT.PUSH), "customer.import");
        importButton.setText(Messages.get("list.import"));
        importButton.addListener(SWT.Selection, e -> {
            if (new ImportDialog(parent.getShell(), ImportDialog.customers(imports)).open() == org.eclipse.jface.window.Window.OK) {
                reload();
            }
        });

        Button exportButton = Widgets.id(new Button(parent, SWT.PUSH), "customer.export");
        exportButton.setText(Messages.get("list.export"));
        exportButton.addListener(SWT.Selection, e -> exportList());
        exportButton.setEnabled(exportLog.allowed());

        count = Widgets.id(new Label(parent, SWT.NONE), "customer.count");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).hint(160, SWT.DEFAULT).applyTo(count);

        viewer = new TableViewer(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER | SWT.MULTI);
        Table table = Widgets.id(viewer.getTable(), "customer.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(table);
        column("col.code", 90, CustomerRow::code);
        column("col.name", 220, CustomerRow::name);
        column("col.kind", 100, r -> Messages.get("kind." + r.kind()));
        column("col.phone", 150, CustomerRow::phone);
        column("col.email", 200, CustomerRow::email);
        column("col.memberCard", 130, CustomerRow::memberCard);
        column("col.city", 80, CustomerRow::city);
        viewer.setContentProvider(new ILazyContentProvider() {
            @Override
            public void updateElement(int index) {
                CustomerRow r = row(index);
                if (r != null) {
                    viewer.replace(r, index);
                }
            }

            @Override
            public void inputChanged(Viewer v, Object oldInput, Object newInput) {
                pages.clear();
            }
        });
        viewer.setUseHashlookup(true);
        if (security.hasPermission(Permission.PRIVACY_ADMIN)) {
            personalDataMenu(table);
        }
        viewer.addDoubleClickListener(e -> open((CustomerRow) ((IStructuredSelection) e.getSelection()).getFirstElement()));
        table.addListener(SWT.DefaultSelection, e -> {
            Object first = viewer.getStructuredSelection().getFirstElement();
            if (first instanceof CustomerRow r) {
                open(r);
            }
        });
        viewer.setInput(this);
        reload();
    }

    private void column(String key, int width, java.util.function.Function<CustomerRow, String> text) {
        Columns.add(viewer, CustomerRow.class, Messages.get(key), width, text);
    }

    private CustomerRow row(int index) {
        int page = index / PAGE;
        List<CustomerRow> rows = pages.computeIfAbsent(page, p -> customers.find(query, p * PAGE, PAGE));
        int offset = index % PAGE;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    /**
     * Runs the search again. The first page is shown at once; when it is full the matches are counted in the
     * background (at a million customers a count takes longer than the page) and the table grows to that size.
     */
    void reload() {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        try {
            query = search.getText();
            int generation = ++reloads;
            pages.clear();
            List<CustomerRow> first = customers.find(query, 0, PAGE);
            pages.put(0, first);
            viewer.getTable().clearAll();
            show(first.size(), first.size());
            if (first.size() < PAGE) {
                return;
            }
            count.setText(Messages.get("list.counting"));
            String counted = query;
            Display display = viewer.getTable().getDisplay();
            CompletableFuture.supplyAsync(() -> customers.count(counted, counted.isBlank() ? Integer.MAX_VALUE - 1 : SEARCH_LIMIT))
                    .whenComplete((found, failure) -> display.asyncExec(() -> {
                        if (viewer.getTable().isDisposed() || generation != reloads) {
                            return; // the user typed on, a newer search is under way
                        }
                        if (failure != null) {
                            Errors.show(viewer.getTable().getShell(), failure);
                        } else {
                            show(Math.min(found, SEARCH_LIMIT), found);
                        }
                    }));
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
    }

    private void show(int rows, int found) {
        total = query.isBlank() ? found : rows;
        viewer.setItemCount(total);
        viewer.refresh();
        count.setText(query.isBlank() ? Messages.get("list.count", found)
                : Messages.get(found > SEARCH_LIMIT ? "list.countMore" : "list.countFiltered", rows));
    }

    /** Exports what the list shows (the current search, all pages) as Excel or CSV, in the background. */
    private void exportList() {
        FileDialog dialog = new FileDialog(viewer.getTable().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.xlsx", "*.csv" });
        dialog.setFilterNames(new String[] { Messages.get("list.exportExcel"), Messages.get("list.exportCsv") });
        dialog.setFileName("customers.xlsx");
        dialog.setOverwrite(true);
        String target = dialog.open();
        if (target == null) {
            return;
        }
        String search = query;
        Display display = viewer.getTable().getDisplay();
        Job.create(Messages.get("list.exportJob"), monitor -> {
            try {
                int n = export.export(search, java.nio.file.Path.of(target));
                display.asyncExec(() -> MessageDialog.openInformation(display.getActiveShell(), Messages.get("list.exportJob"),
                        Messages.get("list.exported", n, target)));
            } catch (RuntimeException e) {
                display.asyncExec(() -> Errors.show(display.getActiveShell(), e));
            }
        }).schedule();
    }

    /**
     * For a privacy officer, the person's rights: everything held about the selected person (PIPL Art. 45), as JSON
     * and Excel; the person anonymised everywhere (Art. 47).
     */
    private void personalDataMenu(Table table) {
        org.eclipse.swt.widgets.Menu menu = new org.eclipse.swt.widgets.Menu(table);
        menuItem(menu, "list.personalData", this::exportPersonalData);
        menuItem(menu, "list.erase", this::erasePersonalData);
        table.setMenu(menu);
    }

    private void menuItem(org.eclipse.swt.widgets.Menu menu, String key, java.util.function.Consumer<CustomerRow> action) {
        org.eclipse.swt.widgets.MenuItem item = new org.eclipse.swt.widgets.MenuItem(menu, SWT.PUSH);
        item.setText(Messages.get(key));
        item.addListener(SWT.Selection, e -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof CustomerRow r) {
                action.accept(r);
            }
        });
    }

    private void exportPersonalData(CustomerRow r) {
        Shell shell = viewer.getTable().getShell();
        org.eclipse.swt.widgets.DirectoryDialog dialog = new org.eclipse.swt.widgets.DirectoryDialog(shell);
        dialog.setMessage(Messages.get("list.personalData.folder", r.code(), r.name()));
        String folder = dialog.open();
        if (folder == null) {
            return;
        }
        try {
            PrivacyService.Export done = privacy.export(r.code(), java.nio.file.Path.of(folder));
            MessageDialog.openInformation(shell, Messages.get("list.personalData"), Messages.get("list.personalData.done",
                    r.name(), done.rows(), done.json().getFileName(), done.workbook().getFileName(), folder));
        } catch (RuntimeException ex) {
            Errors.show(shell, ex);
        }
    }

    /** Asks for the reason, which is kept for good, and erases in the background: it rewrites tables and files. */
    private void erasePersonalData(CustomerRow r) {
        Shell shell = viewer.getTable().getShell();
        org.eclipse.jface.dialogs.InputDialog ask = new org.eclipse.jface.dialogs.InputDialog(shell,
                Messages.get("list.erase.title"), Messages.get("list.erase.ask", r.code(), r.name()), "",
                v -> v == null || v.isBlank() ? Messages.get("list.erase.needsReason") : null);
        if (ask.open() != org.eclipse.jface.window.Window.OK) {
            return;
        }
        String reason = ask.getValue();
        Display display = shell.getDisplay();
        Job.create(Messages.get("list.erase.title"), monitor -> {
            try {
                PrivacyService.Erasure done = privacy.erase(r.code(), reason);
                display.asyncExec(() -> {
                    reload();
                    MessageDialog.openInformation(display.getActiveShell(), Messages.get("list.erase.title"),
                            Messages.get("list.erase.done", r.code(), done.rows(), done.tables(), done.files()));
                });
            } catch (RuntimeException e) {
                display.asyncExec(() -> Errors.show(display.getActiveShell(), e));
            }
        }).schedule();
    }

    private void open(CustomerRow r) {
        if (r != null) {
            CustomerEditors.open(parts, r.id());
        }
    }

    @Inject
    @Optional
    void onCustomerChanged(@UIEventTopic(Topics.ALL_CUSTOMER) Event event) {
        reload();
    }

    @Focus
    void focus() {
        search.setFocus();
    }
}
