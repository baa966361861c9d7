package org.guanxi.customer.ui;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.jface.resource.JFaceResources;
import org.guanxi.core.model.Customer;
import org.guanxi.core.service.CustomerMergeService;
import org.guanxi.ui.common.Widgets;

/**
 * Side-by-side merge: the two customers in two columns, which one stays, and per field which value is kept (the
 * filled-in value is proposed where only one side has one). Orders, contacts, interactions and all other history of
 * both are kept in any case.
 */
class MergeDialog extends Dialog {

    /** How each mergeable field reads from a customer. */
    private static final Map<String, Function<Customer, Object>> VALUES = new LinkedHashMap<>();
    static {
        VALUES.put("name", Customer::getName);
        VALUES.put("phone", Customer::getPhone);
        VALUES.put("email", Customer::getEmail);
        VALUES.put("memberCard", Customer::getMemberCard);
        VALUES.put("taxId", Customer::getTaxId);
        VALUES.put("idNumber", Customer::getIdNumber);
        VALUES.put("city", Customer::getCity);
        VALUES.put("birthday", Customer::getBirthday);
        VALUES.put("source", c -> c.getSource() == null ? null
                : Messages.has("source." + c.getSource()) ? Messages.get("source." + c.getSource()) : c.getSource());
        VALUES.put("owner", Customer::getOwner);
        VALUES.put("notes", Customer::getNotes);
    }

    private final Customer left;
    private final Customer right;
    private final List<String> reasons;
    private Button keepLeft;
    private final Map<String, Button> rightChoices = new LinkedHashMap<>();
    private final Map<String, Button> leftChoices = new LinkedHashMap<>();
    /** Fields whose value the user chose; the others follow the record that stays. */
    private final Set<String> picked = new HashSet<>();
    private Customer survivor;
    private Customer merged;
    private Set<String> takeFromMerged;

    MergeDialog(Shell shell, Customer left, Customer right, List<String> reasons) {
        super(shell);
        this.left = left;
        this.right = right;
        this.reasons = reasons;
        if (!VALUES.keySet().equals(Set.copyOf(CustomerMergeService.FIELDS))) {
            throw new IllegalStateException("the dialog shows other fields than the merge service takes");
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("merge.title"));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).spacing(16, 6).applyTo(area);
        Label why = new Label(area, SWT.WRAP);
        why.setText(Messages.get("merge.why", String.join("; ", reasons)));
        GridDataFactory.fillDefaults().span(3, 1).hint(640, SWT.DEFAULT).applyTo(why);

        Font bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT);
        new Label(area, SWT.NONE);
        Composite keep = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).applyTo(keep);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(keep);
        keepLeft = radio(keep, Messages.get("merge.keep", left.getCode()), "merge.keepLeft", true);
        keepLeft.setFont(bold);
        radio(keep, Messages.get("merge.keep", right.getCode()), "merge.keepRight", false).setFont(bold);
        // the record that stays brings its own values, except where the user picked one or only the other side has one
        keepLeft.addListener(SWT.Selection, e -> proposeSurvivorValues());

        for (Map.Entry<String, Function<Customer, Object>> f : VALUES.entrySet()) {
            Object l = f.getValue().apply(left);
            Object r = f.getValue().apply(right);
            Label name = new Label(area, SWT.NONE);
            name.setText(Messages.get("merge.field." + f.getKey()));
            Composite choice = new Composite(area, SWT.NONE);
            GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).applyTo(choice);
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(choice);
            // the side with a value is proposed; with two values the left one, which stays by default
            boolean useRight = l == null && r != null;
            Button leftValue = radio(choice, text(l), "merge.left." + f.getKey(), !useRight);
            leftValue.setEnabled(!Objects.equals(l, r));
            Button rightValue = radio(choice, text(r), "merge.right." + f.getKey(), useRight);
            rightValue.setEnabled(!Objects.equals(l, r));
            rightChoices.put(f.getKey(), rightValue);
            leftChoices.put(f.getKey(), leftValue);
            if (l != null && r != null) {
                leftValue.addListener(SWT.Selection, e -> picked.add(f.getKey()));
                rightValue.addListener(SWT.Selection, e -> picked.add(f.getKey()));
            }
        }
        Label kept = new Label(area, SWT.WRAP);
        kept.setText(Messages.get("merge.kept"));
        GridDataFactory.fillDefaults().span(3, 1).hint(640, SWT.DEFAULT).indent(0, 8).applyTo(kept);
        return area;
    }

    private void proposeSurvivorValues() {
        boolean leftStays = keepLeft.getSelection();
        for (Map.Entry<String, Function<Customer, Object>> f : VALUES.entrySet()) {
            Object l = f.getValue().apply(left);
            Object r = f.getValue().apply(right);
            if (picked.contains(f.getKey()) || l == null || r == null) {
                continue;
            }
            leftChoices.get(f.getKey()).setSelection(leftStays);
            rightChoices.get(f.getKey()).setSelection(!leftStays);
        }
    }

    private static Button radio(Composite parent, String text, String id, boolean selected) {
        Button b = Widgets.id(new Button(parent, SWT.RADIO), id);
        b.setText(text.replace("&", "&&"));
        b.setSelection(selected);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(b);
        return b;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Button merge = createButton(parent, IDialogConstants.OK_ID, Messages.get("merge.ok"), true);
        Widgets.id(merge, "merge.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        boolean leftStays = keepLeft.getSelection();
        survivor = leftStays ? left : right;
        merged = leftStays ? right : left;
        takeFromMerged = new HashSet<>();
        // "right" values come from the merged customer only when the left one stays, and the other way round
        rightChoices.forEach((field, rightButton) -> {
            if (rightButton.getSelection() == leftStays) {
                takeFromMerged.add(field);
            }
        });
        super.okPressed();
    }

    Customer survivor() {
        return survivor;
    }

    Customer merged() {
        return merged;
    }

    Set<String> takeFromMerged() {
        return takeFromMerged;
    }
}
