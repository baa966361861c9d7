package org.guanxi.sales.ui;

import java.time.LocalDate;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.sales.api.CatalogService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.OrderService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.guanxi.ui.common.CustomerPicker;

/**
 * Order entry (录入订单): customer, requested date, lines with live availability; saves a draft or saves and confirms,
 * which sends the order to the ERP. Short lines are only confirmed as a backorder after asking.
 */
public class OrderDialog extends Dialog {

    static final int CONFIRM = IDialogConstants.CLIENT_ID + 1;

    private final OrderService orders;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final SalesOrder order;
    private CustomerPicker customer;
    private DateTime requested;
    private Text shipTo;
    private Text notes;
    private LinesEditor lines;
    private SalesOrder saved;

    public OrderDialog(Shell shell, OrderService orders, CatalogService catalog, CustomerService customers, SalesOrder order) {
        super(shell);
        this.orders = orders;
        this.catalog = catalog;
        this.customers = customers;
        this.order = order;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(order == null ? Messages.get("order.new") : Messages.get("order.edit", order.getOrderNo()));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(area);
        new Label(area, SWT.NONE).setText(Messages.get("order.customer"));
        customer = new CustomerPicker(area, customers, "order.customer");
        new Label(area, SWT.NONE).setText(Messages.get("order.requested"));
        requested = Widgets.id(new DateTime(area, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), "order.requested");
        new Label(area, SWT.NONE).setText(Messages.get("order.shipTo"));
        shipTo = Widgets.id(new Text(area, SWT.BORDER), "order.shipTo");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(shipTo);
        new Label(area, SWT.NONE).setText(Messages.get("order.notes"));
        notes = Widgets.id(new Text(area, SWT.BORDER), "order.notes");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(notes);
        lines = new LinesEditor(area, catalog.products("", 1_000), (p, qty) -> p.getUnitPrice(), orders::availability);
        LocalDate day = AppClock.today().plusDays(7);
        if (order != null) {
            Customer c = order.getCustomer();
            customer.set(c.getId(), c.getCode(), c.getName());
            day = order.getRequestedDate() != null ? order.getRequestedDate() : day;
            shipTo.setText(order.getShipTo() == null ? "" : order.getShipTo());
            notes.setText(order.getNotes() == null ? "" : order.getNotes());
            lines.setLines(order.getLines());
        }
        requested.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.id(createButton(parent, IDialogConstants.OK_ID, Messages.get("order.saveDraft"), false), "order.saveDraft");
        Widgets.id(createButton(parent, CONFIRM, Messages.get("order.confirm"), true), "order.confirm");
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID || buttonId == CONFIRM) {
            save(buttonId == CONFIRM);
        } else {
            super.buttonPressed(buttonId);
        }
    }

    private void save(boolean confirm) {
        boolean backorder = false;
        if (confirm && lines.anyShort()) {
            backorder = MessageDialog.openQuestion(getShell(), Messages.get("order.confirm"), Messages.get("order.backorder"));
            if (!backorder) {
                return;
            }
        }
        try {
            SalesOrder o = new SalesOrder();
            if (order != null) {
                o.setId(order.getId());
                o.setVersion(order.getVersion());
                o.setOrderDate(order.getOrderDate());
            }
            Long customerId = customer.selectedId();
            if (customerId != null) {
                Customer c = new Customer();
                c.setId(customerId);
                o.setCustomer(c);
            }
            o.setRequestedDate(LocalDate.of(requested.getYear(), requested.getMonth() + 1, requested.getDay()));
            o.setShipTo(shipTo.getText().isBlank() ? null : shipTo.getText().strip());
            o.setNotes(notes.getText().isBlank() ? null : notes.getText().strip());
            for (LinesEditor.Line l : lines.lines()) {
                OrderLine ol = new OrderLine(l.product, l.quantity, null);
                ol.setListPrice(l.listPrice);
                ol.setDiscountPct(l.discount);
                o.getLines().add(ol);
            }
            saved = orders.save(o);
            if (confirm) {
                saved = orders.confirm(saved.getId(), saved.getVersion(), backorder);
            }
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
            if (saved != null) {
                // the draft was written: further edits continue from it instead of creating a second order
                close();
            }
        }
    }

    SalesOrder saved() {
        return saved;
    }
}
