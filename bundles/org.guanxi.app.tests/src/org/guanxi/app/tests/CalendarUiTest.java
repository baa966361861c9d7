package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/** The calendar takes a new activity and shows it; the forecast shows its periods per company and per rep. */
class CalendarUiTest {

    private static final Pattern ENTRIES = Pattern.compile("(\\d+) entr");

    @Test
    void aPlannedCallAppearsInTheWeekAndTheMonth() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.sales.ui.perspective.calendar");
        try {
            Label period = Ui.await(shell, "calendar.period");
            int before = entries(period);
            Display display = shell.getDisplay();
            boolean[] answered = { false };
            display.timerExec(800, () -> {
                Shell dialog = Arrays.stream(display.getShells()).filter(s -> s != shell && s.isVisible()).reduce((a, b) -> b)
                        .orElseThrow();
                ((Text) Ui.byId(dialog, "activity.subject")).setText("回访苏州客户");
                // today at 10:00, not the dialog's "next full hour", which late on a Sunday is already next week
                java.time.LocalDate today = org.guanxi.core.AppClock.today();
                ((DateTime) Ui.byId(dialog, "activity.day")).setDate(today.getYear(), today.getMonthValue() - 1, today.getDayOfMonth());
                ((DateTime) Ui.byId(dialog, "activity.time")).setTime(10, 0, 0);
                // no reminder: one due while the other UI tests run would open its window over their dialogs
                Combo reminder = Ui.byId(dialog, "activity.reminder");
                reminder.select(0);
                Ui.screenshot(dialog, "activity-dialog.png");
                Ui.click(okButton(dialog));
                answered[0] = true;
            });
            Ui.click(Ui.byId(shell, "calendar.new"));
            Ui.waitUntil("the activity dialog to be answered", 30, () -> answered[0]);
            Ui.waitUntil("the call to be counted in the week", 10, () -> entries(period) == before + 1);
            Ui.screenshot(shell, "calendar-week.png");

            Combo view = Ui.byId(shell, "calendar.view");
            view.select(1);
            Ui.fire(view, SWT.Selection);
            assertTrue(period.getText().contains("entries"), period.getText());
            assertTrue(entries(period) >= before + 1, "the month holds the week's entries: " + period.getText());
            Ui.screenshot(shell, "calendar-month.png");
            view.select(0);
            Ui.fire(view, SWT.Selection);
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    @Test
    void theForecastShowsEveryPeriodForTheCompanyAndEachRep() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.sales.ui.perspective.forecast");
        try {
            Table table = Ui.await(shell, "forecast.table");
            Ui.waitUntil("six months", 10, () -> table.getItemCount() == 6);
            assertEquals("Company", table.getItem(0).getText(1));
            Combo scope = Ui.byId(shell, "forecast.scope");
            scope.select(2);
            Ui.fire(scope, SWT.Selection);
            Ui.waitUntil("a row per rep and month", 10, () -> table.getItemCount() > 6 && table.getItemCount() % 6 == 0);
            Ui.screenshot(shell, "forecast.png");
            scope.select(0);
            Ui.fire(scope, SWT.Selection);
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    private static int entries(Label period) {
        Matcher m = ENTRIES.matcher(period.getText());
        return m.find() ? Integer.parseInt(m.group(1)) : period.getText().startsWith("no ") || period.getText().contains("· no ") ? 0 : -1;
    }

    private static Button okButton(Shell dialog) {
        return (Button) findOk(dialog);
    }

    private static Control findOk(Control c) {
        if (c instanceof Button b && "OK".equals(b.getText())) {
            return b;
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (Control child : comp.getChildren()) {
                Control found = findOk(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
