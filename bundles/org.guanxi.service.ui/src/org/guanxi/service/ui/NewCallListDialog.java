package org.guanxi.service.ui;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.Survey;
import org.guanxi.service.api.CallCentre;
import org.guanxi.service.api.CallCentre.Created;
import org.guanxi.service.api.CallCentre.NewList;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.FormDialog;
import org.guanxi.ui.common.Widgets;

/** A new outbound call list: a saved segment's customers, a script (with {name} for the customer), an optional survey. */
final class NewCallListDialog extends FormDialog {

    private final CallCentre calls;
    private final List<Segment> segments;
    private final List<Survey> surveys;
    private Text name;
    private Combo segment;
    private Combo survey;
    private Spinner attempts;
    private Text script;
    private Created created;

    NewCallListDialog(Shell shell, CallCentre calls, List<Segment> segments, List<Survey> surveys) {
        super(shell, 2);
        this.calls = calls;
        this.segments = segments;
        this.surveys = surveys.stream().filter(Survey::isActive).toList();
    }

    @Override
    protected String title() {
        return Messages.get("calls.newList");
    }

    @Override
    protected void fill(Composite area) {
        name = Fields.text(area, "calls.new.name");
        Fields.label(area, "calls.new.segment");
        segment = Widgets.id(new Combo(area, SWT.READ_ONLY), "calls.new.segment");
        segments.forEach(s -> segment.add(s.getName()));
        segment.select(0);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(segment);
        Fields.label(area, "calls.new.survey");
        survey = Widgets.id(new Combo(area, SWT.READ_ONLY), "calls.new.survey");
        survey.add(Messages.get("calls.new.noSurvey"));
        surveys.forEach(s -> survey.add(s.name(Locale.getDefault())));
        survey.select(surveys.isEmpty() ? 0 : 1);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(survey);
        Fields.label(area, "calls.new.attempts");
        attempts = Widgets.id(new Spinner(area, SWT.BORDER), "calls.new.attempts");
        attempts.setValues(3, 1, 10, 0, 1, 1);
        script = Fields.area(area, "calls.new.script", 120);
        script.setText(Messages.get("calls.new.scriptTemplate"));
    }

    @Override
    protected void okPressed() {
        if (segment.getSelectionIndex() < 0) {
            org.eclipse.jface.dialogs.MessageDialog.openInformation(getShell(), title(), Messages.get("calls.new.noSegments"));
            return;
        }
        Long surveyId = survey.getSelectionIndex() <= 0 ? null : surveys.get(survey.getSelectionIndex() - 1).getId();
        try {
            created = calls.createList(new NewList(name.getText(), segments.get(segment.getSelectionIndex()).getId(), surveyId,
                    script.getText(), attempts.getSelection()));
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
            return;
        }
        super.okPressed();
    }

    Created created() {
        return created;
    }
}
