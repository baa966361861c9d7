package org.guanxi.sales.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.ObjectionKind;
import org.guanxi.core.service.CustomerService;
import org.guanxi.sales.api.ObjectionService;
import org.guanxi.sales.api.ObjectionService.Statistics;
import org.guanxi.sales.api.ObjectionService.Tally;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.ui.common.ChartCanvas;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Customer objections (客户异议): how many of each type were raised in a period and how many were resolved, per type,
 * product and rep, with a chart per type; objections are logged from here.
 */
public class ObjectionsPart {

    @Inject
    private ObjectionService objections;

    @Inject
    private CustomerService customers;

    @Inject
    private OpportunityService opportunities;

    private DateTime from;
    private DateTime to;
    private Label summary;
    private TableViewer byKind;
    private TableViewer byProduct;
    private TableViewer byRep;
    private ChartCanvas chart;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(6).margins(10, 10).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.get("objections.from"));
        from = date(parent, "objections.from", AppClock.today().minusDays(90));
        new Label(parent, SWT.NONE).setText(Messages.get("objections.to"));
        to = date(parent, "objections.to", AppClock.today());
        summary = Widgets.id(new Label(parent, SWT.NONE), "objections.summary");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        Toolbar.button(parent, "objections.log", () -> {
            if (new ObjectionDialog(parent.getShell(), objections, customers, opportunities).open() == Window.OK) {
                reload();
            }
        });
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(sash);
        Composite tables = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(true).applyTo(tables);
        byKind = tally(tables, "objections.byKind", t -> Labels.of(ObjectionKind.valueOf(t.group())));
        byProduct = tally(tables, "objections.byProduct", t -> t.group().isEmpty() ? Messages.get("objections.noProduct") : t.group());
        byRep = tally(tables, "objections.byRep", Tally::group);
        chart = Widgets.id(new ChartCanvas(sash), "objections.chart");
        sash.setWeights(50, 50);
        reload();
    }

    private DateTime date(Composite parent, String id, LocalDate value) {
        DateTime d = Form.date(parent, id, value);
        d.addListener(SWT.Selection, e -> reload());
        return d;
    }

    private static TableViewer tally(Composite parent, String key, Function<Tally, String> group) {
        Group box = new Group(parent, SWT.NONE);
        box.setText(Messages.get(key));
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(box);
        TableViewer viewer = Toolbar.table(box, SWT.BORDER | SWT.FULL_SELECTION, key);
        Table table = viewer.getTable();
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        Columns.add(viewer, Tally.class, Messages.get(key + ".col"), 105, group);
        Columns.add(viewer, Tally.class, Messages.get("objections.col.total"), 48, t -> String.valueOf(t.total()));
        Columns.add(viewer, Tally.class, Messages.get("objections.col.resolved"), 48, t -> String.valueOf(t.resolved()));
        Columns.add(viewer, Tally.class, Messages.get("objections.col.partly"), 48, t -> String.valueOf(t.partly()));
        Columns.add(viewer, Tally.class, Messages.get("objections.col.unresolved"), 48, t -> String.valueOf(t.unresolved()));
        Columns.add(viewer, Tally.class, Messages.get("objections.col.share"), 56, t -> percent(t.resolvedShare()));
        for (int i = 1; i < table.getColumnCount(); i++) {
            table.getColumn(i).setAlignment(SWT.RIGHT);
        }
        return viewer;
    }

    private static String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance();
        f.setMaximumFractionDigits(0);
        return f.format(share);
    }

    void reload() {
        if (byKind == null || byKind.getTable().isDisposed()) {
            return;
        }
        try {
            Statistics s = objections.statistics(Form.date(from), Form.date(to));
            show(byKind, s.byKind());
            show(byProduct, s.byProduct());
            show(byRep, s.byRep());
            int total = s.byKind().stream().mapToInt(Tally::total).sum();
            int resolved = s.byKind().stream().mapToInt(Tally::resolved).sum();
            summary.setText(Messages.get("objections.summary", total, resolved, percent(total == 0 ? 0 : (double) resolved / total)));
            summary.getParent().layout();
            chart.setChart(chart(s.byKind()));
        } catch (RuntimeException e) {
            Errors.show(byKind.getTable().getShell(), e);
        }
    }

    /** The rows, with the columns fitted to their texts so that no header is cut. */
    private static void show(TableViewer viewer, List<Tally> rows) {
        viewer.setInput(rows);
        for (org.eclipse.swt.widgets.TableColumn c : viewer.getTable().getColumns()) {
            c.pack();
        }
    }

    /** Per type: resolved, partly and unresolved stacked, so that the hard types stand out. */
    private static JFreeChart chart(List<Tally> kinds) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Tally t : kinds) {
            String kind = Labels.of(ObjectionKind.valueOf(t.group()));
            data.addValue(t.resolved(), Messages.get("objections.col.resolved"), kind);
            data.addValue(t.partly(), Messages.get("objections.col.partly"), kind);
            data.addValue(t.unresolved(), Messages.get("objections.series.unresolved"), kind);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(Messages.get("objections.chart"), null, null, data,
                PlotOrientation.HORIZONTAL, true, false, false);
        // counts, so whole-number ticks
        chart.getCategoryPlot().getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new java.awt.Color(0x4c, 0xaf, 0x50));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(1, new java.awt.Color(0xff, 0xc1, 0x07));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(2, new java.awt.Color(0xe5, 0x73, 0x73));
        return chart;
    }

    @jakarta.inject.Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void onObjection(@UIEventTopic(Topics.OBJECTION_LOGGED) org.osgi.service.event.Event event) {
        reload();
    }

    @Focus
    void focus() {
        from.setFocus();
    }
}
