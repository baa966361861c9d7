package org.guanxi.service.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.ResponseSource;
import org.guanxi.core.model.Survey;
import org.guanxi.core.model.SurveyQuestion;
import org.guanxi.core.service.SurveyService;
import org.guanxi.core.service.SurveyService.NewResponse;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.FormDialog;
import org.guanxi.ui.common.Widgets;

/**
 * The satisfaction call script (满意度回访): the agent reads each question as written (in Chinese, the customers'
 * language, with the English beside it for English users) and picks the customer's score; the answers are stored as
 * a survey response of the call.
 */
final class SurveyDialog extends FormDialog {

    private final SurveyService surveys;
    private final Survey survey;
    private final long customerId;
    private final Long caseId;
    private final Map<SurveyQuestion, Combo> scores = new LinkedHashMap<>();
    private Text comment;
    private Long responseId;

    SurveyDialog(Shell shell, SurveyService surveys, Survey survey, long customerId, Long caseId) {
        super(shell, 2);
        this.surveys = surveys;
        this.survey = survey;
        this.customerId = customerId;
        this.caseId = caseId;
    }

    @Override
    protected String title() {
        return Messages.get("survey.title", survey.name(Locale.getDefault()));
    }

    @Override
    protected void fill(Composite area) {
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.get("survey.intro"));
        GridDataFactory.fillDefaults().span(2, 1).hint(560, SWT.DEFAULT).applyTo(intro);
        for (SurveyQuestion q : survey.getQuestions()) {
            Label text = new Label(area, SWT.WRAP);
            boolean chinese = "zh".equals(Locale.getDefault().getLanguage());
            text.setText(q.getSeq() + ". " + q.getText() + (chinese || q.getTextEn() == null ? "" : "\n    " + q.getTextEn())
                    + "  [" + Labels.of(q.getConstruct()) + "]");
            GridDataFactory.fillDefaults().grab(true, false).hint(440, SWT.DEFAULT).applyTo(text);
            Combo score = Widgets.id(new Combo(area, SWT.READ_ONLY), "survey.q" + q.getSeq());
            score.add("—");
            for (int v = q.getScaleMin(); v <= q.getScaleMax(); v++) {
                score.add(String.valueOf(v));
            }
            score.select(0);
            GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).hint(70, SWT.DEFAULT).applyTo(score);
            scores.put(q, score);
        }
        comment = Fields.area(area, "survey.comment", 50);
    }

    @Override
    protected void okPressed() {
        Map<Long, Integer> answers = new LinkedHashMap<>();
        scores.forEach((q, c) -> {
            if (c.getSelectionIndex() > 0) {
                answers.put(q.getId(), q.getScaleMin() + c.getSelectionIndex() - 1);
            }
        });
        try {
            responseId = surveys.record(new NewResponse(survey.getId(), customerId, null, caseId, ResponseSource.CALL, AppClock.now(),
                    answers, comment.getText()));
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
            return;
        }
        super.okPressed();
    }

    /** The response recorded, once OK was pressed. */
    Long responseId() {
        return responseId;
    }

    /** The first active survey, or null when none is. */
    static Survey standard(List<Survey> all) {
        return all.stream().filter(Survey::isActive).findFirst().orElse(null);
    }
}
