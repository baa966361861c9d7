package org.guanxi.sales.ui;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.sales.api.ForecastService;
import org.guanxi.sales.api.ForecastService.Scope;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

/** The twelve monthly targets of the company, a team or a rep in a year; an empty month has no target. */
public class TargetsDialog extends Dialog {

    private final ForecastService forecasts;
    private Combo scope;
    private Combo key;
    private Spinner year;
    private final Text[] months = new Text[12];

    public TargetsDialog(Shell shell, ForecastService forecasts) {
        super(shell);
        this.forecasts = forecasts;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("targets.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(6).margins(10, 10).applyTo(area);
        new Label(area, SWT.NONE).setText(Messages.get("targets.scope"));
        scope = Widgets.id(new Combo(area, SWT.READ_ONLY), "targets.scope");
        scope.setItems(Messages.get("forecast.company"), Messages.get("forecast.team"), Messages.get("forecast.rep"));
        scope.select(0);
        new Label(area, SWT.NONE).setText(Messages.get("targets.key"));
        key = Widgets.id(new Combo(area, SWT.DROP_DOWN), "targets.key");
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(key);
        new Label(area, SWT.NONE).setText(Messages.get("targets.year"));
        year = Widgets.id(new Spinner(area, SWT.BORDER), "targets.year");
        year.setValues(AppClock.today().getYear(), 2000, 2100, 0, 1, 1);
        for (int m = 0; m < 12; m++) {
            new Label(area, SWT.NONE).setText(Messages.get("targets.month", m + 1));
            months[m] = Widgets.id(new Text(area, SWT.BORDER | SWT.RIGHT), "targets.month." + (m + 1));
            GridDataFactory.fillDefaults().grab(true, false).hint(110, SWT.DEFAULT).applyTo(months[m]);
        }
        scope.addListener(SWT.Selection, e -> keys());
        key.addListener(SWT.Modify, e -> load());
        year.addListener(SWT.Modify, e -> load());
        keys();
        return area;
    }

    private Scope scope() {
        return Scope.values()[scope.getSelectionIndex()];
    }

    /** Teams and reps known from the team list; any other login or team name may be typed. */
    private void keys() {
        key.removeAll();
        Map<String, String> teams = forecasts.teams();
        if (scope() == Scope.TEAM) {
            new TreeSet<>(teams.values()).forEach(key::add);
        } else if (scope() == Scope.REP) {
            new TreeSet<>(teams.keySet()).forEach(key::add);
        }
        key.setEnabled(scope() != Scope.COMPANY);
        if (key.getItemCount() > 0) {
            key.select(0);
        }
        load();
    }

    private void load() {
        try {
            Map<YearMonth, BigDecimal> targets = forecasts.targets(scope(), key.getText().strip(), year.getSelection());
            for (int m = 0; m < 12; m++) {
                BigDecimal t = targets.get(YearMonth.of(year.getSelection(), m + 1));
                months[m].setText(t == null ? "" : t.stripTrailingZeros().toPlainString());
            }
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    @Override
    protected void okPressed() {
        BigDecimal[] amounts = new BigDecimal[12];
        for (int m = 0; m < 12; m++) {
            String s = months[m].getText().strip().replace(",", "");
            try {
                amounts[m] = s.isEmpty() ? null : new BigDecimal(s);
            } catch (NumberFormatException e) {
                MessageDialog.openError(getShell(), getShell().getText(), Messages.get("targets.invalid", months[m].getText()));
                months[m].setFocus();
                return;
            }
        }
        try {
            for (int m = 0; m < 12; m++) {
                forecasts.saveTarget(scope(), key.getText().strip(), YearMonth.of(year.getSelection(), m + 1), amounts[m]);
            }
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }
}
