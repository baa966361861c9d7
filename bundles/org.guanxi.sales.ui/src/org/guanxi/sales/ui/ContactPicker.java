package org.guanxi.sales.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.guanxi.core.model.Contact;
import org.guanxi.core.service.CustomerService;
import org.guanxi.ui.common.Widgets;

/** Picks one of a customer's contact persons, or none; filled again whenever the customer changes. */
final class ContactPicker {

    private final CustomerService customers;
    private final Combo combo;
    private final List<Contact> contacts = new ArrayList<>();

    ContactPicker(Composite parent, CustomerService customers, String id) {
        this.customers = customers;
        combo = Widgets.id(new Combo(parent, SWT.READ_ONLY), id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        load(null, null);
    }

    /** The contacts of the customer (none without one), with {@code selected} chosen when it is among them. */
    void load(Long customerId, Long selected) {
        contacts.clear();
        combo.removeAll();
        combo.add(Messages.get("activity.noDeal"));
        combo.select(0);
        if (customerId == null) {
            return;
        }
        contacts.addAll(customers.get(customerId).getContacts());
        for (Contact c : contacts) {
            combo.add(c.getRole() == null || c.getRole().isBlank() ? c.getName() : Messages.get("quote.contactRole", c.getName(), c.getRole()));
            if (c.getId().equals(selected)) {
                combo.select(combo.getItemCount() - 1);
            }
        }
    }

    Long selectedId() {
        int i = combo.getSelectionIndex();
        return i <= 0 ? null : contacts.get(i - 1).getId();
    }
}
