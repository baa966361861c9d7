package org.guanxi.customer.ui;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Tier;
import org.guanxi.core.service.CustomerExportService;
import org.guanxi.core.service.ExportLog;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.DeliveredValueService;
import org.guanxi.core.service.OrderImportService;
import org.guanxi.core.service.CustomerValueService.CustomerValue;
import org.guanxi.core.service.CustomerValueService.Summary;
import org.guanxi.core.service.CustomerValueService.TierLevel;
import org.guanxi.ui.common.BackgroundTask;
import org.guanxi.ui.common.ChartCanvas;
import org.guanxi.ui.common.Charts;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The manager's view of customer value: the pyramid (share of customers against share of value per tier), the
 * lifecycle distribution, RFM segment sizes and the value matrix. "Run analysis" recomputes the whole base as a
 * cancellable job with progress.
 */
public class CustomerValuePart {

    /** Points drawn in the value matrix; beyond that a regular sample keeps the chart readable and fast. */
    private static final int MAX_POINTS = 4_000;

    @Inject
    private CustomerValueService values;

    @Inject
    private DeliveredValueService delivered;

    @Inject
    private CustomerExportService exports;

    @Inject
    private ExportLog exportLog;

    @Inject
    private OrderImportService orders;

    private Label summary;
    private Button run;
    private ChartCanvas pyramid;
    private ChartCanvas lifecycle;
    private ChartCanvas rfm;
    private ChartCanvas matrix;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(7).margins(10, 10).applyTo(parent);
        summary = Widgets.id(new Label(parent, SWT.WRAP), "value.summary");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(summary);
        run = Widgets.id(new Button(parent, SWT.PUSH), "value.run");
        run.setText(Messages.get("value.run"));
        run.addListener(SWT.Selection, e -> analyse());
        Button importOrders = Widgets.id(new Button(parent, SWT.PUSH), "value.importOrders");
        importOrders.setText(Messages.get("value.importOrders"));
        importOrders.addListener(SWT.Selection, e -> new ImportDialog(parent.getShell(), ImportDialog.orders(orders)).open());
        Button export = Widgets.id(new Button(parent, SWT.PUSH), "value.export");
        export.setText(Messages.get("value.export"));
        export.addListener(SWT.Selection, e -> exportResults());
        export.setEnabled(exportLog.allowed());
        Button parameters = Widgets.id(new Button(parent, SWT.PUSH), "value.parameters");
        parameters.setText(Messages.get("value.parameters"));
        parameters.addListener(SWT.Selection, e -> new ValueParametersDialog(parent.getShell(), values).open());
        org.eclipse.swt.widgets.Combo tier = Widgets.id(new org.eclipse.swt.widgets.Combo(parent, SWT.READ_ONLY), "value.sheetTier");
        for (Tier t : Tier.values()) {
            tier.add(Labels.of(t));
        }
        tier.select(0);
        Button sheet = Widgets.id(new Button(parent, SWT.PUSH), "value.sheet");
        sheet.setText(Messages.get("value.sheet"));
        sheet.addListener(SWT.Selection, e -> {
            Tier t = Tier.values()[tier.getSelectionIndex()];
            new DeliveredValueDialog(parent.getShell(), delivered, DeliveredValueService.Scope.TIER, t.name(),
                    Labels.of(t)).open();
        });
        Composite charts = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(8, 8).applyTo(charts);
        GridDataFactory.fillDefaults().grab(true, true).span(7, 1).applyTo(charts);
        pyramid = chart(charts, "value.chart.pyramid");
        matrix = chart(charts, "value.chart.matrix");
        lifecycle = chart(charts, "value.chart.lifecycle");
        rfm = chart(charts, "value.chart.rfm");
        show();
    }

    private static ChartCanvas chart(Composite parent, String id) {
        ChartCanvas c = Widgets.id(new ChartCanvas(parent), id);
        GridDataFactory.fillDefaults().grab(true, true).hint(300, 220).applyTo(c);
        return c;
    }

    private void analyse() {
        run.setEnabled(false);
        summary.setText(Messages.get("value.running"));
        BackgroundTask.run(Messages.get("value.running"), summary, progress -> values.analyse(values.latestOrderDate(), progress),
                (result, cancelled) -> {
                    run.setEnabled(true);
                    show();
                    if (cancelled) {
                        summary.setText(Messages.get("value.cancelled") + "\n" + summary.getText());
                    }
                });
    }

    /** Every customer's latest results to Excel or CSV, in the background (a million rows take a while). */
    private void exportResults() {
        org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(summary.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.xlsx", "*.csv" });
        dialog.setFileName("customer-value.xlsx");
        dialog.setOverwrite(true);
        String target = dialog.open();
        if (target != null) {
            BackgroundTask.run(Messages.get("value.exporting"), summary, p -> exports.exportValues(java.nio.file.Path.of(target)),
                    (n, cancelled) -> {
                        if (n != null) {
                            org.eclipse.jface.dialogs.MessageDialog.openInformation(summary.getShell(), Messages.get("value.export"),
                                    Messages.get("value.exported", n, target));
                        }
                    });
        }
    }

    /** Shows the latest stored run. */
    void show() {
        try {
            Summary s = values.lastSummary().orElse(null);
            if (s == null) {
                summary.setText(Messages.get("value.none"));
                return;
            }
            summary.setText(Messages.get("value.summary", s.customers(), s.asOf(), s.runId(), s.millis(),
                    String.format("%,.2f", s.equity())));
            summary.getParent().layout();
            pyramid.setChart(pyramidChart(s));
            lifecycle.setChart(bars(Messages.get("value.lifecycle"), s.stages()));
            rfm.setChart(bars(Messages.get("value.rfm"), s.rfm()));
            matrix.setChart(matrixChart(values.latest()));
        } catch (RuntimeException e) {
            Errors.show(summary.getShell(), e);
        }
    }

    private static JFreeChart pyramidChart(Summary s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TierLevel l : s.pyramid()) {
            String tier = Labels.of(l.tier());
            data.addValue(100.0 * l.customers() / Math.max(1, s.customers()), Messages.get("value.shareCustomers"), tier);
            data.addValue(100.0 * l.valueShare(), Messages.get("value.shareValue"), tier);
        }
        return Charts.style(ChartFactory.createBarChart(Messages.get("value.pyramid"), null, "%", data,
                PlotOrientation.HORIZONTAL, true, false, false));
    }

    private static JFreeChart bars(String title, Map<? extends Enum<?>, Integer> counts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        counts.forEach((k, n) -> data.addValue(n, Messages.get("value.customers"), Labels.of(k)));
        return Charts.style(ChartFactory.createBarChart(title, null, Messages.get("value.customers"), data,
                PlotOrientation.HORIZONTAL, false, false, false));
    }

    private static JFreeChart matrixChart(List<CustomerValue> all) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<org.guanxi.core.model.Quadrant, XYSeries> series = new java.util.EnumMap<>(org.guanxi.core.model.Quadrant.class);
        for (org.guanxi.core.model.Quadrant q : org.guanxi.core.model.Quadrant.values()) {
            XYSeries x = new XYSeries(Labels.of(q));
            series.put(q, x);
            data.addSeries(x);
        }
        int step = Math.max(1, all.size() / MAX_POINTS);
        for (int i = 0; i < all.size(); i += step) {
            CustomerValue v = all.get(i);
            series.get(v.quadrant()).add(v.value12m().doubleValue(), v.clvPredicted().doubleValue());
        }
        JFreeChart chart = Charts.style(ChartFactory.createScatterPlot(Messages.get("value.matrix"),
                Messages.get("value.current"), Messages.get("value.potential"), data, PlotOrientation.VERTICAL, true, false,
                false));
        // one colour per quadrant, strongest for the customers to keep and grow
        java.awt.Color[] colours = { new java.awt.Color(0x1F, 0x4E, 0x9A), new java.awt.Color(0x2A, 0x9D, 0x8F),
                new java.awt.Color(0xE7, 0x6F, 0x24), new java.awt.Color(0x9A, 0xA3, 0xAE) };
        org.jfree.chart.renderer.xy.XYItemRenderer renderer = chart.getXYPlot().getRenderer();
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        return chart;
    }
}
