package org.guanxi.customer.ui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.CustomerValueService.Parameters;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.ValidationException;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/**
 * The value models' parameters, shared by all users: pyramid shares, lifecycle thresholds, CLV and value matrix.
 * Shares and rates are typed as percentages. The next analysis run uses what is saved here.
 */
class ValueParametersDialog extends Dialog {

    private static final int DEFAULTS_ID = IDialogConstants.CLIENT_ID + 1;
    /** Parameters shown as percentages. */
    private static final Set<String> PERCENT = Set.of("vipShare", "majorShare", "ordinaryShare", "declineRatio", "discountRate",
            "marginRate", "matrixPercentile");
    /** Groups of parameters, in the order of the form. */
    private static final Map<String, String[]> GROUPS = new LinkedHashMap<>();
    static {
        GROUPS.put("params.pyramid", new String[] { "vipShare", "majorShare", "ordinaryShare" });
        GROUPS.put("params.lifecycle", new String[] { "explorationDays", "growthRatio", "declineRatio", "declineIntervalFactor",
                "lostAfterDays", "lostIntervalFactor" });
        GROUPS.put("params.clv", new String[] { "clvYears", "discountRate", "marginRate" });
        GROUPS.put("params.matrix", new String[] { "matrixPercentile" });
    }

    private final CustomerValueService values;
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private Label problems;

    ValueParametersDialog(Shell shell, CustomerValueService values) {
        super(shell);
        this.values = values;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("params.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        for (Map.Entry<String, String[]> g : GROUPS.entrySet()) {
            Group group = new Group(area, SWT.NONE);
            group.setText(Messages.get(g.getKey()));
            GridLayoutFactory.swtDefaults().numColumns(3).applyTo(group);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
            for (String name : g.getValue()) {
                Label label = new Label(group, SWT.NONE);
                label.setText(Messages.get("params." + name));
                GridDataFactory.fillDefaults().hint(300, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(label);
                Text text = Widgets.id(new Text(group, SWT.BORDER | SWT.RIGHT), "params." + name);
                GridDataFactory.fillDefaults().hint(80, SWT.DEFAULT).applyTo(text);
                new Label(group, SWT.NONE).setText(PERCENT.contains(name) ? "%" : Messages.get("params.unit." + name));
                fields.put(name, text);
            }
        }
        problems = Widgets.id(new Label(area, SWT.WRAP), "params.problems");
        problems.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(problems);
        show(values.parameters());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, DEFAULTS_ID, Messages.get("params.defaults"), false);
        createButton(parent, IDialogConstants.OK_ID, Messages.get("params.save"), true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == DEFAULTS_ID) {
            show(values.defaultParameters());
        } else {
            super.buttonPressed(id);
        }
    }

    private void show(Parameters p) {
        for (var c : Parameters.class.getRecordComponents()) {
            try {
                double v = ((Number) c.getAccessor().invoke(p)).doubleValue();
                boolean percent = PERCENT.contains(c.getName());
                fields.get(c.getName()).setText(format(percent ? v * 100 : v));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", (float) v);
    }

    private double read(String name) {
        String t = fields.get(name).getText().strip().replace(',', '.').replace("%", "");
        double v = t.isEmpty() ? Double.NaN : Double.parseDouble(t);
        return PERCENT.contains(name) ? v / 100 : v;
    }

    @Override
    protected void okPressed() {
        try {
            Parameters p = new Parameters(read("vipShare"), read("majorShare"), read("ordinaryShare"), (int) read("lostAfterDays"),
                    read("lostIntervalFactor"), (int) read("explorationDays"), read("declineRatio"), read("declineIntervalFactor"),
                    read("growthRatio"), (int) read("clvYears"), read("discountRate"), read("marginRate"), read("matrixPercentile"));
            values.saveParameters(p);
            super.okPressed();
        } catch (NumberFormatException e) {
            problems.setText(Messages.get("params.notNumber", e.getMessage()));
            getShell().layout(true, true);
        } catch (ValidationException e) {
            problems.setText(String.join("\n", e.getErrors().stream().map(FieldError::message).toList()));
            getShell().pack();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
