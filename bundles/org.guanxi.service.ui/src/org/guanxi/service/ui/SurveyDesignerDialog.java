package org.guanxi.service.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Construct;
import org.guanxi.core.model.Survey;
import org.guanxi.core.model.SurveyQuestion;
import org.guanxi.core.service.SurveyService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.FormDialog;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

/**
 * The survey designer (问卷设计): a survey's code, names and whether agents and invitations use it, and its questions
 * with wording in both languages, the ACSI construct each measures, its scale and its weight in the index. The
 * question below the list is edited in place; "Save" stores the whole survey and stays open on a broken rule.
 */
final class SurveyDesignerDialog extends FormDialog {

    private static final List<Construct> CONSTRUCTS = Arrays.asList(Construct.values());

    private final SurveyService surveys;
    private List<Survey> all;
    private Survey editing;
    private Combo chooser;
    private Text code;
    private Text name;
    private Text nameEn;
    private Button active;
    private TableViewer questions;
    private Text text;
    private Text textEn;
    private Combo construct;
    private Spinner min;
    private Spinner max;
    private Spinner weight;
    private SurveyQuestion current;
    private boolean filling;
    private boolean saved;

    SurveyDesignerDialog(Shell shell, SurveyService surveys) {
        super(shell, 4);
        this.surveys = surveys;
    }

    @Override
    protected String title() {
        return Messages.get("designer.title");
    }

    @Override
    protected void fill(Composite area) {
        Fields.label(area, "designer.survey");
        chooser = Widgets.id(new Combo(area, SWT.READ_ONLY), "designer.survey");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(chooser);
        chooser.addListener(SWT.Selection, e -> edit(all.get(chooser.getSelectionIndex())));
        Widgets.button(area, "designer.new", Messages.get("designer.new"), this::newSurvey);

        code = field(area, "designer.code", 1);
        active = Widgets.id(new Button(area, SWT.CHECK), "designer.active");
        active.setText(Messages.get("designer.active"));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(active);
        name = field(area, "designer.name", 3);
        nameEn = field(area, "designer.nameEn", 3);

        questions = Tables.viewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "designer.questions");
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).hint(760, 250).applyTo(questions.getTable());
        Columns.add(questions, SurveyQuestion.class, "#", 34, q -> String.valueOf(number(q)));
        Columns.add(questions, SurveyQuestion.class, Messages.get("designer.col.text"), 300,
                q -> q.text(Locale.getDefault()));
        Columns.add(questions, SurveyQuestion.class, Messages.get("designer.col.construct"), 130, q -> Labels.of(q.getConstruct()));
        Columns.add(questions, SurveyQuestion.class, Messages.get("designer.col.scale"), 80,
                q -> q.getScaleMin() + "–" + q.getScaleMax());
        Columns.add(questions, SurveyQuestion.class, Messages.get("designer.col.weight"), 70, q -> String.valueOf(q.getWeight()));
        questions.addSelectionChangedListener(e -> show(Tables.selected(questions, SurveyQuestion.class).orElse(null)));

        Composite rowActions = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().span(4, 1).applyTo(rowActions);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(rowActions);
        Widgets.button(rowActions, "designer.add", Messages.get("designer.add"), this::addQuestion);
        Widgets.button(rowActions, "designer.remove", Messages.get("designer.remove"), this::removeQuestion);
        Widgets.button(rowActions, "designer.up", Messages.get("designer.up"), () -> move(-1));
        Widgets.button(rowActions, "designer.down", Messages.get("designer.down"), () -> move(1));

        Group question = new Group(area, SWT.NONE);
        question.setText(Messages.get("designer.question"));
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).applyTo(question);
        GridLayoutFactory.swtDefaults().numColumns(8).applyTo(question);
        text = field(question, "designer.text", 7);
        textEn = field(question, "designer.textEn", 7);
        Fields.label(question, "designer.construct");
        construct = Widgets.id(new Combo(question, SWT.READ_ONLY), "designer.construct");
        CONSTRUCTS.forEach(c -> construct.add(Labels.of(c)));
        construct.addListener(SWT.Selection, e -> store());
        min = spinner(question, "designer.min", 0, 10);
        max = spinner(question, "designer.max", 1, 100);
        weight = spinner(question, "designer.weight", 1, 100);
        weight.setDigits(1);
        text.addListener(SWT.Modify, e -> store());
        textEn.addListener(SWT.Modify, e -> store());

        all = new ArrayList<>(surveys.surveys());
        all.forEach(s -> chooser.add(s.getCode() + " · " + s.name(Locale.getDefault())));
        if (all.isEmpty()) {
            newSurvey();
        } else {
            chooser.select(0);
            edit(all.get(0));
        }
    }

    private int number(SurveyQuestion q) {
        return editing.getQuestions().indexOf(q) + 1;
    }

    private static Text field(Composite parent, String key, int span) {
        Fields.label(parent, key);
        Text t = Widgets.id(new Text(parent, SWT.BORDER), key);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(t);
        return t;
    }

    private Spinner spinner(Composite parent, String key, int lowest, int highest) {
        new Label(parent, SWT.NONE).setText(Messages.get(key));
        Spinner s = Widgets.id(new Spinner(parent, SWT.BORDER), key);
        s.setMinimum(lowest);
        s.setMaximum(highest);
        s.addListener(SWT.Modify, e -> store());
        return s;
    }

    private void newSurvey() {
        Survey s = new Survey();
        s.setActive(true);
        s.addQuestion(new SurveyQuestion(Messages.get("designer.sample"), Messages.get("designer.sampleEn"),
                Construct.SATISFACTION, 1, 10, 1));
        chooser.deselectAll();
        edit(s);
        code.setFocus();
    }

    private void edit(Survey s) {
        editing = s;
        filling = true;
        code.setText(s.getCode() == null ? "" : s.getCode());
        name.setText(s.getName() == null ? "" : s.getName());
        nameEn.setText(s.getNameEn() == null ? "" : s.getNameEn());
        active.setSelection(s.isActive());
        filling = false;
        questions.setInput(s.getQuestions());
        select(s.getQuestions().isEmpty() ? null : s.getQuestions().get(0));
    }

    private void select(SurveyQuestion q) {
        if (q == null) {
            show(null);
        } else {
            questions.setSelection(new StructuredSelection(q), true);
        }
    }

    private void show(SurveyQuestion q) {
        current = q;
        filling = true;
        for (var w : new org.eclipse.swt.widgets.Control[] { text, textEn, construct, min, max, weight }) {
            w.setEnabled(q != null);
        }
        text.setText(q == null ? "" : q.getText() == null ? "" : q.getText());
        textEn.setText(q == null || q.getTextEn() == null ? "" : q.getTextEn());
        construct.select(q == null ? -1 : CONSTRUCTS.indexOf(q.getConstruct()));
        min.setSelection(q == null ? 1 : q.getScaleMin());
        max.setSelection(q == null ? 10 : q.getScaleMax());
        weight.setSelection(q == null ? 10 : (int) Math.round(q.getWeight() * 10));
        filling = false;
    }

    /** What is typed below the list goes into the selected question at once. */
    private void store() {
        if (filling || current == null) {
            return;
        }
        current.setText(text.getText());
        current.setTextEn(textEn.getText());
        current.setConstruct(construct.getSelectionIndex() < 0 ? null : CONSTRUCTS.get(construct.getSelectionIndex()));
        current.setScaleMin(min.getSelection());
        current.setScaleMax(max.getSelection());
        current.setWeight(weight.getSelection() / 10.0);
        questions.update(current, null);
    }

    private void addQuestion() {
        SurveyQuestion q = new SurveyQuestion("", "", Construct.SATISFACTION, 1, 10, 1);
        editing.getQuestions().add(q);
        questions.refresh();
        select(q);
        text.setFocus();
    }

    private void removeQuestion() {
        if (current != null) {
            int at = editing.getQuestions().indexOf(current);
            editing.getQuestions().remove(current);
            questions.refresh();
            List<SurveyQuestion> left = editing.getQuestions();
            select(left.isEmpty() ? null : left.get(Math.min(at, left.size() - 1)));
        }
    }

    private void move(int by) {
        List<SurveyQuestion> list = editing.getQuestions();
        int at = list.indexOf(current);
        if (current == null || at + by < 0 || at + by >= list.size()) {
            return;
        }
        list.remove(at);
        list.add(at + by, current);
        questions.refresh();
        select(current);
    }

    @Override
    protected void okPressed() {
        editing.setCode(code.getText());
        editing.setName(name.getText());
        editing.setNameEn(nameEn.getText());
        editing.setActive(active.getSelection());
        try {
            Survey stored = surveys.save(editing);
            saved = true;
            all = new ArrayList<>(surveys.surveys());
            chooser.removeAll();
            all.forEach(s -> chooser.add(s.getCode() + " · " + s.name(Locale.getDefault())));
            int index = all.stream().map(Survey::getId).toList().indexOf(stored.getId());
            chooser.select(index);
            edit(all.get(index));
            org.eclipse.jface.dialogs.MessageDialog.openInformation(getShell(), title(), Messages.get("designer.saved", stored.getCode()));
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, org.eclipse.jface.dialogs.IDialogConstants.OK_ID, Messages.get("designer.save"), true);
        createButton(parent, org.eclipse.jface.dialogs.IDialogConstants.CANCEL_ID, Messages.get("designer.close"), false);
    }

    /** Whether a survey was saved while the designer was open (the dashboard then reloads its list). */
    boolean saved() {
        return saved;
    }
}
