package org.guanxi.sales.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.sales.api.OpportunityService.Card;
import org.guanxi.ui.common.Widgets;

/** Picks one of a customer's opportunities, or none; filled again whenever the customer changes. */
final class DealPicker {

    private final OpportunityService opportunities;
    private final Combo combo;
    private final List<Card> deals = new ArrayList<>();

    DealPicker(Composite parent, OpportunityService opportunities, String id) {
        this.opportunities = opportunities;
        combo = Widgets.id(new Combo(parent, SWT.READ_ONLY), id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        load(null, null);
    }

    /** The deals of the customer (none without one), with {@code selected} chosen when it is among them. */
    void load(Long customerId, Long selected) {
        deals.clear();
        combo.removeAll();
        combo.add(Messages.get("activity.noDeal"));
        combo.select(0);
        if (customerId == null) {
            return;
        }
        deals.addAll(opportunities.ofCustomer(customerId));
        for (Card c : deals) {
            combo.add(c.code() + "  " + c.name());
            if (selected != null && c.id() == selected) {
                combo.select(combo.getItemCount() - 1);
            }
        }
    }

    Long selectedId() {
        int i = combo.getSelectionIndex();
        return i <= 0 ? null : deals.get(i - 1).id();
    }
}
