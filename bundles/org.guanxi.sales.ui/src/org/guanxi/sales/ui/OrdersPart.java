package org.guanxi.sales.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

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
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Delivery;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.model.OutboxEvent;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Payment;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.sales.api.CatalogService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.OrderService;
import org.guanxi.core.service.Outbox;
import org.guanxi.sales.api.OrderService.Detail;
import org.guanxi.sales.api.OrderService.InvoiceRow;
import org.guanxi.sales.api.OrderService.OrderRow;
import org.guanxi.sales.api.ShortageException;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Sales orders (销售订单): the list with status filter, order entry, confirmation and cancellation, and for the
 * selected order what came back from the ERP — deliveries, invoices, payments — and its messages to the ERP.
 */
public class OrdersPart {

    static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AppClock.zone());

    @Inject
    private OrderService orders;

    @Inject
    private CatalogService catalog;

    @Inject
    private Outbox outbox;

    @Inject
    private CustomerService customers;

    private Text search;
    private Combo status;
    private TableViewer viewer;
    private Label count;
    private Label summary;
    private TableViewer lines;
    private TableViewer deliveries;
    private TableViewer invoices;
    private TableViewer payments;
    private TableViewer messages;
    private TableViewer history;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(9).margins(10, 10).applyTo(parent);
        search = Toolbar.search(parent, "orders.search", 220, this::reload);
        status = Widgets.id(new Combo(parent, SWT.READ_ONLY), "orders.status");
        status.add(Messages.get("orders.allStatuses"));
        for (OrderStatus s : OrderStatus.values()) {
            status.add(Labels.of(s));
        }
        status.select(0);
        status.addListener(SWT.Selection, e -> reload());
        Toolbar.button(parent, "orders.new", () -> edit(null));
        Toolbar.button(parent, "orders.edit", () -> selected().ifPresent(r -> edit(orders.get(r.id()))));
        Toolbar.button(parent, "orders.confirm", () -> step(this::confirm));
        Toolbar.button(parent, "orders.cancel", () -> step(this::cancel));
        count = Widgets.id(new Label(parent, SWT.NONE), "orders.count");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(130, SWT.DEFAULT).applyTo(count);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(9, 1).applyTo(sash);
        viewer = Toolbar.table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "orders.table");
        Table table = viewer.getTable();
        TableExport.button(parent, table, Messages.get("orders.title")).moveAbove(count);
        Columns.add(viewer, OrderRow.class, Messages.get("orders.col.no"), 110, OrderRow::orderNo);
        Columns.add(viewer, OrderRow.class, Messages.get("orders.col.customer"), 230, OrderRow::customer);
        Columns.add(viewer, OrderRow.class, Messages.get("orders.col.date"), 95, r -> r.orderDate().toString());
        Columns.add(viewer, OrderRow.class, Messages.get("orders.col.status"), 80, r -> Labels.of(r.status()));
        Columns.add(viewer, OrderRow.class, Messages.get("orders.col.total"), 110, r -> LinesEditor.money(r.total()));
        Columns.add(viewer, OrderRow.class, Messages.get("orders.col.erp"), 120, OrderRow::erpOrderNo);
        Columns.add(viewer, OrderRow.class, Messages.get("orders.col.owner"), 100, OrderRow::owner);
        viewer.getTable().getColumn(4).setAlignment(SWT.RIGHT);
        viewer.addSelectionChangedListener(e -> showDetail());
        viewer.addDoubleClickListener(e -> selected().filter(r -> r.status() == OrderStatus.DRAFT)
                .ifPresent(r -> edit(orders.get(r.id()))));

        Composite detail = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(detail);
        summary = Widgets.id(new Label(detail, SWT.WRAP), "orders.summary");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        TabFolder tabs = new TabFolder(detail, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);
        lines = tab(tabs, "orders.tab.lines", "orders.lines");
        LinesEditor.columns(lines);
        deliveries = tab(tabs, "orders.tab.deliveries", "orders.deliveries");
        Columns.add(deliveries, Delivery.class, Messages.get("deliveries.col.no"), 120, Delivery::getDeliveryNo);
        Columns.add(deliveries, Delivery.class, Messages.get("deliveries.col.status"), 80, d -> Labels.of(d.getStatus()));
        Columns.add(deliveries, Delivery.class, Messages.get("deliveries.col.shipped"), 95, d -> text(d.getShippedOn()));
        Columns.add(deliveries, Delivery.class, Messages.get("deliveries.col.delivered"), 95, d -> text(d.getDeliveredOn()));
        Columns.add(deliveries, Delivery.class, Messages.get("deliveries.col.carrier"), 100, Delivery::getCarrier);
        Columns.add(deliveries, Delivery.class, Messages.get("deliveries.col.tracking"), 150, Delivery::getTrackingNo);
        invoices = tab(tabs, "orders.tab.invoices", "orders.invoices");
        Columns.add(invoices, InvoiceRow.class, Messages.get("invoices.col.no"), 120, InvoiceRow::invoiceNo);
        Columns.add(invoices, InvoiceRow.class, Messages.get("invoices.col.issued"), 95, r -> text(r.issueDate()));
        Columns.add(invoices, InvoiceRow.class, Messages.get("invoices.col.due"), 95, r -> text(r.dueDate()));
        Columns.add(invoices, InvoiceRow.class, Messages.get("invoices.col.amount"), 110, r -> LinesEditor.money(r.amount()));
        Columns.add(invoices, InvoiceRow.class, Messages.get("invoices.col.paid"), 110, r -> LinesEditor.money(r.paid()));
        Columns.add(invoices, InvoiceRow.class, Messages.get("invoices.col.status"), 80, r -> Labels.of(r.status()));
        payments = tab(tabs, "orders.tab.payments", "orders.payments");
        Columns.add(payments, Payment.class, Messages.get("payments.col.paidOn"), 95, p -> text(p.getPaidOn()));
        Columns.add(payments, Payment.class, Messages.get("payments.col.amount"), 110, p -> LinesEditor.money(p.getAmount()));
        Columns.add(payments, Payment.class, Messages.get("payments.col.method"), 90,
                p -> p.getMethod() == null ? "" : Messages.has("payment." + p.getMethod()) ? Messages.get("payment." + p.getMethod()) : p.getMethod());
        Columns.add(payments, Payment.class, Messages.get("payments.col.reference"), 140, Payment::getReference);
        // the order's messages to the ERP, and beside them what happened to the selected one (sent, retried, …)
        TabItem messagesTab = new TabItem(tabs, SWT.NONE);
        messagesTab.setText(Messages.get("orders.tab.messages"));
        org.eclipse.swt.custom.SashForm messagesSash = new org.eclipse.swt.custom.SashForm(tabs, SWT.HORIZONTAL);
        messagesTab.setControl(messagesSash);
        messages = Toolbar.table(messagesSash, SWT.BORDER | SWT.FULL_SELECTION, "orders.messages");
        history = Toolbar.table(messagesSash, SWT.BORDER | SWT.FULL_SELECTION, "orders.messageHistory");
        Columns.add(history, OutboxEvent.class, Messages.get("history.col.at"), 140, e -> TIME.format(e.getAt()));
        Columns.add(history, OutboxEvent.class, Messages.get("history.col.kind"), 110, e -> Labels.of(e.getKind()));
        Columns.add(history, OutboxEvent.class, Messages.get("history.col.detail"), 300,
                e -> (e.getActor() == null ? "" : e.getActor() + ": ") + (e.getDetail() == null ? "" : e.getDetail()));
        messages.addSelectionChangedListener(e -> {
            Object m = ((org.eclipse.jface.viewers.IStructuredSelection) e.getSelection()).getFirstElement();
            history.setInput(m == null ? java.util.List.of() : outbox.history(((OutboxMessage) m).getId()));
        });
        messagesSash.setWeights(60, 40);
        Columns.add(messages, OutboxMessage.class, Messages.get("messages.col.topic"), 130,
                m -> Messages.has("topic." + m.getTopic()) ? Messages.get("topic." + m.getTopic()) : m.getTopic());
        Columns.add(messages, OutboxMessage.class, Messages.get("messages.col.status"), 80, m -> Labels.of(m.getStatus()));
        Columns.add(messages, OutboxMessage.class, Messages.get("messages.col.created"), 150, m -> TIME.format(m.getCreatedAt()));
        Columns.add(messages, OutboxMessage.class, Messages.get("messages.col.attempts"), 90, m -> String.valueOf(m.getAttempts()));
        Columns.add(messages, OutboxMessage.class, Messages.get("messages.col.sent"), 150,
                m -> m.getSentAt() == null ? "" : TIME.format(m.getSentAt()));
        Columns.add(messages, OutboxMessage.class, Messages.get("messages.col.error"), 260, OutboxMessage::getLastError);
        sash.setWeights(55, 45);
        reload();
    }

    private static TableViewer tab(TabFolder tabs, String key, String id) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(Messages.get(key));
        TableViewer v = Toolbar.table(tabs, SWT.BORDER | SWT.FULL_SELECTION, id);
        item.setControl(v.getTable());
        return v;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private Optional<OrderRow> current() {
        return Toolbar.current(viewer, OrderRow.class);
    }

    private Optional<OrderRow> selected() {
        return Toolbar.selected(viewer, OrderRow.class, "orders.title", "orders.select");
    }

    void reload() {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        try {
            Long keep = current().map(OrderRow::id).orElse(null);
            OrderStatus filter = status.getSelectionIndex() <= 0 ? null : OrderStatus.values()[status.getSelectionIndex() - 1];
            List<OrderRow> rows = orders.list(filter, search.getText(), LIMIT);
            viewer.setInput(rows);
            count.setText(Messages.get(rows.size() >= LIMIT ? "orders.countMore" : "orders.countAll", rows.size()));
            rows.stream().filter(r -> keep != null && r.id() == keep).findFirst()
                    .ifPresent(r -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r), true));
            showDetail();
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
    }

    private void showDetail() {
        Optional<OrderRow> row = current();
        if (row.isEmpty()) {
            summary.setText(Messages.get("orders.noneSelected"));
            for (TableViewer v : List.of(lines, deliveries, invoices, payments, messages)) {
                v.setInput(List.of());
            }
            return;
        }
        Detail d = orders.detail(row.get().id());
        SalesOrder o = d.order();
        summary.setText(Messages.get("orders.summary", o.getOrderNo(), d.customerCode(), d.customerName(), Labels.of(o.getStatus()),
                LinesEditor.money(o.getTotal()), o.getCurrency(), text(o.getRequestedDate()),
                o.getErpOrderNo() == null ? Messages.get("orders.noErpNo") : o.getErpOrderNo())
                + (o.getCancelReason() == null ? "" : "  ·  " + Messages.get("orders.cancelledBecause", o.getCancelReason())));
        lines.setInput(o.getLines());
        deliveries.setInput(d.deliveries());
        invoices.setInput(d.invoices());
        payments.setInput(d.payments());
        messages.setInput(d.messages());
        history.setInput(java.util.List.of());
        if (!d.messages().isEmpty()) {
            messages.setSelection(new org.eclipse.jface.viewers.StructuredSelection(d.messages().get(d.messages().size() - 1)));
        }
        summary.getParent().layout();
    }

    private void edit(SalesOrder order) {
        if (order != null && order.getStatus() != OrderStatus.DRAFT) {
            MessageDialog.openInformation(viewer.getTable().getShell(), Messages.get("orders.title"),
                    Messages.get("orders.onlyDrafts", order.getOrderNo(), Labels.of(order.getStatus())));
            return;
        }
        new OrderDialog(viewer.getTable().getShell(), orders, catalog, customers, order).open();
        reload();
    }

    private void step(java.util.function.Consumer<OrderRow> action) {
        Toolbar.step(viewer, OrderRow.class, "orders.title", "orders.select", action, this::reload);
    }

    /** Confirms; when stock is short, asks whether to confirm as a backorder. */
    private void confirm(OrderRow row) {
        try {
            orders.confirm(row.id(), row.version(), false);
        } catch (ShortageException short_) {
            if (MessageDialog.openQuestion(viewer.getTable().getShell(), Messages.get("order.confirm"),
                    short_.getMessage() + "\n\n" + Messages.get("order.backorder"))) {
                orders.confirm(row.id(), row.version(), true);
            }
        }
    }

    private void cancel(OrderRow row) {
        String reason = Toolbar.ask(viewer.getTable().getShell(), Messages.get("orders.cancel"),
                Messages.get("orders.cancel.reason", row.orderNo(), row.customer()), true);
        if (reason != null) {
            orders.cancel(row.id(), row.version(), reason);
        }
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
