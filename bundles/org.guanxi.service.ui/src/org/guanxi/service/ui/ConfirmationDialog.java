package org.guanxi.service.ui;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.Verdict;
import org.guanxi.ui.common.FormDialog;

/** The customer's answer to "is this settled for you?"; dissatisfied reopens the complaint. */
final class ConfirmationDialog extends FormDialog {

    private static final List<Verdict> VERDICTS = Arrays.asList(Verdict.values());

    private Combo verdict;
    private Text comment;
    private Verdict chosen;
    private String said;

    ConfirmationDialog(Shell shell) {
        super(shell, 2);
    }

    @Override
    protected String title() {
        return Messages.get("confirmation.title");
    }

    @Override
    protected void fill(Composite area) {
        verdict = Fields.choice(area, "confirmation.verdict", VERDICTS, Verdict.SATISFIED);
        comment = Fields.area(area, "confirmation.comment", 60);
    }

    @Override
    protected void okPressed() {
        chosen = Fields.chosen(verdict, VERDICTS);
        said = comment.getText();
        super.okPressed();
    }

    Verdict verdict() {
        return chosen;
    }

    String comment() {
        return said;
    }
}
