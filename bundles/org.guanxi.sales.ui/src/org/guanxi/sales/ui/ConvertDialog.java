package org.guanxi.sales.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
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
import org.guanxi.core.model.Lead;
import org.guanxi.sales.api.LeadService;
import org.guanxi.sales.api.LeadService.Conversion;
import org.guanxi.sales.api.LeadService.Converted;
import org.guanxi.sales.api.LeadService.Duplicate;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/**
 * Converts a lead in one step: a new customer (or a customer that already exists, when the duplicate check found
 * one), the lead's person as contact, and an opportunity with its amount and expected close.
 */
public class ConvertDialog extends Dialog {

    private final LeadService leads;
    private final Lead lead;
    private final List<Duplicate> customers;
    private Combo target;
    private Text name;
    private Text amount;
    private DateTime close;
    private Converted converted;

    public ConvertDialog(Shell shell, LeadService leads, Lead lead) {
        super(shell);
        this.leads = leads;
        this.lead = lead;
        this.customers = leads.duplicates(lead).stream().filter(d -> d.kind().equals("customer")).toList();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("convert.title", lead.getCode(), lead.displayName()));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(area);
        new Label(area, SWT.NONE).setText(Messages.get("convert.customer"));
        target = Widgets.id(new Combo(area, SWT.READ_ONLY), "convert.customer");
        target.add(Messages.get("convert.newCustomer", lead.displayName()));
        for (Duplicate d : customers) {
            target.add(Messages.get("convert.existing", d.code(), d.name()));
        }
        // a customer with the same phone or e-mail is most likely the same party
        target.select(customers.isEmpty() ? 0 : 1);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(target);
        new Label(area, SWT.NONE).setText(Messages.get("convert.opportunity"));
        name = Widgets.id(new Text(area, SWT.BORDER), "convert.opportunity");
        name.setText(lead.displayName());
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(name);
        new Label(area, SWT.NONE).setText(Messages.get("convert.amount"));
        amount = Widgets.id(new Text(area, SWT.BORDER), "convert.amount");
        amount.setText(lead.getEstimatedAmount() == null ? "" : lead.getEstimatedAmount().toPlainString());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(amount);
        new Label(area, SWT.NONE).setText(Messages.get("convert.close"));
        close = Widgets.id(new DateTime(area, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), "convert.close");
        LocalDate inThreeMonths = AppClock.today().plusMonths(3);
        close.setDate(inThreeMonths.getYear(), inThreeMonths.getMonthValue() - 1, inThreeMonths.getDayOfMonth());
        return area;
    }

    @Override
    protected void okPressed() {
        BigDecimal value;
        try {
            value = amount.getText().isBlank() ? null : new BigDecimal(amount.getText().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            MessageDialog.openError(getShell(), getShell().getText(), Messages.get("lead.amountInvalid", amount.getText()));
            return;
        }
        Long existing = target.getSelectionIndex() == 0 ? null : customers.get(target.getSelectionIndex() - 1).id();
        LocalDate expected = LocalDate.of(close.getYear(), close.getMonth() + 1, close.getDay());
        try {
            converted = leads.convert(lead.getId(), lead.getVersion(), new Conversion(existing, name.getText(), value, expected));
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    public Converted converted() {
        return converted;
    }
}
