package org.guanxi.customer.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.service.DeliveredValueService;
import org.guanxi.core.service.DeliveredValueService.Component;
import org.guanxi.core.service.DeliveredValueService.Line;
import org.guanxi.core.service.DeliveredValueService.Result;
import org.guanxi.core.service.DeliveredValueService.Scope;
import org.guanxi.core.service.DeliveredValueService.Sheet;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.ValidationException;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/**
 * The delivered-value worksheet of a customer or a segment: weight and rating (0–10) per value and cost component, for
 * us and the main competitor; the totals are recomputed as the user types.
 */
class DeliveredValueDialog extends Dialog {

    private final DeliveredValueService service;
    private final Scope scope;
    private final String key;
    private final String subject;
    private Sheet sheet;
    private final Map<Component, Text[]> inputs = new EnumMap<>(Component.class);
    private Text competitor;
    private Text notes;
    private Label result;

    DeliveredValueDialog(Shell shell, DeliveredValueService service, Scope scope, String key, String subject) {
        super(shell);
        this.service = service;
        this.scope = scope;
        this.key = key;
        this.subject = subject;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("sheet.title", subject));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        sheet = service.sheet(scope, key);
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.get("sheet.intro"));
        GridDataFactory.fillDefaults().span(4, 1).hint(520, SWT.DEFAULT).applyTo(intro);
        new Label(area, SWT.NONE).setText(Messages.get("sheet.competitor"));
        competitor = Widgets.id(new Text(area, SWT.BORDER), "sheet.competitor");
        competitor.setText(sheet.competitor() == null ? "" : sheet.competitor());
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(competitor);
        for (boolean value : new boolean[] { true, false }) {
            Label side = new Label(area, SWT.NONE);
            side.setText(Messages.get(value ? "sheet.valueSide" : "sheet.costSide"));
            side.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
            GridDataFactory.fillDefaults().indent(0, 6).applyTo(side);
            for (String h : new String[] { "sheet.weight", "sheet.ours", "sheet.theirs" }) {
                Label l = new Label(area, SWT.NONE);
                l.setText(Messages.get(h));
                GridDataFactory.fillDefaults().indent(0, 6).applyTo(l);
            }
            for (Component c : Component.values()) {
                if (c.isValue() != value) {
                    continue;
                }
                new Label(area, SWT.NONE).setText(Messages.get("component." + c));
                Line l = sheet.lines().get(c);
                Text[] t = { number(area, "sheet.weight." + c, l.weight()), number(area, "sheet.ours." + c, l.ours()),
                        number(area, "sheet.theirs." + c, l.theirs()) };
                inputs.put(c, t);
            }
        }
        new Label(area, SWT.NONE).setText(Messages.get("sheet.notes"));
        notes = Widgets.id(new Text(area, SWT.BORDER), "sheet.notes");
        notes.setText(sheet.notes() == null ? "" : sheet.notes());
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(notes);
        result = Widgets.id(new Label(area, SWT.WRAP), "sheet.result");
        GridDataFactory.fillDefaults().span(4, 1).hint(520, SWT.DEFAULT).indent(0, 8).applyTo(result);
        recompute();
        return area;
    }

    private Text number(Composite parent, String id, Double v) {
        Text t = Widgets.id(new Text(parent, SWT.BORDER | SWT.RIGHT), id);
        t.setText(v == null ? "" : v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString());
        GridDataFactory.fillDefaults().hint(70, SWT.DEFAULT).applyTo(t);
        t.addModifyListener(e -> recompute());
        return t;
    }

    /** The worksheet as typed; a field that is not a number makes the whole line unreadable. */
    private Sheet typed() {
        Map<Component, Line> lines = new EnumMap<>(Component.class);
        inputs.forEach((c, t) -> lines.put(c, new Line(c, parse(t[0]), parse(t[1]), t[2].getText().isBlank() ? null : parse(t[2]))));
        return new Sheet(scope, key, competitor.getText().isBlank() ? null : competitor.getText().strip(),
                notes.getText().isBlank() ? null : notes.getText().strip(), lines, sheet.version());
    }

    private static double parse(Text t) {
        return Double.parseDouble(t.getText().strip().replace(',', '.'));
    }

    private void recompute() {
        if (result == null || inputs.size() < Component.values().length) {
            return;
        }
        try {
            Sheet s = typed();
            List<FieldError> errors = service.check(s);
            if (!errors.isEmpty()) {
                result.setText(String.join("\n", errors.stream().map(FieldError::message).toList()));
                return;
            }
            Result r = service.compute(s);
            String ours = Messages.get("sheet.resultOurs", r.valueOurs(), r.costOurs(), r.deliveredOurs());
            result.setText(r.advantage() == null ? ours
                    : ours + "\n" + Messages.get("sheet.resultTheirs", r.valueTheirs(), r.costTheirs(), r.deliveredTheirs(), r.advantage()));
        } catch (NumberFormatException e) {
            result.setText(Messages.get("sheet.notNumber"));
        }
        result.getParent().layout(true, true);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.id(createButton(parent, IDialogConstants.OK_ID, Messages.get("sheet.save"), true), "sheet.save");
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        try {
            service.save(typed());
            super.okPressed();
        } catch (NumberFormatException e) {
            result.setText(Messages.get("sheet.notNumber"));
        } catch (ValidationException e) {
            result.setText(String.join("\n", e.getErrors().stream().map(FieldError::message).toList()));
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
