package org.guanxi.sales.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Quote;
import org.guanxi.core.model.QuoteStatus;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.sales.api.CatalogService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.sales.api.QuoteService;
import org.guanxi.sales.api.QuoteService.QuoteRow;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Quotes (报价单): the live revision of each, with the steps of its life — approve (within the approver's discount
 * limit), send, record the customer's answer, revise, turn into an order.
 */
public class QuotesPart {

    static final int LIMIT = 500;

    @Inject
    private QuoteService quotes;

    @Inject
    private CatalogService catalog;

    @Inject
    private CustomerService customers;

    @Inject
    private OpportunityService opportunities;

    private Text search;
    private Combo status;
    private TableViewer viewer;
    private Label count;
    private Label summary;
    private TableViewer lines;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(12).margins(10, 10).applyTo(parent);
        search = Toolbar.search(parent, "quotes.search", 180, this::reload);
        status = Widgets.id(new Combo(parent, SWT.READ_ONLY), "quotes.status");
        status.add(Messages.get("orders.allStatuses"));
        for (QuoteStatus s : QuoteStatus.values()) {
            if (s != QuoteStatus.SUPERSEDED) {
                status.add(Labels.of(s));
            }
        }
        status.select(0);
        status.addListener(SWT.Selection, e -> reload());
        Toolbar.button(parent, "quotes.new", () -> edit(null));
        Toolbar.button(parent, "quotes.edit", () -> selected().ifPresent(r -> edit(quotes.get(r.id()))));
        Toolbar.button(parent, "quotes.approve", () -> step(r -> quotes.approve(r.id(), r.version())));
        Toolbar.button(parent, "quotes.send", () -> step(r -> quotes.send(r.id(), r.version())));
        Toolbar.button(parent, "quotes.accepted", () -> step(r -> quotes.answer(r.id(), r.version(), true)));
        Toolbar.button(parent, "quotes.rejected", () -> step(r -> quotes.answer(r.id(), r.version(), false)));
        Toolbar.button(parent, "quotes.revise", () -> step(r -> quotes.revise(r.id(), r.version())));
        Toolbar.button(parent, "quotes.toOrder", () -> step(this::toOrder));
        count = Widgets.id(new Label(parent, SWT.NONE), "quotes.count");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(110, SWT.DEFAULT).applyTo(count);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(12, 1).applyTo(sash);
        viewer = Toolbar.table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "quotes.table");
        Table table = viewer.getTable();
        TableExport.button(parent, table, Messages.get("quotes.title")).moveAbove(count);
        Columns.add(viewer, QuoteRow.class, Messages.get("quotes.col.no"), 110, r -> r.quoteNo() + (r.revision() > 1 ? " / " + r.revision() : ""));
        Columns.add(viewer, QuoteRow.class, Messages.get("orders.col.customer"), 230, QuoteRow::customer);
        Columns.add(viewer, QuoteRow.class, Messages.get("orders.col.status"), 140, r -> Labels.of(r.status()));
        Columns.add(viewer, QuoteRow.class, Messages.get("orders.col.total"), 110, r -> LinesEditor.money(r.total()));
        Columns.add(viewer, QuoteRow.class, Messages.get("quotes.col.discount"), 105,
                r -> r.maxDiscount().signum() == 0 ? "" : LinesEditor.plain(r.maxDiscount()) + " %");
        Columns.add(viewer, QuoteRow.class, Messages.get("quotes.col.validUntil"), 95, r -> r.validUntil().toString());
        Columns.add(viewer, QuoteRow.class, Messages.get("orders.col.owner"), 100, QuoteRow::owner);
        table.getColumn(3).setAlignment(SWT.RIGHT);
        table.getColumn(4).setAlignment(SWT.RIGHT);
        viewer.addSelectionChangedListener(e -> showDetail());
        viewer.addDoubleClickListener(e -> selected().ifPresent(r -> edit(quotes.get(r.id()))));

        Composite detail = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(detail);
        summary = Widgets.id(new Label(detail, SWT.WRAP), "quotes.summary");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        lines = Toolbar.table(detail, SWT.BORDER | SWT.FULL_SELECTION, "quotes.lines");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(lines.getTable());
        LinesEditor.columns(lines);
        sash.setWeights(60, 40);
        reload();
    }

    private Optional<QuoteRow> current() {
        return Toolbar.current(viewer, QuoteRow.class);
    }

    private Optional<QuoteRow> selected() {
        return Toolbar.selected(viewer, QuoteRow.class, "quotes.title", "quotes.select");
    }

    private void step(Consumer<QuoteRow> action) {
        Toolbar.step(viewer, QuoteRow.class, "quotes.title", "quotes.select", action, this::reload);
    }

    private void toOrder(QuoteRow r) {
        SalesOrder o = quotes.toOrder(r.id(), r.version());
        MessageDialog.openInformation(viewer.getTable().getShell(), Messages.get("quotes.toOrder"),
                Messages.get("quotes.ordered", r.quoteNo(), o.getOrderNo()));
    }

    void reload() {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        try {
            QuoteStatus filter = null;
            if (status.getSelectionIndex() > 0) {
                filter = List.of(QuoteStatus.values()).stream().filter(s -> s != QuoteStatus.SUPERSEDED).toList()
                        .get(status.getSelectionIndex() - 1);
            }
            List<QuoteRow> rows = quotes.list(filter, search.getText(), LIMIT);
            viewer.setInput(rows);
            count.setText(Messages.get(rows.size() >= LIMIT ? "quotes.countMore" : "quotes.countAll", rows.size()));
            showDetail();
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
    }

    private void showDetail() {
        Optional<QuoteRow> row = current();
        if (row.isEmpty()) {
            summary.setText(Messages.get("quotes.noneSelected"));
            lines.setInput(List.of());
            return;
        }
        Quote q = quotes.get(row.get().id());
        String approval = q.getApprovedBy() != null ? Messages.get("quotes.approvedBy", q.getApprovedBy()) : "";
        summary.setText(Messages.get("quotes.summary", q.getQuoteNo(), q.getRevision(), Labels.of(q.getStatus()),
                LinesEditor.money(q.getListTotal()), LinesEditor.money(q.getTotal()), q.getCurrency(), q.getValidUntil().toString())
                + approval);
        lines.setInput(q.getLines());
        summary.getParent().layout();
    }

    private void edit(Quote quote) {
        if (quote != null && !quote.getStatus().editable()) {
            MessageDialog.openInformation(viewer.getTable().getShell(), Messages.get("quotes.title"),
                    Messages.get("quotes.onlyEditable", quote.getQuoteNo(), Labels.of(quote.getStatus())));
            return;
        }
        new QuoteDialog(viewer.getTable().getShell(), quotes, catalog, customers, opportunities, quote).open();
        reload();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void onSalesChanged(@UIEventTopic(Topics.ALL_SALES) Event event) {
        reload();
    }

    @Focus
    void focus() {
        search.setFocus();
    }
}
