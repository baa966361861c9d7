package org.guanxi.sales.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Activity;
import org.guanxi.core.model.ActivityKind;
import org.guanxi.core.model.Customer;
import org.guanxi.sales.api.ActivityService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.guanxi.ui.common.CustomerPicker;
import org.guanxi.ui.common.FormDialog;

/**
 * Plans or edits an activity: what, when (a day and a time with a length, or the whole day; a task has only a due
 * time), where, with whom, about which customer and deal, and when to be reminded.
 */
public class ActivityDialog extends FormDialog {

    /** Lengths offered, in minutes. */
    static final int[] LENGTHS = { 15, 30, 45, 60, 90, 120, 180, 240 };
    /** Reminders offered, in minutes before the start; -1 is none. */
    static final int[] REMINDERS = { -1, 0, 5, 15, 30, 60, 24 * 60 };

    private final ActivityService activities;
    private final CustomerService customers;
    private final OpportunityService opportunities;
    private final Activity activity;
    private Activity saved;
    private Combo kind;
    private Text subject;
    private DateTime day;
    private DateTime time;
    private Combo length;
    private Button allDay;
    private Text location;
    private CustomerPicker customer;
    private DealPicker deal;
    private Text participants;
    private Combo reminder;
    private Text notes;

    public ActivityDialog(Shell shell, ActivityService activities, CustomerService customers, OpportunityService opportunities,
            Activity activity) {
        super(shell, 2);
        this.activities = activities;
        this.customers = customers;
        this.opportunities = opportunities;
        this.activity = activity;
    }

    /** A new activity at a time (the next full hour when null). */
    static Activity planned(LocalDateTime at) {
        Activity a = new Activity();
        a.setKind(ActivityKind.CALL);
        a.setStartsAt(at != null ? at : AppClock.localNow().truncatedTo(ChronoUnit.HOURS).plusHours(1));
        a.setEndsAt(a.getStartsAt().plusMinutes(30));
        return a;
    }

    @Override
    protected String title() {
        return activity.isNew() ? Messages.get("activity.new") : Messages.get("activity.edit", activity.getSubject());
    }

    @Override
    protected void fill(Composite area) {
        Form.label(area, "activity.kind");
        kind = Widgets.id(new Combo(area, SWT.READ_ONLY), "activity.kind");
        for (ActivityKind k : ActivityKind.values()) {
            kind.add(Labels.of(k));
        }
        kind.select(activity.getKind().ordinal());
        kind.addListener(SWT.Selection, e -> enableTimes());
        subject = Form.text(area, "activity.subject", activity.getSubject());

        Form.label(area, "activity.when");
        Composite when = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(when);
        day = Widgets.id(new DateTime(when, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), "activity.day");
        LocalDateTime start = activity.getStartsAt();
        day.setDate(start.getYear(), start.getMonthValue() - 1, start.getDayOfMonth());
        time = Widgets.id(new DateTime(when, SWT.TIME | SWT.SHORT | SWT.BORDER), "activity.time");
        time.setTime(start.getHour(), start.getMinute(), 0);
        new Label(when, SWT.NONE).setText(Messages.get("activity.length"));
        length = Widgets.id(new Combo(when, SWT.READ_ONLY), "activity.length");
        long minutes = activity.getEndsAt() == null ? 30 : ChronoUnit.MINUTES.between(start, activity.getEndsAt());
        int chosen = 1;
        for (int i = 0; i < LENGTHS.length; i++) {
            length.add(Messages.get("activity.minutes", LENGTHS[i]));
            if (LENGTHS[i] <= minutes) {
                chosen = i;
            }
        }
        length.select(chosen);
        allDay = Widgets.id(new Button(when, SWT.CHECK), "activity.allDay");
        allDay.setText(Messages.get("activity.allDay"));
        allDay.setSelection(activity.isAllDay());
        allDay.addListener(SWT.Selection, e -> enableTimes());

        location = Form.text(area, "activity.location", activity.getLocation());
        Form.label(area, "activity.customer");
        customer = new CustomerPicker(area, customers, "activity.customer");
        if (activity.getCustomerId() != null) {
            Customer c = customers.get(activity.getCustomerId());
            customer.set(c.getId(), c.getCode(), c.getName());
        }
        Form.label(area, "activity.deal");
        deal = new DealPicker(area, opportunities, "activity.deal");
        customer.onChange(this::loadDeals);
        loadDeals();
        participants = Form.text(area, "activity.participants", activity.getParticipants());
        participants.setMessage(Messages.get("activity.participants.hint"));
        Form.label(area, "activity.reminder");
        reminder = Widgets.id(new Combo(area, SWT.READ_ONLY), "activity.reminder");
        long before = activity.getRemindAt() == null ? -1 : ChronoUnit.MINUTES.between(activity.getRemindAt(), start);
        int r = 0;
        for (int i = 0; i < REMINDERS.length; i++) {
            reminder.add(Messages.get("activity.remind." + REMINDERS[i]));
            if (REMINDERS[i] == before) {
                r = i;
            }
        }
        reminder.select(r);
        Form.label(area, "activity.notes");
        notes = Widgets.id(new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "activity.notes");
        notes.setText(activity.getNotes() == null ? "" : activity.getNotes());
        GridDataFactory.fillDefaults().grab(true, true).hint(420, 60).applyTo(notes);
        enableTimes();
    }

    /** A task has a due time but no length; an all-day entry has neither. */
    private void enableTimes() {
        boolean task = kind.getSelectionIndex() == ActivityKind.TASK.ordinal();
        time.setEnabled(!allDay.getSelection());
        length.setEnabled(!task && !allDay.getSelection());
    }

    /** The chosen customer's deals; the activity's own deal stays selected. */
    private void loadDeals() {
        try {
            deal.load(customer.selectedId(), activity.getOpportunityId());
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    @Override
    protected void okPressed() {
        ActivityKind k = ActivityKind.values()[kind.getSelectionIndex()];
        LocalDate d = LocalDate.of(day.getYear(), day.getMonth() + 1, day.getDay());
        boolean whole = allDay.getSelection();
        LocalDateTime start = whole ? d.atStartOfDay() : d.atTime(LocalTime.of(time.getHours(), time.getMinutes()));
        activity.setKind(k);
        activity.setSubject(subject.getText().strip());
        activity.setAllDay(whole);
        activity.setStartsAt(start);
        activity.setEndsAt(k == ActivityKind.TASK ? null
                : whole ? d.atTime(LocalTime.MAX.truncatedTo(ChronoUnit.MINUTES)) : start.plusMinutes(LENGTHS[length.getSelectionIndex()]));
        activity.setLocation(blankToNull(location.getText()));
        activity.setCustomerId(customer.selectedId());
        activity.setOpportunityId(deal.selectedId());
        activity.setParticipants(blankToNull(participants.getText().replaceAll("\\s*[,，;；]\\s*", ",")));
        int before = REMINDERS[reminder.getSelectionIndex()];
        activity.setRemindAt(before < 0 ? null : start.minusMinutes(before));
        activity.setNotes(blankToNull(notes.getText()));
        try {
            saved = activities.save(activity);
            super.okPressed();
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The activity as stored, after OK. */
    public Activity saved() {
        return saved;
    }
}
