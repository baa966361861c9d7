package org.guanxi.sales.ui;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.PriceList;
import org.guanxi.core.model.Quote;
import org.guanxi.core.model.QuoteLine;
import org.guanxi.sales.api.CatalogService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.sales.api.QuoteService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.guanxi.ui.common.CustomerPicker;

/** A quote (报价单): customer, price list, validity and lines; the user's discount limit is shown up front. */
public class QuoteDialog extends Dialog {

    private final QuoteService quotes;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final Quote quote;
    private final List<PriceList> priceLists;
    private final OpportunityService opportunities;
    private CustomerPicker customer;
    private ContactPicker contact;
    private DealPicker deal;
    private Combo priceList;
    private DateTime validUntil;
    private Text notes;
    private LinesEditor lines;

    public QuoteDialog(Shell shell, QuoteService quotes, CatalogService catalog, CustomerService customers,
            OpportunityService opportunities, Quote quote) {
        super(shell);
        this.opportunities = opportunities;
        this.quotes = quotes;
        this.catalog = catalog;
        this.customers = customers;
        this.quote = quote;
        this.priceLists = catalog.priceLists(AppClock.today());
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(quote == null ? Messages.get("quote.new") : Messages.get("quote.edit", quote.getQuoteNo(), quote.getRevision()));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(area);
        new Label(area, SWT.NONE).setText(Messages.get("order.customer"));
        customer = new CustomerPicker(area, customers, "quote.customer");
        new Label(area, SWT.NONE).setText(Messages.get("quote.contact"));
        contact = new ContactPicker(area, customers, "quote.contact");
        new Label(area, SWT.NONE).setText(Messages.get("activity.deal"));
        deal = new DealPicker(area, opportunities, "quote.deal");
        customer.onChange(this::customerChanged);
        new Label(area, SWT.NONE).setText(Messages.get("quote.priceList"));
        priceList = Widgets.id(new Combo(area, SWT.READ_ONLY), "quote.priceList");
        priceList.add(Messages.get("quote.noPriceList"));
        priceLists.forEach(l -> priceList.add(l.getCode() + "  " + l.getName()));
        priceList.select(priceLists.isEmpty() ? 0 : 1);
        new Label(area, SWT.NONE).setText(Messages.get("quote.validUntil"));
        validUntil = Widgets.id(new DateTime(area, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), "quote.validUntil");
        new Label(area, SWT.NONE).setText(Messages.get("order.notes"));
        notes = Widgets.id(new Text(area, SWT.BORDER), "quote.notes");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(notes);
        Label limit = Widgets.id(new Label(area, SWT.NONE), "quote.limit");
        limit.setText(Messages.get("quote.limit", LinesEditor.plain(quotes.discountLimit())));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(limit);
        lines = new LinesEditor(area, catalog.products("", 1_000), (p, qty) -> catalog.listPrice(priceListId(), p.getId(), qty), null);
        LocalDate until = AppClock.today().plusDays(30);
        if (quote != null) {
            Customer c = customers.get(quote.getCustomerId());
            customer.set(c.getId(), c.getCode(), c.getName());
            customerChanged();
            for (int i = 0; i < priceLists.size(); i++) {
                if (priceLists.get(i).getId().equals(quote.getPriceListId())) {
                    priceList.select(i + 1);
                }
            }
            until = quote.getValidUntil();
            notes.setText(quote.getNotes() == null ? "" : quote.getNotes());
            lines.setLines(quote.getLines());
        }
        validUntil.setDate(until.getYear(), until.getMonthValue() - 1, until.getDayOfMonth());
        return area;
    }

    /** The customer's contacts and deals; a quote being edited keeps its own. */
    private void customerChanged() {
        Long id = customer.selectedId();
        try {
            contact.load(id, quote == null ? null : quote.getContactId());
            deal.load(id, quote == null ? null : quote.getOpportunityId());
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    private Long priceListId() {
        int i = priceList.getSelectionIndex();
        return i <= 0 ? null : priceLists.get(i - 1).getId();
    }

    @Override
    protected void okPressed() {
        try {
            Quote q = new Quote();
            if (quote != null) {
                q.setId(quote.getId());
                q.setVersion(quote.getVersion());
            }
            q.setOpportunityId(deal.selectedId());
            q.setContactId(contact.selectedId());
            q.setCustomerId(customer.selectedId());
            q.setPriceListId(priceListId());
            q.setValidUntil(LocalDate.of(validUntil.getYear(), validUntil.getMonth() + 1, validUntil.getDay()));
            q.setNotes(notes.getText().isBlank() ? null : notes.getText().strip());
            for (LinesEditor.Line l : lines.lines()) {
                QuoteLine ql = new QuoteLine();
                ql.setProduct(l.product);
                ql.setQuantity(l.quantity);
                ql.setListPrice(l.listPrice);
                ql.setDiscountPct(l.discount);
                q.getLines().add(ql);
            }
            quotes.save(q);
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
