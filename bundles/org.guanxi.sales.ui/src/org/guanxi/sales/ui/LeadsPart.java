package org.guanxi.sales.ui;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.LeadStatus;
import org.guanxi.sales.api.LeadService;
import org.guanxi.sales.api.LeadService.LeadRow;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The lead list (销售线索): search, filter by status, enter and qualify leads, convert or disqualify them. */
public class LeadsPart {

    static final int LIMIT = 500;

    @Inject
    private LeadService leads;

    private Text search;
    private Combo status;
    private TableViewer viewer;
    private Label count;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(8).margins(10, 10).applyTo(parent);
        search = Toolbar.search(parent, "leads.search", 220, this::reload);
        status = Widgets.id(new Combo(parent, SWT.READ_ONLY), "leads.status");
        status.add(Messages.get("leads.allStatuses"));
        for (LeadStatus s : LeadStatus.values()) {
            status.add(Messages.get("leadStatus." + s));
        }
        status.select(0);
        status.addListener(SWT.Selection, e -> reload());
        Toolbar.button(parent, "leads.new", () -> edit(null));
        Toolbar.button(parent, "leads.edit", () -> selected().ifPresent(r -> edit(leads.get(r.id()))));
        Toolbar.button(parent, "leads.convert", () -> selected().ifPresent(this::convert));
        Toolbar.button(parent, "leads.disqualify", () -> Toolbar.step(viewer, LeadRow.class, "leads.title", "leads.select",
                this::disqualify, this::reload));
        count = Widgets.id(new Label(parent, SWT.NONE), "leads.count");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(120, SWT.DEFAULT).applyTo(count);

        viewer = Toolbar.table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.VIRTUAL, "leads.table");
        Table table = viewer.getTable();
        GridDataFactory.fillDefaults().grab(true, true).span(8, 1).applyTo(table);
        // the export button belongs to the toolbar row, before the table in the grid
        TableExport.button(parent, table, Messages.get("leads.title")).moveAbove(table);
        Columns.add(viewer, LeadRow.class, Messages.get("leads.col.code"), 90, LeadRow::code);
        Columns.add(viewer, LeadRow.class, Messages.get("leads.col.name"), 220, LeadRow::name);
        Columns.add(viewer, LeadRow.class, Messages.get("leads.col.phone"), 160, LeadRow::phone);
        Columns.add(viewer, LeadRow.class, Messages.get("leads.col.city"), 90, LeadRow::city);
        Columns.add(viewer, LeadRow.class, Messages.get("leads.col.status"), 90, r -> Messages.get("leadStatus." + r.status()));
        Columns.add(viewer, LeadRow.class, Messages.get("leads.col.score"), 60, r -> r.score() == null ? "" : String.valueOf(r.score()));
        Columns.add(viewer, LeadRow.class, Messages.get("leads.col.source"), 100, r -> Messages.get("source." + r.source()));
        Columns.add(viewer, LeadRow.class, Messages.get("leads.col.owner"), 100, LeadRow::owner);
        viewer.addDoubleClickListener(e -> selected().ifPresent(r -> edit(leads.get(r.id()))));
        reload();
    }

    private java.util.Optional<LeadRow> selected() {
        return Toolbar.selected(viewer, LeadRow.class, "leads.title", "leads.select");
    }

    void reload() {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        try {
            LeadStatus filter = status.getSelectionIndex() <= 0 ? null : LeadStatus.values()[status.getSelectionIndex() - 1];
            List<LeadRow> rows = leads.find(search.getText(), filter, LIMIT);
            viewer.setInput(rows);
            count.setText(Messages.get(rows.size() >= LIMIT ? "leads.countMore" : "leads.countAll", rows.size()));
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
    }

    private void edit(Lead lead) {
        if (new LeadDialog(viewer.getTable().getShell(), leads, lead).open() == Window.OK) {
            reload();
        }
    }

    private void convert(LeadRow row) {
        ConvertDialog dialog = new ConvertDialog(viewer.getTable().getShell(), leads, leads.get(row.id()));
        if (dialog.open() == Window.OK) {
            reload();
            MessageDialog.openInformation(viewer.getTable().getShell(), Messages.get("leads.convert"),
                    Messages.get("convert.done", row.code()));
        }
    }

    private void disqualify(LeadRow row) {
        String reason = Toolbar.ask(viewer.getTable().getShell(), Messages.get("leads.disqualify"),
                Messages.get("leads.disqualify.reason", row.code(), row.name()), true);
        if (reason != null) {
            Lead lead = leads.get(row.id());
            leads.disqualify(lead.getId(), lead.getVersion(), reason);
        }
    }

    @Inject
    @Optional
    void onSalesChanged(@UIEventTopic(Topics.ALL_SALES) Event event) {
        reload();
    }

    @Focus
    void focus() {
        search.setFocus();
    }
}
