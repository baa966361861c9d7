package org.guanxi.customer.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.guanxi.core.AppClock;
import org.guanxi.core.service.CustomerMergeService;
import org.guanxi.core.service.CustomerMergeService.Merge;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.DataQualityService;
import org.guanxi.core.service.DataQualityService.Candidate;
import org.guanxi.core.service.DataQualityService.Overview;
import org.guanxi.ui.common.BackgroundTask;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Data quality (客户数据质量): completeness of the base, probable duplicates with their reasons, side-by-side merge, and
 * the merges not yet confirmed, each of which can be undone.
 */
public class DataQualityPart {

    private static final int MAX_CANDIDATES = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AppClock.zone());

    @Inject
    private DataQualityService quality;

    @Inject
    private CustomerMergeService merges;

    @Inject
    private CustomerService customers;

    private Label completeness;
    private Button check;
    private Button find;
    private Label found;
    private TableViewer candidates;
    private TableViewer pending;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().margins(10, 10).applyTo(parent);

        Group overview = new Group(parent, SWT.NONE);
        overview.setText(Messages.get("quality.completeness"));
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(overview);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(overview);
        completeness = Widgets.id(new Label(overview, SWT.WRAP), "quality.completeness");
        completeness.setText(Messages.get("quality.completenessNone"));
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(completeness);
        check = Widgets.id(new Button(overview, SWT.PUSH), "quality.check");
        check.setText(Messages.get("quality.check"));
        check.addListener(SWT.Selection, e -> checkCompleteness());
        GridDataFactory.fillDefaults().align(SWT.END, SWT.BEGINNING).applyTo(check);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);

        Group duplicates = new Group(sash, SWT.NONE);
        duplicates.setText(Messages.get("quality.duplicates"));
        GridLayoutFactory.swtDefaults().numColumns(5).applyTo(duplicates);
        found = Widgets.id(new Label(duplicates, SWT.NONE), "quality.found");
        found.setText(Messages.get("quality.duplicatesNone"));
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(found);
        find = button(duplicates, "quality.find", this::findDuplicates);
        button(duplicates, "quality.compare", this::compareSelected);
        button(duplicates, "quality.dismiss", this::dismissSelected);
        candidates = new TableViewer(duplicates, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        table(candidates, "quality.candidates", 5);
        Columns.add(candidates, Candidate.class, Messages.get("quality.col.score"), 60, c -> Integer.toString(c.score()));
        Columns.add(candidates, Candidate.class, Messages.get("quality.col.first"), 300, c -> describe(c.first()));
        Columns.add(candidates, Candidate.class, Messages.get("quality.col.second"), 300, c -> describe(c.second()));
        Columns.add(candidates, Candidate.class, Messages.get("quality.col.reasons"), 420, c -> String.join("; ", c.reasons()));
        candidates.addDoubleClickListener(e -> compareSelected());
        // the export button sits with the other buttons, before the table in the layout
        TableExport.button(duplicates, candidates.getTable(), Messages.get("quality.duplicates")).moveAbove(candidates.getTable());

        Group merged = new Group(sash, SWT.NONE);
        merged.setText(Messages.get("quality.pending"));
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(merged);
        Label hint = new Label(merged, SWT.WRAP);
        hint.setText(Messages.get("quality.pendingHint"));
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(hint);
        button(merged, "quality.undo", this::undoSelected);
        button(merged, "quality.confirm", this::confirmSelected);
        pending = new TableViewer(merged, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        table(pending, "quality.merges", 4);
        TableExport.button(merged, pending.getTable(), Messages.get("quality.pending")).moveAbove(pending.getTable());
        Columns.add(pending, Merge.class, Messages.get("quality.col.merged"), 260, m -> m.mergedCode() + "  " + m.mergedName());
        Columns.add(pending, Merge.class, Messages.get("quality.col.into"), 260, this::survivorName);
        Columns.add(pending, Merge.class, Messages.get("quality.col.when"), 180, m -> WHEN.format(m.mergedAt()) + "  " + m.user());
        Columns.add(pending, Merge.class, Messages.get("quality.col.moved"), 420, DataQualityPart::records);
        sash.setWeights(3, 2);
        showPending();
    }

    private static Button button(Composite parent, String key, Runnable action) {
        Button b = Widgets.id(new Button(parent, SWT.PUSH), key);
        b.setText(Messages.get(key));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private static void table(TableViewer viewer, String id, int span) {
        Table t = Widgets.id(viewer.getTable(), id);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().grab(true, true).span(span, 1).hint(SWT.DEFAULT, 120).applyTo(t);
    }

    private static String records(Merge m) {
        String moved = counts(m.moved());
        return m.setAside().isEmpty() ? moved : Messages.get("quality.setAside", moved, counts(m.setAside()));
    }

    private static String counts(java.util.Map<String, Integer> perTable) {
        return perTable.entrySet().stream().map(e -> tableName(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Tables of later modules have no translated name yet; their SQL name is still clear to an administrator. */
    private static String tableName(String table) {
        return Messages.has("table." + table) ? Messages.get("table." + table) : table;
    }

    private static String describe(CustomerRow r) {
        StringBuilder s = new StringBuilder(r.code()).append("  ").append(r.name());
        if (r.phone() != null) {
            s.append("  ").append(r.phone());
        }
        if (r.city() != null) {
            s.append("  ").append(r.city());
        }
        return s.toString();
    }

    private String survivorName(Merge m) {
        try {
            var c = customers.get(m.survivorId());
            return c.getCode() + "  " + c.getName();
        } catch (RuntimeException e) {
            return "#" + m.survivorId();
        }
    }

    private void checkCompleteness() {
        check.setEnabled(false);
        completeness.setText(Messages.get("quality.checking"));
        BackgroundTask.run(Messages.get("quality.checking"), completeness, quality::overview, (o, cancelled) -> {
            check.setEnabled(true);
            completeness.setText(o == null ? Messages.get("quality.completenessNone") : describe(o));
            completeness.getParent().getParent().layout(true, true);
        });
    }

    private static String describe(Overview o) {
        String missing = o.missing().entrySet().stream().limit(5)
                .map(e -> Messages.get("quality.missingField", e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(1, o.customers())))
                .collect(Collectors.joining(", "));
        List<Integer> b = o.bands();
        return Messages.get("quality.overview", o.customers(), o.averageScore(), b.get(0), b.get(1), b.get(2), b.get(3))
                + (missing.isEmpty() ? "" : "\n" + Messages.get("quality.mostMissing", missing));
    }

    private void findDuplicates() {
        find.setEnabled(false);
        found.setText(Messages.get("quality.finding"));
        BackgroundTask.run(Messages.get("quality.finding"), found, p -> quality.duplicates(MAX_CANDIDATES, p), (list, cancelled) -> {
            find.setEnabled(true);
            if (list == null) {
                found.setText(Messages.get("quality.duplicatesNone"));
                return;
            }
            candidates.setInput(list);
            found.setText(Messages.get(list.size() >= MAX_CANDIDATES ? "quality.foundMax" : "quality.found", list.size()));
        });
    }

    private Candidate selectedCandidate() {
        return (Candidate) candidates.getStructuredSelection().getFirstElement();
    }

    private void compareSelected() {
        Candidate c = selectedCandidate();
        if (c == null) {
            return;
        }
        try {
            MergeDialog dialog = new MergeDialog(candidates.getTable().getShell(), customers.get(c.first().id()),
                    customers.get(c.second().id()), c.reasons());
            if (dialog.open() != Window.OK) {
                return;
            }
            merges.merge(dialog.survivor().getId(), dialog.survivor().getVersion(), dialog.merged().getId(),
                    dialog.merged().getVersion(), dialog.takeFromMerged());
            // stay on the list: pairs are usually worked through one after the other
            forget(c, dialog.merged().getId());
            showPending();
        } catch (RuntimeException e) {
            Errors.show(candidates.getTable().getShell(), e);
        }
    }

    private void dismissSelected() {
        Candidate c = selectedCandidate();
        if (c == null) {
            return;
        }
        try {
            quality.dismiss(c.first().id(), c.second().id());
            forget(c, -1);
        } catch (RuntimeException e) {
            Errors.show(candidates.getTable().getShell(), e);
        }
    }

    /** Takes the pair off the list, and the other pairs of a customer merged away ({@code goneId}, or -1). */
    @SuppressWarnings("unchecked")
    private void forget(Candidate done, long goneId) {
        List<Candidate> list = (List<Candidate>) candidates.getInput();
        List<Candidate> rest = list.stream().filter(c -> c != done && c.first().id() != goneId && c.second().id() != goneId).toList();
        candidates.setInput(rest);
        found.setText(Messages.get("quality.found", rest.size()));
    }

    private Merge selectedMerge() {
        return (Merge) pending.getStructuredSelection().getFirstElement();
    }

    private void undoSelected() {
        Merge m = selectedMerge();
        if (m != null) {
            decide(() -> merges.undo(m.id()));
        }
    }

    private void confirmSelected() {
        Merge m = selectedMerge();
        if (m != null) {
            decide(() -> merges.confirm(m.id()));
        }
    }

    private void decide(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Errors.show(pending.getTable().getShell(), e);
        }
        showPending();
    }

    void showPending() {
        try {
            pending.setInput(merges.pending());
        } catch (RuntimeException e) {
            Errors.show(pending.getTable().getShell(), e);
        }
    }
}
