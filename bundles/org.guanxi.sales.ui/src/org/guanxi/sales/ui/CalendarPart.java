package org.guanxi.sales.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Activity;
import org.guanxi.core.model.ActivityKind;
import org.guanxi.core.model.ActivityStatus;
import org.guanxi.sales.api.ActivityService;
import org.guanxi.sales.api.ActivityService.Entry;
import org.guanxi.sales.api.ActivityService.Filter;
import org.guanxi.sales.api.ActivityService.Source;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.TaskService;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The calendar (日程): a week of hours or a month of days with the calls, visits, meetings and tasks of the rep (or of
 * everybody) and the customer-care tasks due. Double-click an empty slot to plan an activity there, an entry to open
 * it; drag an entry in the week to move it; its menu marks it done or cancels it. Colours tell the kinds apart; an
 * overdue entry has a red frame, a done one is grey.
 */
public class CalendarPart {

    /** The hours the week view shows; earlier and later entries are drawn at its edges. */
    static final int FIRST_HOUR = 7;
    static final int LAST_HOUR = 21;
    private static final int GUTTER = 48;
    private static final int HEADER = 24;
    private static final int ALL_DAY_ROW = 20;

    @Inject
    private ActivityService activities;

    @Inject
    private CustomerService customers;

    @Inject
    private OpportunityService opportunities;

    @Inject
    private SecurityService security;

    @Inject
    @Optional
    private TaskService tasks;

    private Label period;
    private Combo view;
    private Combo owner;
    private Canvas canvas;
    private LocalDate anchor = AppClock.today();
    private List<Entry> entries = List.of();
    /** Where each entry was drawn, for clicks, drags and tooltips. */
    private final Map<Rectangle, Entry> drawn = new HashMap<>();
    private final Map<ActivityKind, Color> colours = new HashMap<>();
    /** A light yellow of its own: the theme's tooltip colour may be dark. */
    private Color todayColour;
    private Entry dragging;
    private Point dragFrom;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(7).margins(10, 10).applyTo(parent);
        Toolbar.button(parent, "calendar.previous", () -> step(-1));
        Toolbar.button(parent, "calendar.today", () -> {
            anchor = AppClock.today();
            reload();
        });
        Toolbar.button(parent, "calendar.next", () -> step(1));
        period = Widgets.id(new Label(parent, SWT.NONE), "calendar.period");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(period);
        view = Widgets.id(new Combo(parent, SWT.READ_ONLY), "calendar.view");
        view.setItems(Messages.get("calendar.week"), Messages.get("calendar.month"));
        view.select(0);
        view.addListener(SWT.Selection, e -> reload());
        owner = Widgets.id(new Combo(parent, SWT.READ_ONLY), "calendar.owner");
        owner.setItems(Messages.get("calendar.mine"), Messages.get("calendar.everybody"));
        owner.select(0);
        owner.addListener(SWT.Selection, e -> reload());
        Toolbar.button(parent, "calendar.new", () -> plan(null));

        todayColour = new Color(new RGB(0xff, 0xf8, 0xdc));
        colours.put(ActivityKind.CALL, new Color(new RGB(0xd6, 0xe6, 0xfa)));
        colours.put(ActivityKind.VISIT, new Color(new RGB(0xd4, 0xef, 0xd6)));
        colours.put(ActivityKind.MEETING, new Color(new RGB(0xfc, 0xe5, 0xc8)));
        colours.put(ActivityKind.TASK, new Color(new RGB(0xe9, 0xdc, 0xf5)));
        canvas = Widgets.id(new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER), "calendar.canvas");
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        GridDataFactory.fillDefaults().grab(true, true).span(7, 1).hint(SWT.DEFAULT, 400).applyTo(canvas);
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseUp, this::mouseUp);
        canvas.addListener(SWT.MouseHover, e -> {
            Entry hit = at(e.x, e.y);
            canvas.setToolTipText(hit == null ? null : tooltip(hit));
        });
        canvas.addListener(SWT.MenuDetect, this::menu);
        reload();
    }

    private boolean week() {
        return view.getSelectionIndex() == 0;
    }

    private void step(int direction) {
        anchor = week() ? anchor.plusWeeks(direction) : anchor.plusMonths(direction);
        reload();
    }

    /** The first and last day shown: Monday to Sunday, or the six weeks around the month. */
    private LocalDate[] range() {
        if (week()) {
            LocalDate monday = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new LocalDate[] { monday, monday.plusDays(6) };
        }
        LocalDate first = anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new LocalDate[] { first, first.plusDays(41) };
    }

    void reload() {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        LocalDate[] r = range();
        try {
            Filter filter = owner.getSelectionIndex() == 0 ? new Filter(security.currentUser()) : Filter.ALL;
            entries = activities.calendar(r[0], r[1], filter);
        } catch (RuntimeException e) {
            entries = List.of();
            Errors.show(canvas.getShell(), e);
        }
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);
        period.setText(week() ? Messages.get("calendar.weekOf", r[0].format(f), r[1].format(f), entries.size())
                : Messages.get("calendar.monthOf", java.time.YearMonth.from(anchor).format(DateTimeFormatter.ofPattern(
                        Locale.getDefault().getLanguage().equals("zh") ? "yyyy年M月" : "MMMM yyyy")), entries.size()));
        period.getParent().layout();
        canvas.redraw();
    }

    private void paint(GC gc) {
        drawn.clear();
        Rectangle area = canvas.getClientArea();
        gc.setAntialias(SWT.ON);
        if (week()) {
            paintWeek(gc, area);
        } else {
            paintMonth(gc, area);
        }
    }

    private void paintWeek(GC gc, Rectangle area) {
        LocalDate monday = range()[0];
        int dayWidth = Math.max(60, (area.width - GUTTER) / 7);
        int allDayRows = 1;
        for (int d = 0; d < 7; d++) {
            allDayRows = Math.max(allDayRows, allDay(monday.plusDays(d)).size());
        }
        int top = HEADER + allDayRows * ALL_DAY_ROW + 4;
        int hours = LAST_HOUR - FIRST_HOUR;
        double hourHeight = Math.max(20, (area.height - top) / (double) hours);
        Color grid = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW);
        Color text = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        LocalDate today = AppClock.today();
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            int x = GUTTER + d * dayWidth;
            if (day.equals(today)) {
                gc.setBackground(todayColour);
                gc.fillRectangle(x, 0, dayWidth, area.height);
            }
            gc.setForeground(text);
            gc.drawString(dayLabel(day), x + 4, 4, true);
            gc.setForeground(grid);
            gc.drawLine(x, 0, x, area.height);
            int row = 0;
            for (Entry e : allDay(day)) {
                box(gc, e, new Rectangle(x + 2, HEADER + row++ * ALL_DAY_ROW, dayWidth - 4, ALL_DAY_ROW - 2), e.subject());
            }
        }
        gc.setForeground(grid);
        gc.drawLine(0, top - 2, area.width, top - 2);
        for (int h = 0; h <= hours; h++) {
            int y = top + (int) Math.round(h * hourHeight);
            gc.setForeground(grid);
            gc.drawLine(GUTTER - 4, y, area.width, y);
            if (h < hours) {
                gc.setForeground(text);
                gc.drawString(String.format("%02d:00", FIRST_HOUR + h), 4, y + 2, true);
            }
        }
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            List<Entry> timed = entries.stream().filter(e -> !e.allDay() && e.start().toLocalDate().equals(day)).toList();
            // side by side when they overlap: each entry takes the first lane free at its start; a run of overlapping
            // entries shares the day's width between the lanes it needs
            Map<Entry, Integer> lanes = new HashMap<>();
            Map<Entry, Integer> laneCount = new HashMap<>();
            List<LocalDateTime> laneEnds = new ArrayList<>();
            List<Entry> run = new ArrayList<>();
            LocalDateTime runEnd = null;
            for (Entry e : timed) {
                if (runEnd != null && !runEnd.isAfter(e.start())) {
                    run.forEach(r -> laneCount.put(r, laneEnds.size()));
                    run.clear();
                    laneEnds.clear();
                }
                int lane = 0;
                while (lane < laneEnds.size() && laneEnds.get(lane).isAfter(e.start())) {
                    lane++;
                }
                LocalDateTime end = end(e);
                if (lane == laneEnds.size()) {
                    laneEnds.add(end);
                } else {
                    laneEnds.set(lane, end);
                }
                lanes.put(e, lane);
                run.add(e);
                runEnd = run.size() == 1 || end.isAfter(runEnd) ? end : runEnd;
            }
            run.forEach(r -> laneCount.put(r, laneEnds.size()));
            for (Entry e : timed) {
                int laneWidth = (dayWidth - 4) / Math.max(1, laneCount.get(e));
                double from = clampHours(e.start());
                double to = Math.max(from + 0.4, clampHours(end(e)));
                int y = top + (int) Math.round((from - FIRST_HOUR) * hourHeight);
                int h = (int) Math.round((to - from) * hourHeight) - 1;
                int x = GUTTER + d * dayWidth + 2 + lanes.get(e) * laneWidth;
                String label = e.start().toLocalTime().truncatedTo(ChronoUnit.MINUTES) + " " + e.subject()
                        + (e.about().isEmpty() ? "" : "\n" + e.about());
                box(gc, e, new Rectangle(x, y, laneWidth - 2, Math.max(h, 16)), label);
            }
        }
    }

    private List<Entry> allDay(LocalDate day) {
        return entries.stream().filter(e -> e.allDay() && !e.start().toLocalDate().isAfter(day) && !end(e).toLocalDate().isBefore(day))
                .toList();
    }

    private static LocalDateTime end(Entry e) {
        return e.end() != null ? e.end() : e.start().plusMinutes(30);
    }

    private static double clampHours(LocalDateTime t) {
        double h = t.getHour() + t.getMinute() / 60.0;
        return Math.min(LAST_HOUR, Math.max(FIRST_HOUR, h));
    }

    private void paintMonth(GC gc, Rectangle area) {
        LocalDate first = range()[0];
        int cellWidth = Math.max(60, area.width / 7);
        int cellHeight = Math.max(40, (area.height - HEADER) / 6);
        Color grid = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW);
        Color text = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        Color other = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW);
        for (int d = 0; d < 7; d++) {
            gc.setForeground(text);
            gc.drawString(first.plusDays(d).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.getDefault()), d * cellWidth + 4, 4, true);
        }
        int lineHeight = gc.getFontMetrics().getHeight() + 2;
        for (int i = 0; i < 42; i++) {
            LocalDate day = first.plusDays(i);
            int x = (i % 7) * cellWidth;
            int y = HEADER + (i / 7) * cellHeight;
            if (day.equals(AppClock.today())) {
                gc.setBackground(todayColour);
                gc.fillRectangle(x, y, cellWidth, cellHeight);
            }
            gc.setForeground(grid);
            gc.drawRectangle(x, y, cellWidth, cellHeight);
            gc.setForeground(day.getMonthValue() == anchor.getMonthValue() ? text : other);
            gc.drawString(String.valueOf(day.getDayOfMonth()), x + 4, y + 2, true);
            List<Entry> ofDay = entries.stream().filter(e -> e.allDay() ? !e.start().toLocalDate().isAfter(day) && !end(e).toLocalDate().isBefore(day)
                    : e.start().toLocalDate().equals(day)).toList();
            int fits = Math.max(0, (cellHeight - lineHeight - 4) / lineHeight);
            int shown = ofDay.size() > fits ? Math.max(0, fits - 1) : ofDay.size();
            for (int k = 0; k < shown; k++) {
                Entry e = ofDay.get(k);
                String label = (e.allDay() ? "" : e.start().toLocalTime().truncatedTo(ChronoUnit.MINUTES) + " ") + e.subject();
                box(gc, e, new Rectangle(x + 2, y + lineHeight + 2 + k * lineHeight, cellWidth - 4, lineHeight - 1), label);
            }
            if (shown < ofDay.size()) {
                gc.setForeground(text);
                gc.drawString(Messages.get("calendar.more", ofDay.size() - shown), x + 4, y + lineHeight + 2 + shown * lineHeight, true);
            }
        }
    }

    /** One entry: its kind's colour, grey when done, a red frame when overdue; the text clipped to the box. */
    private void box(GC gc, Entry e, Rectangle r, String label) {
        drawn.put(r, e);
        boolean done = e.status() == ActivityStatus.DONE;
        gc.setBackground(done ? canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND) : colours.get(e.kind()));
        gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
        gc.setForeground(canvas.getDisplay().getSystemColor(e.overdue() ? SWT.COLOR_RED : SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.setLineWidth(e.overdue() ? 2 : 1);
        gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
        gc.setLineWidth(1);
        gc.setForeground(canvas.getDisplay().getSystemColor(done ? SWT.COLOR_WIDGET_NORMAL_SHADOW : SWT.COLOR_LIST_FOREGROUND));
        gc.setClipping(r.x + 3, r.y + 1, Math.max(0, r.width - 6), Math.max(0, r.height - 2));
        gc.drawText(label, r.x + 4, r.y + 1, SWT.DRAW_TRANSPARENT | SWT.DRAW_DELIMITER);
        gc.setClipping((Rectangle) null);
    }

    private static String dayLabel(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.getDefault()) + " " + day.getMonthValue() + "/" + day.getDayOfMonth();
    }

    private Entry at(int x, int y) {
        for (Map.Entry<Rectangle, Entry> d : drawn.entrySet()) {
            if (d.getKey().contains(x, y)) {
                return d.getValue();
            }
        }
        return null;
    }

    /** The day and (in the week) the half hour under the mouse. */
    private LocalDateTime slot(int x, int y) {
        Rectangle area = canvas.getClientArea();
        LocalDate first = range()[0];
        if (week()) {
            int dayWidth = Math.max(60, (area.width - GUTTER) / 7);
            int d = Math.min(6, Math.max(0, (x - GUTTER) / dayWidth));
            int allDayRows = 1;
            for (int i = 0; i < 7; i++) {
                allDayRows = Math.max(allDayRows, allDay(first.plusDays(i)).size());
            }
            int top = HEADER + allDayRows * ALL_DAY_ROW + 4;
            double hourHeight = Math.max(20, (area.height - top) / (double) (LAST_HOUR - FIRST_HOUR));
            double hours = FIRST_HOUR + Math.max(0, y - top) / hourHeight;
            int halfHours = (int) Math.min((LAST_HOUR - 1) * 2, Math.floor(hours * 2));
            return first.plusDays(d).atStartOfDay().plusMinutes(halfHours * 30L);
        }
        int cellWidth = Math.max(60, area.width / 7);
        int cellHeight = Math.max(40, (area.height - HEADER) / 6);
        int i = Math.min(41, Math.max(0, (y - HEADER) / cellHeight * 7 + Math.min(6, x / cellWidth)));
        return first.plusDays(i).atTime(9, 0);
    }

    private void doubleClick(Event e) {
        Entry hit = at(e.x, e.y);
        if (hit == null) {
            plan(slot(e.x, e.y));
        } else if (hit.source() == Source.ACTIVITY) {
            edit(hit);
        }
    }

    private void mouseDown(Event e) {
        if (e.button == 1 && week()) {
            Entry hit = at(e.x, e.y);
            dragging = hit != null && hit.source() == Source.ACTIVITY && !hit.allDay() && hit.status() == ActivityStatus.PLANNED ? hit : null;
            dragFrom = new Point(e.x, e.y);
        }
    }

    /** A drag of more than a few pixels moves the entry to the half hour where it was let go. */
    private void mouseUp(Event e) {
        Entry moved = dragging;
        dragging = null;
        if (moved == null || dragFrom == null || Math.abs(e.x - dragFrom.x) + Math.abs(e.y - dragFrom.y) < 8) {
            return;
        }
        LocalDateTime to = slot(e.x, e.y);
        if (!to.equals(moved.start())) {
            try {
                activities.move(moved.id(), moved.version(), to);
            } catch (RuntimeException ex) {
                Errors.show(canvas.getShell(), ex);
            }
            reload();
        }
    }

    private void menu(Event e) {
        Point p = canvas.toControl(e.x, e.y);
        Entry hit = at(p.x, p.y);
        Menu menu = new Menu(canvas);
        if (hit == null) {
            item(menu, "calendar.new", () -> plan(slot(p.x, p.y)));
        } else if (hit.source() == Source.CARE_TASK) {
            item(menu, "calendar.taskDone", () -> {
                try {
                    tasks.complete(hit.id());
                } catch (RuntimeException ex) {
                    Errors.show(canvas.getShell(), ex);
                }
                reload();
            }).setEnabled(tasks != null);
        } else {
            item(menu, "calendar.open", () -> edit(hit));
            boolean planned = hit.status() == ActivityStatus.PLANNED;
            item(menu, "calendar.done", () -> finish(hit, true)).setEnabled(planned);
            item(menu, "calendar.cancel", () -> finish(hit, false)).setEnabled(planned);
        }
        canvas.setMenu(menu);
        menu.setLocation(e.x, e.y);
        menu.setVisible(true);
    }

    private static MenuItem item(Menu menu, String key, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(Messages.get(key));
        item.addListener(SWT.Selection, e -> action.run());
        return item;
    }

    private void plan(LocalDateTime at) {
        ActivityDialog d = new ActivityDialog(canvas.getShell(), activities, customers, opportunities, ActivityDialog.planned(at));
        if (d.open() == Window.OK) {
            // what was just planned is shown, also when it falls after the period on screen (late on a Sunday)
            LocalDate day = d.saved().getStartsAt().toLocalDate();
            LocalDate[] shown = range();
            if (day.isBefore(shown[0]) || day.isAfter(shown[1])) {
                anchor = day;
            }
            reload();
        }
    }

    private void edit(Entry e) {
        try {
            Activity a = activities.get(e.id());
            if (new ActivityDialog(canvas.getShell(), activities, customers, opportunities, a).open() == Window.OK) {
                reload();
            }
        } catch (RuntimeException ex) {
            Errors.show(canvas.getShell(), ex);
        }
    }

    /** Done (with the outcome) or cancelled (with the reason), asked for in one line. */
    private void finish(Entry e, boolean done) {
        String key = done ? "calendar.done" : "calendar.cancel";
        String text = Toolbar.ask(canvas.getShell(), Messages.get(key), Messages.get(key + ".prompt", e.subject()), false);
        if (text == null) {
            return;
        }
        try {
            if (done) {
                activities.complete(e.id(), e.version(), text);
            } else {
                activities.cancel(e.id(), e.version(), text);
            }
        } catch (RuntimeException ex) {
            Errors.show(canvas.getShell(), ex);
        }
        reload();
    }

    private static String tooltip(Entry e) {
        String when = e.allDay() ? e.start().toLocalDate().toString()
                : e.start().toLocalDate() + " " + e.start().toLocalTime().truncatedTo(ChronoUnit.MINUTES)
                        + (e.end() == null ? "" : "–" + e.end().toLocalTime().truncatedTo(ChronoUnit.MINUTES));
        return Labels.of(e.kind()) + " · " + Labels.of(e.status()) + (e.overdue() ? " · " + Messages.get("calendar.overdue") : "")
                + "\n" + e.subject() + "\n" + when + (e.about().isEmpty() ? "" : "\n" + e.about()) + "\n" + e.owner();
    }

    @Inject
    @Optional
    void onSalesChanged(@UIEventTopic(Topics.ALL_SALES) org.osgi.service.event.Event event) {
        reload();
    }

    @Focus
    void focus() {
        canvas.setFocus();
    }

    @PreDestroy
    void dispose() {
        colours.values().forEach(Color::dispose);
        if (todayColour != null) {
            todayColour.dispose();
        }
    }

    /** For tests: what the calendar holds. */
    List<Entry> entries() {
        return entries;
    }
}
