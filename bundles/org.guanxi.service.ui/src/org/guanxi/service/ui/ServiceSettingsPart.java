package org.guanxi.service.ui;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.service.CaseService;
import org.guanxi.core.service.CaseService.Queue;
import org.guanxi.core.service.ChurnService;
import org.guanxi.core.service.ChurnService.Rules;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.ServiceLevelService.ServiceLevel;
import org.guanxi.core.service.WorkingCalendarService;
import org.guanxi.core.service.WorkingCalendarService.CalendarDay;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Service settings (服务设置) for the service manager: the service levels per tier and priority, the official
 * working calendar (each year's holidays and worked weekend days), the queues' supervisors and members, the churn
 * rules, and the points grants waiting for approval. A change of levels or calendar moves the deadlines of every open
 * case at once.
 */
public class ServiceSettingsPart {

    @Inject
    private ServiceLevelService levels;

    @Inject
    private WorkingCalendarService calendar;

    @Inject
    private CaseService cases;

    @Inject
    private ChurnService churn;

    @Inject
    private LoyaltyService loyalty;

    @Inject
    private SecurityService security;

    private CTabFolder tabs;
    private TableViewer levelTable;
    private Spinner response;
    private Spinner resolution;
    private Spinner year;
    private TableViewer dayTable;
    private DateTime day;
    private Button working;
    private Text dayName;
    private TableViewer queueTable;
    private Text supervisor;
    private Text members;
    private Spinner silence;
    private Spinner minOrders;
    private Spinner spendDrop;
    private Spinner complaintDays;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        tabs = Widgets.id(new CTabFolder(parent, SWT.TOP | SWT.BORDER), "settings.tabs");
        levels(tab("settings.tab.levels"));
        calendar(tab("settings.tab.calendar"));
        queues(tab("settings.tab.queues"));
        churnRules(tab("settings.tab.churn"));
        new PointsApprovalsTab(Widgets.tab(tabs, Messages.get("settings.tab.points")), loyalty, security);
        tabs.setSelection(0);
    }

    private Composite tab(String key) {
        Composite page = Widgets.tab(tabs, Messages.get(key));
        GridLayoutFactory.swtDefaults().numColumns(6).margins(10, 10).applyTo(page);
        return page;
    }

    // ---- service levels

    private void levels(Composite page) {
        note(page, "settings.levels.intro");
        levelTable = table(page, "settings.levels");
        Columns.add(levelTable, ServiceLevel.class, Messages.get("settings.col.tier"), 100, l -> Labels.of(l.tier()));
        Columns.add(levelTable, ServiceLevel.class, Messages.get("settings.col.priority"), 90, l -> Labels.of(l.priority()));
        Columns.add(levelTable, ServiceLevel.class, Messages.get("settings.col.response"), 220, l -> working(l.firstResponse()));
        Columns.add(levelTable, ServiceLevel.class, Messages.get("settings.col.resolution"), 260, l -> working(l.resolution()));
        response = spinner(page, "settings.response", 1, 100_000);
        resolution = spinner(page, "settings.resolution", 1, 1_000_000);
        Widgets.button(page, "settings.saveLevel", Messages.get("settings.saveLevel"), this::saveLevel);
        new Label(page, SWT.NONE);
        levelTable.addSelectionChangedListener(e -> Tables.selected(levelTable, ServiceLevel.class).ifPresent(l -> {
            response.setSelection((int) l.firstResponse().toMinutes());
            resolution.setSelection((int) l.resolution().toMinutes());
        }));
        reloadLevels();
    }

    /** Working time as the levels count it: "1 working d 3 h" is one working day of 9 hours and three hours more. */
    static String working(Duration d) {
        long minutes = d.toMinutes();
        long days = minutes / (9 * 60);
        long hours = minutes % (9 * 60) / 60;
        long rest = minutes % 60;
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(Messages.get("settings.days", days));
        }
        if (hours > 0) {
            out.append(out.length() > 0 ? " " : "").append(Messages.get("settings.hours", hours));
        }
        if (rest > 0 || minutes == 0) {
            out.append(out.length() > 0 ? " " : "").append(Messages.get("time.minutes", rest));
        }
        return days > 0 ? Messages.get("settings.inMinutes", out, minutes) : out.toString();
    }

    private void reloadLevels() {
        levelTable.setInput(levels.levels());
    }

    private void saveLevel() {
        ServiceLevel l = Tables.selected(levelTable, ServiceLevel.class).orElse(null);
        if (l == null) {
            return;
        }
        try {
            levels.setLevel(new ServiceLevel(l.tier(), l.priority(), Duration.ofMinutes(response.getSelection()),
                    Duration.ofMinutes(resolution.getSelection())));
            reloadLevels();
            recalculate();
        } catch (RuntimeException e) {
            Errors.show(tabs.getShell(), e);
        }
    }

    /** Open cases follow the new agreement or calendar at once. */
    private void recalculate() {
        int moved = cases.recalculateDeadlines();
        MessageDialog.openInformation(tabs.getShell(), Messages.get("settings.title"), Messages.get("settings.recalculated", moved));
    }

    // ---- working calendar

    private void calendar(Composite page) {
        note(page, "settings.calendar.intro");
        new Label(page, SWT.NONE).setText(Messages.get("settings.year"));
        year = Widgets.id(new Spinner(page, SWT.BORDER), "settings.year");
        year.setValues(AppClock.today().getYear(), 2000, 2100, 0, 1, 1);
        year.addListener(SWT.Selection, e -> reloadDays());
        GridDataFactory.fillDefaults().span(5, 1).align(SWT.BEGINNING, SWT.CENTER).applyTo(year);
        dayTable = table(page, "settings.days");
        Columns.add(dayTable, CalendarDay.class, Messages.get("settings.col.day"), 110, d -> d.day().toString());
        Columns.add(dayTable, CalendarDay.class, Messages.get("settings.col.weekday"), 80,
                d -> d.day().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.getDefault()));
        Columns.add(dayTable, CalendarDay.class, Messages.get("settings.col.kind"), 110,
                d -> Messages.get(d.working() ? "settings.workday" : "settings.dayOff"));
        Columns.add(dayTable, CalendarDay.class, Messages.get("settings.col.name"), 200, CalendarDay::name);
        new Label(page, SWT.NONE).setText(Messages.get("settings.col.day"));
        day = Widgets.date(page, "settings.day", AppClock.today());
        working = Widgets.id(new Button(page, SWT.CHECK), "settings.working");
        working.setText(Messages.get("settings.workday"));
        dayName = Widgets.id(new Text(page, SWT.BORDER), "settings.dayName");
        dayName.setMessage(Messages.get("settings.dayName.hint"));
        GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(dayName);
        Widgets.button(page, "settings.saveDay", Messages.get("settings.saveDay"), this::saveDay);
        Widgets.button(page, "settings.removeDay", Messages.get("settings.removeDay"), this::removeDay);
        dayTable.addSelectionChangedListener(e -> Tables.selected(dayTable, CalendarDay.class).ifPresent(d -> {
            day.setDate(d.day().getYear(), d.day().getMonthValue() - 1, d.day().getDayOfMonth());
            working.setSelection(d.working());
            dayName.setText(d.name() == null ? "" : d.name());
        }));
        reloadDays();
    }

    private void reloadDays() {
        dayTable.setInput(calendar.days(year.getSelection()));
    }

    private void saveDay() {
        try {
            calendar.setDay(new CalendarDay(Widgets.date(day), working.getSelection(), dayName.getText()));
            reloadDays();
            recalculate();
        } catch (RuntimeException e) {
            Errors.show(tabs.getShell(), e);
        }
    }

    private void removeDay() {
        try {
            calendar.removeDay(Widgets.date(day));
            reloadDays();
            recalculate();
        } catch (RuntimeException e) {
            Errors.show(tabs.getShell(), e);
        }
    }

    // ---- queues

    private void queues(Composite page) {
        note(page, "settings.queues.intro");
        queueTable = table(page, "settings.queues");
        Columns.add(queueTable, Queue.class, Messages.get("settings.col.queue"), 160, q -> q.name(Locale.getDefault()));
        Columns.add(queueTable, Queue.class, Messages.get("settings.col.supervisor"), 110, q -> q.supervisor() == null ? "" : q.supervisor());
        Columns.add(queueTable, Queue.class, Messages.get("settings.col.members"), 360, q -> String.join(", ", q.members()));
        new Label(page, SWT.NONE).setText(Messages.get("settings.col.supervisor"));
        supervisor = Widgets.id(new Text(page, SWT.BORDER), "settings.supervisor");
        GridDataFactory.fillDefaults().hint(120, SWT.DEFAULT).applyTo(supervisor);
        new Label(page, SWT.NONE).setText(Messages.get("settings.col.members"));
        members = Widgets.id(new Text(page, SWT.BORDER), "settings.members");
        members.setMessage(Messages.get("settings.members.hint"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(members);
        Widgets.button(page, "settings.saveQueue", Messages.get("settings.saveQueue"), this::saveQueue);
        queueTable.addSelectionChangedListener(e -> Tables.selected(queueTable, Queue.class).ifPresent(q -> {
            supervisor.setText(q.supervisor() == null ? "" : q.supervisor());
            members.setText(String.join(", ", q.members()));
        }));
        queueTable.setInput(cases.queues());
    }

    private void saveQueue() {
        Queue q = Tables.selected(queueTable, Queue.class).orElse(null);
        if (q == null) {
            return;
        }
        try {
            List<String> logins = Arrays.stream(members.getText().split("[,，;\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
            cases.saveQueue(q.code(), supervisor.getText().isBlank() ? null : supervisor.getText().strip(), logins);
            queueTable.setInput(cases.queues());
        } catch (RuntimeException e) {
            Errors.show(tabs.getShell(), e);
        }
    }

    // ---- churn rules

    private void churnRules(Composite page) {
        note(page, "settings.churn.intro");
        Rules r = churn.rules();
        silence = spinner(page, "settings.silence", 10, 100);
        silence.setDigits(1);
        silence.setSelection((int) Math.round(r.silenceFactor() * 10));
        minOrders = spinner(page, "settings.minOrders", 2, 50);
        minOrders.setSelection(r.minOrders());
        new Label(page, SWT.NONE);
        new Label(page, SWT.NONE);
        spendDrop = spinner(page, "settings.spendDrop", 1, 99);
        spendDrop.setSelection((int) Math.round(r.spendDrop() * 100));
        complaintDays = spinner(page, "settings.complaintDays", 1, 365);
        complaintDays.setSelection(r.complaintDays());
        Widgets.button(page, "settings.saveChurn", Messages.get("settings.saveChurn"), this::saveChurn);
    }

    private void saveChurn() {
        try {
            churn.saveRules(new Rules(silence.getSelection() / 10.0, minOrders.getSelection(), spendDrop.getSelection() / 100.0,
                    complaintDays.getSelection()));
            MessageDialog.openInformation(tabs.getShell(), Messages.get("settings.title"), Messages.get("settings.churnSaved"));
        } catch (RuntimeException e) {
            Errors.show(tabs.getShell(), e);
        }
    }

    // ---- helpers

    private static void note(Composite page, String key) {
        Label l = new Label(page, SWT.WRAP);
        l.setText(Messages.get(key));
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).hint(600, SWT.DEFAULT).applyTo(l);
    }

    private static TableViewer table(Composite page, String id) {
        TableViewer v = Tables.viewer(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, id);
        GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(v.getTable());
        return v;
    }

    private static Spinner spinner(Composite page, String key, int min, int max) {
        new Label(page, SWT.NONE).setText(Messages.get(key));
        Spinner s = Widgets.id(new Spinner(page, SWT.BORDER), key);
        s.setMinimum(min);
        s.setMaximum(max);
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(s);
        return s;
    }

    @Focus
    void focus() {
        tabs.setFocus();
    }
}
