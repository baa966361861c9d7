package org.guanxi.sales.ui;

import java.math.BigDecimal;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.model.Contract;
import org.guanxi.core.model.Customer;
import org.guanxi.sales.api.ContractService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.guanxi.ui.common.CustomerPicker;
import org.guanxi.ui.common.FormDialog;

/** Drafts or edits a contract: party, title, period, amount, payment terms, terms, renewal notice and auto-renewal. */
public class ContractDialog extends FormDialog {

    private final ContractService contracts;
    private final CustomerService customers;
    private final Contract contract;
    private Text title;
    private CustomerPicker customer;
    private DateTime start;
    private DateTime end;
    private Text amount;
    private Text currency;
    private Text paymentTerms;
    private Text terms;
    private Spinner notice;
    private Button autoRenew;

    public ContractDialog(Shell shell, ContractService contracts, CustomerService customers, Contract contract) {
        super(shell, 2);
        this.contracts = contracts;
        this.customers = customers;
        this.contract = contract;
    }

    /** A new draft for one year from today. */
    static Contract draft() {
        Contract c = new Contract();
        c.setStartDate(AppClock.today());
        c.setEndDate(AppClock.today().plusYears(1).minusDays(1));
        return c;
    }

    @Override
    protected String title() {
        return contract.isNew() ? Messages.get("contract.new") : Messages.get("contract.edit", contract.getContractNo());
    }

    @Override
    protected void fill(Composite area) {
        Form.label(area, "contract.customer");
        customer = new CustomerPicker(area, customers, "contract.customer");
        if (contract.getCustomerId() != null) {
            Customer c = customers.get(contract.getCustomerId());
            customer.set(c.getId(), c.getCode(), c.getName());
            customer.setEnabled(contract.isNew());
        }
        title = Form.text(area, "contract.title", contract.getTitle());
        Form.label(area, "contract.period");
        Composite period = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(period);
        start = Form.date(period, "contract.start", contract.getStartDate());
        new Label(period, SWT.NONE).setText("–");
        end = Form.date(period, "contract.end", contract.getEndDate());
        amount = Form.text(area, "contract.amount", contract.getAmount() == null ? "" : contract.getAmount().toPlainString());
        currency = Form.text(area, "contract.currency", contract.getCurrency());
        paymentTerms = Form.text(area, "contract.paymentTerms", contract.getPaymentTerms());
        Form.label(area, "contract.notice");
        Composite renewal = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(renewal);
        notice = Widgets.id(new Spinner(renewal, SWT.BORDER), "contract.notice");
        notice.setValues(contract.getRenewalNoticeDays(), 0, 365, 0, 1, 30);
        new Label(renewal, SWT.NONE).setText(Messages.get("contract.days"));
        autoRenew = Widgets.id(new Button(renewal, SWT.CHECK), "contract.autoRenew");
        autoRenew.setText(Messages.get("contract.autoRenew"));
        autoRenew.setSelection(contract.isAutoRenew());
        Form.label(area, "contract.terms");
        terms = Widgets.id(new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "contract.terms");
        terms.setText(contract.getTerms() == null ? "" : contract.getTerms());
        GridDataFactory.fillDefaults().grab(true, true).hint(440, 100).applyTo(terms);
    }

    @Override
    protected void okPressed() {
        try {
            contract.setAmount(amount.getText().isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.getText().strip().replace(",", "")));
        } catch (NumberFormatException e) {
            MessageDialog.openError(getShell(), getShell().getText(), Messages.get("lead.amountInvalid", amount.getText()));
            return;
        }
        contract.setCustomerId(customer.selectedId());
        contract.setTitle(title.getText().strip());
        contract.setStartDate(Form.date(start));
        contract.setEndDate(Form.date(end));
        contract.setCurrency(currency.getText().strip().toUpperCase(java.util.Locale.ROOT));
        contract.setPaymentTerms(paymentTerms.getText().isBlank() ? null : paymentTerms.getText().strip());
        contract.setTerms(terms.getText().isBlank() ? null : terms.getText().strip());
        contract.setRenewalNoticeDays(notice.getSelection());
        contract.setAutoRenew(autoRenew.getSelection());
        try {
            contracts.save(contract);
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
