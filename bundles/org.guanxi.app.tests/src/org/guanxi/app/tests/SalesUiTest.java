package org.guanxi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

/** Sales: enter a lead and see it scored, convert it, then move the new deal across the pipeline board. */
class SalesUiTest {

    @Test
    void aLeadBecomesADealThatMovesOnTheBoard() {
        Shell shell = Ui.mainShell();
        Ui.showPerspective("org.guanxi.sales.ui.perspective.leads");
        try {
            Table leads = Ui.await(shell, "leads.table");
            Text search = Ui.byId(shell, "leads.search");
            Display display = shell.getDisplay();
            boolean[] answered = { false };
            String[] scoreText = { "" };
            display.timerExec(800, () -> {
                Shell dialog = dialog(display, shell);
                ((Text) Ui.byId(dialog, "lead.person")).setText("周建国");
                ((Text) Ui.byId(dialog, "lead.company")).setText("苏州精密仪器有限公司");
                ((Text) Ui.byId(dialog, "lead.phone")).setText("0512 6688 1234");
                ((Text) Ui.byId(dialog, "lead.amount")).setText("250000");
                for (String c : new String[] { "NEED", "BUDGET", "AUTHORITY", "CREDIT", "FIT" }) {
                    Spinner s = Ui.byId(dialog, "lead.criterion." + c);
                    s.setSelection(4);
                    Ui.fire(s, SWT.Modify);
                }
                scoreText[0] = ((Label) Ui.byId(dialog, "lead.score")).getText();
                Ui.screenshot(dialog, "lead-dialog.png");
                Ui.click(ok(dialog));
                answered[0] = true;
            });
            Ui.click(Ui.byId(shell, "leads.new"));
            Ui.waitUntil("the lead dialog to be answered", 30, () -> answered[0]);
            assertTrue(scoreText[0].startsWith("Score 80 of 100"), scoreText[0]);

            search.setText("苏州精密");
            Ui.waitUntil("the new lead to be listed", 10, () -> leads.getItemCount() == 1);
            assertEquals("Qualified", leads.getItem(0).getText(4));
            String code = leads.getItem(0).getText(0);

            boolean[] converted = { false };
            display.timerExec(800, () -> {
                Shell dialog = dialog(display, shell);
                ((Text) Ui.byId(dialog, "convert.opportunity")).setText("在线检测设备 " + code);
                Ui.screenshot(dialog, "convert-dialog.png");
                Ui.click(ok(dialog));
                // the confirmation that follows
                display.timerExec(800, () -> {
                    Ui.click(ok(dialog(display, shell)));
                    converted[0] = true;
                });
            });
            leads.setSelection(0);
            Ui.click(Ui.byId(shell, "leads.convert"));
            Ui.waitUntil("the conversion", 30, () -> converted[0]);
            Ui.waitUntil("the lead to show as converted", 10, () -> "Converted".equals(leads.getItem(0).getText(4)));
            Ui.screenshot(shell, "leads.png");
            search.setText("");

            Ui.showPerspective("org.guanxi.sales.ui.perspective.pipeline");
            Composite qualification = Ui.await(shell, "pipeline.column.QUALIFICATION");
            Composite card = cardOf(qualification, "在线检测设备 " + code);
            Label header = Ui.byId(shell, "pipeline.header.PROPOSAL");
            int before = deals(header);
            MenuItem toProposal = Arrays.stream(card.getMenu().getItems()).filter(i -> i.getText().equals("Move to Proposal"))
                    .findFirst().orElseThrow();
            Ui.fire(toProposal, SWT.Selection);
            Composite proposal = Ui.byId(shell, "pipeline.column.PROPOSAL");
            Ui.waitUntil("the deal to arrive in Proposal", 10, () -> cardOf(proposal, "在线检测设备 " + code) != null);
            assertEquals(null, cardOf(qualification, "在线检测设备 " + code), "and to leave Qualification");
            assertEquals(before + 1, deals(header), header.getText());
            Ui.screenshot(shell, "pipeline.png");
        } finally {
            Ui.showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    private static Shell dialog(Display display, Shell main) {
        return Arrays.stream(display.getShells()).filter(s -> s != main && s.isVisible()).reduce((a, b) -> b).orElseThrow();
    }

    private static Button ok(Shell dialog) {
        List<Control> all = new ArrayList<>();
        collect(dialog, all);
        return all.stream().filter(c -> c instanceof Button b && (IDialogConstants.OK_LABEL.equals(b.getText())
                || IDialogConstants.YES_LABEL.equals(b.getText()))).map(Button.class::cast).findFirst().orElseThrow();
    }

    private static void collect(Control c, List<Control> out) {
        out.add(c);
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }

    /** The number of deals a column header states. */
    private static int deals(Label header) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d[\\d,]*) deals").matcher(header.getText());
        assertTrue(m.find(), header.getText());
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    /** The card whose first line is the deal's name, or null. */
    private static Composite cardOf(Composite column, String name) {
        List<Control> all = new ArrayList<>();
        collect(column, all);
        for (Control c : all) {
            if (c instanceof Label l && l.getText().equals(name)) {
                return l.getParent();
            }
        }
        return null;
    }
}
