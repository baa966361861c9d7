package org.guanxi.sales.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Contract;
import org.guanxi.core.model.ContractStatus;
import org.guanxi.sales.api.ContractService;
import org.guanxi.sales.api.ContractService.ContractRow;
import org.guanxi.core.service.CustomerService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Sales contracts (合同): the list by number, title or customer and status, or the renewals due within a month;
 * draft, edit, sign (activate), renew into a successor, terminate. The detail shows the payment terms and terms.
 */
public class ContractsPart {

    static final int ROWS = 500;
    /** "Renewals due" looks this far ahead, so that a rep can prepare the talk. */
    static final int RENEWAL_HORIZON_DAYS = 30;

    @Inject
    private ContractService contracts;

    @Inject
    private CustomerService customers;

    private Text search;
    private Combo filter;
    private Label count;
    private TableViewer viewer;
    private Label detail;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(10).margins(10, 10).applyTo(parent);
        search = Toolbar.search(parent, "contracts.search", 200, this::reload);
        filter = Widgets.id(new Combo(parent, SWT.READ_ONLY), "contracts.filter");
        filter.add(Messages.get("orders.allStatuses"));
        filter.add(Messages.get("contracts.renewalsDue", RENEWAL_HORIZON_DAYS));
        for (ContractStatus s : ContractStatus.values()) {
            filter.add(Labels.of(s));
        }
        filter.select(0);
        filter.addListener(SWT.Selection, e -> reload());
        Toolbar.button(parent, "contracts.new", () -> edit(ContractDialog.draft()));
        Toolbar.button(parent, "contracts.edit", () -> selected().ifPresent(r -> edit(contracts.get(r.id()))));
        Toolbar.button(parent, "contracts.activate", () -> step(r -> contracts.activate(r.id(), r.version(), AppClock.today())));
        Toolbar.button(parent, "contracts.renew", () -> step(r -> contracts.renew(r.id(), r.version())));
        Toolbar.button(parent, "contracts.terminate", () -> step(this::terminate));
        count = Widgets.id(new Label(parent, SWT.NONE), "contracts.count");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(110, SWT.DEFAULT).applyTo(count);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(10, 1).applyTo(sash);
        viewer = Toolbar.table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "contracts.table");
        Table table = viewer.getTable();
        TableExport.button(parent, table, Messages.get("contracts.title")).moveAbove(count);
        Columns.add(viewer, ContractRow.class, Messages.get("contracts.col.no"), 110, ContractRow::contractNo);
        Columns.add(viewer, ContractRow.class, Messages.get("contracts.col.title"), 200, ContractRow::title);
        Columns.add(viewer, ContractRow.class, Messages.get("orders.col.customer"), 200, ContractRow::customer);
        Columns.add(viewer, ContractRow.class, Messages.get("orders.col.status"), 80, r -> Labels.of(r.status()));
        Columns.add(viewer, ContractRow.class, Messages.get("contracts.col.start"), 95, r -> r.startDate().toString());
        Columns.add(viewer, ContractRow.class, Messages.get("contracts.col.end"), 95, r -> r.endDate().toString());
        Columns.add(viewer, ContractRow.class, Messages.get("contracts.col.renewal"), 95,
                r -> r.status() == ContractStatus.ACTIVE ? r.renewalDate().toString() : "");
        Columns.add(viewer, ContractRow.class, Messages.get("orders.col.total"), 110, r -> LinesEditor.money(r.amount()) + " " + r.currency());
        Columns.add(viewer, ContractRow.class, Messages.get("contracts.col.autoRenew"), 70,
                r -> r.autoRenew() ? Messages.get("contracts.yes") : "");
        Columns.add(viewer, ContractRow.class, Messages.get("orders.col.owner"), 100, ContractRow::owner);
        table.getColumn(7).setAlignment(SWT.RIGHT);
        viewer.addSelectionChangedListener(e -> showDetail());
        viewer.addDoubleClickListener(e -> selected().ifPresent(r -> edit(contracts.get(r.id()))));
        detail = Widgets.id(new Label(sash, SWT.WRAP), "contracts.detail");
        sash.setWeights(70, 30);
        reload();
    }

    private Optional<ContractRow> selected() {
        return Toolbar.selected(viewer, ContractRow.class, "contracts.title", "contracts.select");
    }

    private void step(Consumer<ContractRow> action) {
        Toolbar.step(viewer, ContractRow.class, "contracts.title", "contracts.select", action, this::reload);
    }

    private void terminate(ContractRow r) {
        String reason = Toolbar.ask(viewer.getTable().getShell(), Messages.get("contracts.terminate"),
                Messages.get("contracts.terminate.prompt", r.contractNo()), true);
        if (reason != null) {
            contracts.terminate(r.id(), r.version(), reason);
        }
    }

    private void edit(Contract c) {
        if (new ContractDialog(viewer.getTable().getShell(), contracts, customers, c).open() == Window.OK) {
            reload();
        }
    }

    void reload() {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        int f = filter.getSelectionIndex();
        try {
            List<ContractRow> rows = contracts.find(search.getText(), f >= 2 ? ContractStatus.values()[f - 2] : null,
                    f == 1 ? AppClock.today().plusDays(RENEWAL_HORIZON_DAYS) : null, ROWS);
            viewer.setInput(rows);
            count.setText(Messages.get("contracts.count", rows.size()));
            showDetail();
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
    }

    private void showDetail() {
        Optional<ContractRow> row = Toolbar.current(viewer, ContractRow.class);
        if (row.isEmpty()) {
            detail.setText("");
            return;
        }
        try {
            Contract c = contracts.get(row.get().id());
            detail.setText(Messages.get("contracts.detail", c.getContractNo(), c.getTitle(),
                    c.getSignedOn() == null ? "—" : c.getSignedOn().toString(), c.getRenewalNoticeDays(),
                    c.getPaymentTerms() == null ? "—" : c.getPaymentTerms(), c.getTerms() == null ? "—" : c.getTerms()).replace("&", "&&"));
        } catch (RuntimeException e) {
            detail.setText(e.getMessage());
        }
    }

    @jakarta.inject.Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void onContractChanged(@UIEventTopic(Topics.CONTRACT_CHANGED) org.osgi.service.event.Event event) {
        reload();
    }

    @Focus
    void focus() {
        search.setFocus();
    }
}
