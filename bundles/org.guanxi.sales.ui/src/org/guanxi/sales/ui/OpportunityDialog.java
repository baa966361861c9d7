package org.guanxi.sales.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.SalesStage;
import org.guanxi.sales.api.ActivityService;
import org.guanxi.sales.api.ActivityService.Entry;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.guanxi.ui.common.CustomerPicker;
import org.guanxi.ui.common.FormDialog;

/**
 * Enters or edits an opportunity (商机): customer and contact, amount, expected close, its own win probability or the
 * stage's, competitors and next step. A new deal starts in an open stage of the user's choice; afterwards the stage
 * moves on the board. An existing deal lists its activities.
 */
public class OpportunityDialog extends FormDialog {

    private final OpportunityService opportunities;
    private final CustomerService customers;
    private final ActivityService activities;
    private final Opportunity deal;
    private Text name;
    private CustomerPicker customer;
    private ContactPicker contact;
    private Combo stage;
    private Text amount;
    private DateTime close;
    private Button ownProbability;
    private Spinner probability;
    private Text competitors;
    private Text nextStep;

    public OpportunityDialog(Shell shell, OpportunityService opportunities, CustomerService customers, ActivityService activities,
            Opportunity deal) {
        super(shell, 2);
        this.opportunities = opportunities;
        this.customers = customers;
        this.activities = activities;
        this.deal = deal != null ? deal : fresh();
    }

    private static Opportunity fresh() {
        Opportunity o = new Opportunity();
        o.setExpectedClose(AppClock.today().plusMonths(2));
        return o;
    }

    @Override
    protected String title() {
        return deal.isNew() ? Messages.get("deal.new") : Messages.get("deal.edit", deal.getCode());
    }

    @Override
    protected void fill(Composite area) {
        name = Form.text(area, "deal.name", deal.getName());
        Form.label(area, "activity.customer");
        customer = new CustomerPicker(area, customers, "deal.customer");
        Form.label(area, "quote.contact");
        contact = new ContactPicker(area, customers, "deal.contact");
        customer.onChange(() -> contact.load(customer.selectedId(), deal.getContactId()));
        if (deal.getCustomerId() != null) {
            Customer c = customers.get(deal.getCustomerId());
            customer.set(c.getId(), c.getCode(), c.getName());
            contact.load(c.getId(), deal.getContactId());
        }
        Form.label(area, "deal.stage");
        stage = Widgets.id(new Combo(area, SWT.READ_ONLY), "deal.stage");
        if (deal.isNew()) {
            for (SalesStage s : SalesStage.open()) {
                stage.add(Messages.get("stage." + s));
            }
            stage.select(0);
        } else {
            // the stage moves on the board, where won and lost ask for their reason
            stage.add(Messages.get("stage." + deal.getStage()));
            stage.select(0);
            stage.setEnabled(false);
        }
        amount = Form.text(area, "deal.amount", deal.getAmount() == null ? "" : deal.getAmount().toPlainString());
        Form.label(area, "deal.close");
        close = Widgets.id(new DateTime(area, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), "deal.close");
        close.setDate(deal.getExpectedClose().getYear(), deal.getExpectedClose().getMonthValue() - 1, deal.getExpectedClose().getDayOfMonth());
        Form.label(area, "deal.probability");
        Composite p = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(p);
        ownProbability = Widgets.id(new Button(p, SWT.CHECK), "deal.ownProbability");
        ownProbability.setText(Messages.get("deal.ownProbability"));
        ownProbability.setSelection(deal.getProbability() != null);
        probability = Widgets.id(new Spinner(p, SWT.BORDER), "deal.probability");
        probability.setValues(deal.getProbability() == null ? 50 : deal.getProbability(), 0, 100, 0, 5, 10);
        probability.setEnabled(ownProbability.getSelection());
        ownProbability.addListener(SWT.Selection, e -> probability.setEnabled(ownProbability.getSelection()));
        competitors = Form.text(area, "deal.competitors", deal.getCompetitors());
        nextStep = Form.text(area, "deal.nextStep", deal.getNextStep());
        if (!deal.isNew() && activities != null) {
            activities(area);
        }
    }

    /** What has been done and is planned on this deal. */
    private void activities(Composite area) {
        Label heading = new Label(area, SWT.NONE);
        heading.setText(Messages.get("deal.activities"));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).applyTo(heading);
        TableViewer table = Toolbar.table(area, SWT.BORDER | SWT.FULL_SELECTION, "deal.activities");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(SWT.DEFAULT, 110).applyTo(table.getTable());
        Columns.add(table, Entry.class, Messages.get("activity.when"), 130,
                e -> e.start().toLocalDate() + (e.allDay() ? "" : " " + e.start().toLocalTime().truncatedTo(ChronoUnit.MINUTES)));
        Columns.add(table, Entry.class, Messages.get("activity.kind"), 60, e -> Labels.of(e.kind()));
        Columns.add(table, Entry.class, Messages.get("activity.subject"), 200, Entry::subject);
        Columns.add(table, Entry.class, Messages.get("orders.col.status"), 80, e -> Labels.of(e.status()));
        Columns.add(table, Entry.class, Messages.get("orders.col.owner"), 90, Entry::owner);
        table.setInput(activities.ofOpportunity(deal.getId()));
    }

    @Override
    protected void okPressed() {
        try {
            deal.setAmount(amount.getText().isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.getText().strip().replace(",", "")));
        } catch (NumberFormatException e) {
            MessageDialog.openError(getShell(), getShell().getText(), Messages.get("lead.amountInvalid", amount.getText()));
            return;
        }
        deal.setName(name.getText().strip());
        deal.setCustomerId(customer.selectedId());
        deal.setContactId(contact.selectedId());
        if (deal.isNew()) {
            deal.setStage(SalesStage.open()[stage.getSelectionIndex()]);
        }
        deal.setExpectedClose(LocalDate.of(close.getYear(), close.getMonth() + 1, close.getDay()));
        deal.setProbability(ownProbability.getSelection() ? probability.getSelection() : null);
        deal.setCompetitors(competitors.getText().isBlank() ? null : competitors.getText().strip());
        deal.setNextStep(nextStep.getText().isBlank() ? null : nextStep.getText().strip());
        try {
            opportunities.save(deal);
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
