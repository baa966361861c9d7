package org.guanxi.sales.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Objection;
import org.guanxi.core.model.ObjectionKind;
import org.guanxi.core.model.ObjectionMethod;
import org.guanxi.core.model.ObjectionOutcome;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.ObjectionService;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.guanxi.ui.common.CustomerPicker;
import org.guanxi.ui.common.FormDialog;

/** Logs an objection (客户异议): who raised it about which deal, its type, what was said, how it was handled, outcome. */
public class ObjectionDialog extends FormDialog {

    private final ObjectionService objections;
    private final CustomerService customers;
    private final OpportunityService opportunities;
    private CustomerPicker customer;
    private DealPicker deal;
    private Combo kind;
    private Text statement;
    private Combo method;
    private Text response;
    private Combo outcome;

    public ObjectionDialog(Shell shell, ObjectionService objections, CustomerService customers, OpportunityService opportunities) {
        super(shell, 2);
        this.objections = objections;
        this.customers = customers;
        this.opportunities = opportunities;
    }

    @Override
    protected String title() {
        return Messages.get("objection.new");
    }

    @Override
    protected void fill(Composite area) {
        new Label(area, SWT.NONE).setText(Messages.get("activity.customer"));
        customer = new CustomerPicker(area, customers, "objection.customer");
        new Label(area, SWT.NONE).setText(Messages.get("activity.deal"));
        deal = new DealPicker(area, opportunities, "objection.deal");
        customer.onChange(() -> deal.load(customer.selectedId(), null));
        kind = combo(area, "objection.kind", ObjectionKind.values(), false);
        new Label(area, SWT.NONE).setText(Messages.get("objection.statement"));
        statement = Widgets.id(new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP), "objection.statement");
        GridDataFactory.fillDefaults().grab(true, true).hint(420, 50).applyTo(statement);
        method = combo(area, "objection.method", ObjectionMethod.values(), true);
        new Label(area, SWT.NONE).setText(Messages.get("objection.response"));
        response = Widgets.id(new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP), "objection.response");
        GridDataFactory.fillDefaults().grab(true, true).hint(420, 50).applyTo(response);
        outcome = combo(area, "objection.outcome", ObjectionOutcome.values(), false);
        outcome.select(ObjectionOutcome.UNRESOLVED.ordinal());
    }

    private static Combo combo(Composite parent, String key, Enum<?>[] values, boolean optional) {
        new Label(parent, SWT.NONE).setText(Messages.get(key));
        Combo c = Widgets.id(new Combo(parent, SWT.READ_ONLY), key);
        if (optional) {
            c.add(Messages.get("activity.noDeal"));
        }
        for (Enum<?> v : values) {
            c.add(Labels.of(v));
        }
        c.select(0);
        return c;
    }

    @Override
    protected void okPressed() {
        Objection o = new Objection();
        o.setCustomerId(customer.selectedId());
        o.setOpportunityId(deal.selectedId());
        o.setKind(ObjectionKind.values()[kind.getSelectionIndex()]);
        o.setStatement(statement.getText().strip());
        o.setMethod(method.getSelectionIndex() == 0 ? null : ObjectionMethod.values()[method.getSelectionIndex() - 1]);
        o.setResponse(response.getText().isBlank() ? null : response.getText().strip());
        o.setOutcome(ObjectionOutcome.values()[outcome.getSelectionIndex()]);
        try {
            objections.log(o);
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
