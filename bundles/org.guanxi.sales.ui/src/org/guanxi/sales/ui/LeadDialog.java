package org.guanxi.sales.ui;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.Criterion;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.LeadSource;
import org.guanxi.sales.api.LeadService;
import org.guanxi.sales.api.LeadService.Duplicate;
import org.guanxi.sales.api.LeadService.Score;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

import org.guanxi.ui.common.FormDialog;

/**
 * Enters or edits a lead: who, how to reach them, where they came from, and the rep's rating of each qualification
 * criterion with the score and its explanation updated as the ratings change. Before saving it shows customers and
 * leads that look like the same party.
 */
public class LeadDialog extends FormDialog {

    private final LeadService leads;
    private final Lead lead;
    /** Read once: the score is recomputed at every change of a rating. */
    private final LeadService.Criteria criteria;
    private Lead saved;
    private Text person;
    private Text company;
    private Text phone;
    private Text email;
    private Text city;
    private Combo source;
    private Text sourceDetail;
    private Text amount;
    private Text notes;
    private Label score;
    private final Map<Criterion, Spinner> ratings = new EnumMap<>(Criterion.class);

    public LeadDialog(Shell shell, LeadService leads, Lead lead) {
        super(shell, 4);
        this.leads = leads;
        this.lead = lead == null ? new Lead() : lead;
        this.criteria = leads.criteria();
    }

    @Override
    protected String title() {
        return lead.isNew() ? Messages.get("lead.new") : Messages.get("lead.edit", lead.getCode());
    }

    @Override
    protected void fill(Composite area) {
        person = text(area, "lead.person", lead.getPersonName());
        company = text(area, "lead.company", lead.getCompany());
        phone = text(area, "lead.phone", lead.getPhone());
        email = text(area, "lead.email", lead.getEmail());
        city = text(area, "lead.city", lead.getCity());
        new Label(area, SWT.NONE).setText(Messages.get("lead.source"));
        source = Widgets.id(new Combo(area, SWT.READ_ONLY), "lead.source");
        for (LeadSource s : LeadSource.values()) {
            source.add(Messages.get("source." + s));
        }
        source.select(lead.getSource() == null ? LeadSource.OTHER.ordinal() : lead.getSource().ordinal());
        sourceDetail = text(area, "lead.sourceDetail", lead.getSourceDetail());
        amount = text(area, "lead.amount", lead.getEstimatedAmount() == null ? "" : lead.getEstimatedAmount().toPlainString());

        Label heading = new Label(area, SWT.NONE);
        heading.setText(Messages.get("lead.criteria"));
        GridDataFactory.fillDefaults().span(4, 1).indent(0, 8).applyTo(heading);
        for (Criterion c : Criterion.values()) {
            new Label(area, SWT.NONE).setText(Messages.get("criterion." + c));
            Spinner s = Widgets.id(new Spinner(area, SWT.BORDER), "lead.criterion." + c);
            s.setValues(lead.rating(c) == null ? 0 : lead.rating(c), 0, 5, 0, 1, 1);
            s.addListener(SWT.Modify, e -> rescore());
            ratings.put(c, s);
        }
        new Label(area, SWT.NONE);
        new Label(area, SWT.NONE);
        score = Widgets.id(new Label(area, SWT.WRAP), "lead.score");
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(520, SWT.DEFAULT).applyTo(score);
        Label notesLabel = new Label(area, SWT.NONE);
        notesLabel.setText(Messages.get("lead.notes"));
        notes = Widgets.id(new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "lead.notes");
        notes.setText(lead.getNotes() == null ? "" : lead.getNotes());
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(SWT.DEFAULT, 60).applyTo(notes);
        rescore();
    }

    private static Text text(Composite parent, String key, String value) {
        new Label(parent, SWT.NONE).setText(Messages.get(key));
        Text t = Widgets.id(new Text(parent, SWT.BORDER), key);
        t.setText(value == null ? "" : value);
        GridDataFactory.fillDefaults().grab(true, false).hint(180, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private void rescore() {
        Lead probe = new Lead();
        ratings.forEach((c, s) -> probe.rate(c, s.getSelection()));
        Score s = leads.score(probe, criteria);
        String parts = s.parts().entrySet().stream()
                .map(e -> Messages.get("criterion." + e.getKey()) + " " + Math.round(e.getValue()))
                .collect(Collectors.joining(" + "));
        score.setText(Messages.get(s.qualifies() ? "lead.score.qualified" : "lead.score.open", s.score(), parts,
                criteria.qualifyingScore()));
    }

    @Override
    protected void okPressed() {
        lead.setPersonName(person.getText());
        lead.setCompany(company.getText());
        lead.setPhone(phone.getText());
        lead.setEmail(email.getText());
        lead.setCity(city.getText());
        lead.setSource(LeadSource.values()[source.getSelectionIndex()]);
        lead.setSourceDetail(sourceDetail.getText());
        lead.setNotes(notes.getText());
        ratings.forEach((c, s) -> lead.rate(c, s.getSelection()));
        try {
            lead.setEstimatedAmount(amount.getText().isBlank() ? null : new BigDecimal(amount.getText().strip().replace(",", "")));
        } catch (NumberFormatException e) {
            MessageDialog.openError(getShell(), getShell().getText(), Messages.get("lead.amountInvalid", amount.getText()));
            return;
        }
        try {
            if (lead.isNew() && !confirmDuplicates(leads.duplicates(lead))) {
                return;
            }
            saved = leads.save(lead);
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    /** Lists look-alikes and lets the user decide; true when there are none or the user saves anyway. */
    private boolean confirmDuplicates(List<Duplicate> found) {
        if (found.isEmpty()) {
            return true;
        }
        String list = found.stream().map(d -> Messages.get("lead.duplicate." + d.kind(), d.code(), d.name(),
                Messages.get("lead.match." + d.matchedOn()))).collect(Collectors.joining("\n"));
        return MessageDialog.openQuestion(getShell(), Messages.get("lead.duplicates"), Messages.get("lead.duplicates.text", list));
    }

    /** The lead as stored, after OK. */
    public Lead saved() {
        return saved;
    }
}
