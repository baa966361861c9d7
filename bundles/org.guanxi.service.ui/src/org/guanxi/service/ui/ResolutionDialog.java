package org.guanxi.service.ui;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.Compensation;
import org.guanxi.core.model.RootCause;
import org.guanxi.service.api.ComplaintService.Resolution;
import org.guanxi.ui.common.FormDialog;

/** The recovery of a complaint: the answer, its root cause and the compensation (a refund goes to the ERP). */
final class ResolutionDialog extends FormDialog {

    private static final List<RootCause> CAUSES = Arrays.asList(RootCause.values());
    private static final List<Compensation> COMPENSATIONS = Arrays.asList(Compensation.values());

    private final String draft;
    private Text answer;
    private Combo cause;
    private Combo compensation;
    private Text amount;
    private Text note;
    private Resolution resolution;

    ResolutionDialog(Shell shell, String draft) {
        super(shell, 2);
        this.draft = draft;
    }

    @Override
    protected String title() {
        return Messages.get("resolution.title");
    }

    @Override
    protected void fill(Composite area) {
        answer = Fields.area(area, "resolution.answer", 80);
        answer.setText(draft);
        cause = Fields.choice(area, "resolution.rootCause", CAUSES, null);
        cause.deselectAll();
        compensation = Fields.choice(area, "resolution.compensation", COMPENSATIONS, Compensation.APOLOGY);
        amount = Fields.text(area, "resolution.amount");
        note = Fields.text(area, "resolution.note");
        compensation.addListener(SWT.Selection, e -> amount.setEnabled(Fields.chosen(compensation, COMPENSATIONS).hasAmount()));
        amount.setEnabled(false);
    }

    @Override
    protected void okPressed() {
        BigDecimal value = null;
        String typed = amount.getText().strip();
        if (amount.isEnabled() && !typed.isEmpty()) {
            try {
                value = new BigDecimal(typed.replace(",", ""));
            } catch (NumberFormatException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(getShell(), title(), Messages.get("resolution.badAmount", typed));
                return;
            }
        }
        // checked by the service when it is applied; the dialog only collects
        resolution = new Resolution(answer.getText(), Fields.chosen(cause, CAUSES), Fields.chosen(compensation, COMPENSATIONS),
                value, note.getText());
        super.okPressed();
    }

    Resolution resolution() {
        return resolution;
    }
}
