package org.guanxi.customer.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.CareOccasion;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.CareService;
import org.guanxi.core.service.CareService.CareRule;
import org.guanxi.core.service.TaskService;
import org.guanxi.core.service.TaskService.TaskRow;
import org.guanxi.ui.common.BackgroundTask;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Care plans and the work they make (客户关怀): the rules per occasion (on or off, how many days ahead, for which
 * pyramid tiers, follow-up days after delivery), planning the tasks of the coming weeks, and the tasks due with Done.
 */
public class CarePart {

    private static final int PLAN_DAYS = 30;
    private static final int DUE_DAYS = 7;

    @Inject
    private CareService care;

    @Inject
    private TaskService tasks;

    @Inject
    private EPartService parts;

    /** Per occasion: enabled, lead days, days after delivery, one check box per tier. */
    private final Map<CareOccasion, Button> enabled = new EnumMap<>(CareOccasion.class);
    private final Map<CareOccasion, Spinner> lead = new EnumMap<>(CareOccasion.class);
    private final Map<CareOccasion, Spinner> after = new EnumMap<>(CareOccasion.class);
    private final Map<CareOccasion, Map<Tier, Button>> tiers = new EnumMap<>(CareOccasion.class);
    private Label status;
    private Button plan;
    private TableViewer due;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(10, 10).applyTo(parent);
        Group rules = new Group(parent, SWT.NONE);
        rules.setText(Messages.get("care.rules"));
        GridLayoutFactory.swtDefaults().numColumns(3 + Tier.values().length).applyTo(rules);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(rules);
        header(rules, Messages.get("care.col.occasion"));
        header(rules, Messages.get("care.col.lead"));
        header(rules, Messages.get("care.col.after"));
        for (Tier t : Tier.values()) {
            header(rules, Labels.of(t));
        }
        for (CareOccasion o : CareOccasion.values()) {
            Button on = Widgets.id(new Button(rules, SWT.CHECK), "care.enabled." + o);
            on.setText(Labels.of(o));
            enabled.put(o, on);
            lead.put(o, spinner(rules, "care.lead." + o, 0, 60));
            Spinner days = spinner(rules, "care.after." + o, 1, 365);
            days.setEnabled(o == CareOccasion.FOLLOW_UP);
            after.put(o, days);
            Map<Tier, Button> boxes = new EnumMap<>(Tier.class);
            for (Tier t : Tier.values()) {
                Button box = Widgets.id(new Button(rules, SWT.CHECK), "care.tier." + o + "." + t);
                GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.CENTER).applyTo(box);
                boxes.put(t, box);
            }
            tiers.put(o, boxes);
        }
        Label hint = new Label(rules, SWT.WRAP);
        hint.setText(Messages.get("care.tiersHint"));
        GridDataFactory.fillDefaults().span(3 + Tier.values().length, 1).hint(600, SWT.DEFAULT).applyTo(hint);

        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(actions);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        status = Widgets.id(new Label(actions, SWT.WRAP), "care.status");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);
        button(actions, "care.save", this::saveRules);
        plan = button(actions, "care.plan", this::planTasks);

        Group dueGroup = new Group(parent, SWT.NONE);
        dueGroup.setText(Messages.get("care.due", DUE_DAYS));
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(dueGroup);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(dueGroup);
        due = new TableViewer(dueGroup, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        Table t = Widgets.id(due.getTable(), "care.tasks");
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        due.setContentProvider(ArrayContentProvider.getInstance());
        Columns.add(due, TaskRow.class, Messages.get("care.col.due"), 100, r -> r.due().toString());
        Columns.add(due, TaskRow.class, Messages.get("care.col.customer"), 200, TaskRow::customerName);
        Columns.add(due, TaskRow.class, Messages.get("care.col.task"), 460, TaskRow::title);
        Columns.add(due, TaskRow.class, Messages.get("care.col.assignee"), 110, r -> r.assignee() == null ? "" : r.assignee());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(t);
        due.addDoubleClickListener(e -> {
            if (due.getStructuredSelection().getFirstElement() instanceof TaskRow r) {
                CustomerEditors.open(parts, r.customerId());
            }
        });
        Composite taskButtons = new Composite(dueGroup, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(taskButtons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(taskButtons);
        GridDataFactory.fillDefaults().applyTo(button(taskButtons, "care.done", this::completeSelected));
        GridDataFactory.fillDefaults().applyTo(TableExport.button(taskButtons, t, Messages.get("care.col.task")));
        showRules();
        showDue();
    }

    private static void header(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.CENTER).applyTo(l);
    }

    private static Spinner spinner(Composite parent, String id, int min, int max) {
        Spinner s = Widgets.id(new Spinner(parent, SWT.BORDER), id);
        s.setMinimum(min);
        s.setMaximum(max);
        GridDataFactory.swtDefaults().hint(60, SWT.DEFAULT).applyTo(s);
        return s;
    }

    private static Button button(Composite parent, String key, Runnable action) {
        Button b = Widgets.id(new Button(parent, SWT.PUSH), key);
        b.setText(Messages.get(key));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void showRules() {
        try {
            for (CareRule r : care.rules()) {
                enabled.get(r.occasion()).setSelection(r.enabled());
                lead.get(r.occasion()).setSelection(r.leadDays());
                after.get(r.occasion()).setSelection(Math.max(1, r.daysAfter()));
                // no tier ticked means "every customer": shown as all ticked
                tiers.get(r.occasion()).forEach((t, box) -> box.setSelection(r.tiers().isEmpty() || r.tiers().contains(t)));
            }
        } catch (RuntimeException e) {
            Errors.show(status.getShell(), e);
        }
    }

    private void saveRules() {
        List<CareRule> rules = new ArrayList<>();
        for (CareOccasion o : CareOccasion.values()) {
            Set<Tier> chosen = EnumSet.noneOf(Tier.class);
            tiers.get(o).forEach((t, box) -> {
                if (box.getSelection()) {
                    chosen.add(t);
                }
            });
            rules.add(new CareRule(o, enabled.get(o).getSelection() && !chosen.isEmpty(), lead.get(o).getSelection(),
                    chosen.size() == Tier.values().length ? Set.of() : chosen,
                    o == CareOccasion.FOLLOW_UP ? after.get(o).getSelection() : 0));
        }
        try {
            care.saveRules(rules);
            status.setText(Messages.get("care.saved"));
            showRules();
        } catch (RuntimeException e) {
            Errors.show(status.getShell(), e);
        }
    }

    private void planTasks() {
        plan.setEnabled(false);
        LocalDate today = AppClock.today();
        status.setText(Messages.get("care.planning", PLAN_DAYS));
        BackgroundTask.run(Messages.get("care.planning", PLAN_DAYS), status, p -> care.planTasks(today, today.plusDays(PLAN_DAYS), p),
                (created, cancelled) -> {
                    plan.setEnabled(true);
                    status.setText(created == null ? "" : Messages.get("care.planned", created, PLAN_DAYS));
                    showDue();
                });
    }

    private void completeSelected() {
        try {
            for (Object o : due.getStructuredSelection().toList()) {
                tasks.complete(((TaskRow) o).id());
            }
        } catch (RuntimeException e) {
            Errors.show(status.getShell(), e);
        }
        showDue();
    }

    void showDue() {
        try {
            due.setInput(tasks.due(AppClock.today().plusDays(DUE_DAYS), 1_000));
        } catch (RuntimeException e) {
            Errors.show(status.getShell(), e);
        }
    }
}
