package org.guanxi.service.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.ComplaintCategory;
import org.guanxi.core.model.ComplaintSeverity;
import org.guanxi.core.model.Department;
import org.guanxi.core.model.RootCause;
import org.guanxi.service.api.ComplaintService;
import org.guanxi.service.api.ComplaintService.Count;
import org.guanxi.service.api.ComplaintService.Statistics;
import org.guanxi.ui.common.ChartCanvas;
import org.guanxi.ui.common.Charts;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Complaint analysis (投诉分析): the complaints of a period by root cause and category as charts, by department and
 * severity as tables, with how many are closed and how many missed their deadline — where service recovery starts.
 */
public class ComplaintsPart {

    @Inject
    private ComplaintService complaints;

    private DateTime from;
    private DateTime to;
    private Label summary;
    private ChartCanvas byCause;
    private ChartCanvas byCategory;
    private TableViewer byDepartment;
    private TableViewer bySeverity;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(5).margins(10, 10).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.get("complaints.from"));
        from = date(parent, "complaints.from", AppClock.today().minusDays(90));
        new Label(parent, SWT.NONE).setText(Messages.get("complaints.to"));
        to = date(parent, "complaints.to", AppClock.today());
        summary = Widgets.id(new Label(parent, SWT.NONE), "complaints.summary");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).indent(12, 0).applyTo(summary);

        SashForm rows = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(rows);
        SashForm charts = new SashForm(rows, SWT.HORIZONTAL);
        byCause = Widgets.id(new ChartCanvas(charts), "complaints.byCause");
        byCategory = Widgets.id(new ChartCanvas(charts), "complaints.byCategory");
        Composite tables = new Composite(rows, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).applyTo(tables);
        byDepartment = table(tables, "complaints.byDepartment", c -> Labels.of(Department.valueOf(c.group())));
        bySeverity = table(tables, "complaints.bySeverity", c -> Labels.of(ComplaintSeverity.valueOf(c.group())));
        rows.setWeights(62, 38);
        reload();
    }

    private DateTime date(Composite parent, String id, LocalDate value) {
        DateTime d = Widgets.date(parent, id, value);
        d.addListener(SWT.Selection, e -> reload());
        return d;
    }

    private static LocalDate date(DateTime d) {
        return Widgets.date(d);
    }

    private static TableViewer table(Composite parent, String key, Function<Count, String> group) {
        Group box = new Group(parent, SWT.NONE);
        box.setText(Messages.get(key));
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(box);
        TableViewer viewer = Tables.viewer(box, SWT.BORDER | SWT.FULL_SELECTION, key);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        Columns.add(viewer, Count.class, Messages.get(key + ".col"), 120, group);
        Columns.add(viewer, Count.class, Messages.get("complaints.col.count"), 60, c -> String.valueOf(c.complaints()));
        Columns.add(viewer, Count.class, Messages.get("complaints.col.closed"), 60, c -> String.valueOf(c.closed()));
        Columns.add(viewer, Count.class, Messages.get("complaints.col.overdue"), 60, c -> String.valueOf(c.overdue()));
        return viewer;
    }

    void reload() {
        if (summary == null || summary.isDisposed()) {
            return;
        }
        try {
            Statistics s = complaints.statistics(date(from), date(to));
            NumberFormat score = NumberFormat.getNumberInstance();
            score.setMaximumFractionDigits(1);
            summary.setText(Messages.get("complaints.summary", s.complaints(), s.closed(), s.reopened(),
                    s.averageFollowUp() == 0 ? "—" : score.format(s.averageFollowUp())));
            summary.getParent().layout();
            byCause.setChart(chart(Messages.get("complaints.byCause"), s.byRootCause(),
                    g -> g.isEmpty() ? Messages.get("complaints.noCause") : Labels.of(RootCause.valueOf(g))));
            byCategory.setChart(chart(Messages.get("complaints.byCategory"), s.byCategory(),
                    g -> Labels.of(ComplaintCategory.valueOf(g))));
            show(byDepartment, s.byDepartment());
            show(bySeverity, s.bySeverity());
        } catch (RuntimeException e) {
            Errors.show(summary.getShell(), e);
        }
    }

    private static void show(TableViewer viewer, List<Count> rows) {
        viewer.setInput(rows);
        for (TableColumn c : viewer.getTable().getColumns()) {
            c.pack();
        }
    }

    /** Closed and still open per group, stacked, most frequent first: the Pareto view of what goes wrong. */
    private static JFreeChart chart(String title, List<Count> counts, Function<String, String> name) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Count c : counts) {
            data.addValue(c.closed(), Messages.get("complaints.col.closed"), name.apply(c.group()));
            data.addValue(c.complaints() - c.closed(), Messages.get("complaints.series.open"), name.apply(c.group()));
        }
        JFreeChart chart = Charts.style(ChartFactory.createStackedBarChart(title, null, null, data, PlotOrientation.HORIZONTAL,
                true, false, false));
        chart.getCategoryPlot().getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new java.awt.Color(0x4c, 0xaf, 0x50));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(1, new java.awt.Color(0xe5, 0x73, 0x73));
        return chart;
    }

    @Inject
    @Optional
    void onCase(@UIEventTopic(Topics.CASE_CHANGED) Event event) {
        reload();
    }

    @Focus
    void focus() {
        from.setFocus();
    }
}
