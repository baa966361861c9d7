package org.guanxi.sales.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Permission;
import org.guanxi.sales.api.ForecastService;
import org.guanxi.sales.api.ForecastService.Grain;
import org.guanxi.sales.api.ForecastService.Row;
import org.guanxi.sales.api.ForecastService.Scope;
import org.guanxi.core.service.SecurityService;
import org.guanxi.ui.common.ChartCanvas;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Widgets;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The sales forecast (销售预测): per month or quarter and for the company, each team or each rep, the open pipeline,
 * its weighted value, what is already won, the forecast (won + weighted) against the target; a chart of won and
 * weighted pipeline stacked per period with the target as a line. Targets and teams are edited from here.
 */
public class ForecastPart {

    @Inject
    private ForecastService forecasts;

    @Inject
    private SecurityService security;

    private Combo grain;
    private Combo scope;
    private DateTime from;
    private Spinner periods;
    private Label totals;
    private TableViewer viewer;
    private ChartCanvas chart;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(12).margins(10, 10).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.get("forecast.by"));
        grain = Widgets.id(new Combo(parent, SWT.READ_ONLY), "forecast.grain");
        grain.setItems(Messages.get("forecast.month"), Messages.get("forecast.quarter"));
        grain.select(0);
        new Label(parent, SWT.NONE).setText(Messages.get("forecast.scope"));
        scope = Widgets.id(new Combo(parent, SWT.READ_ONLY), "forecast.scope");
        scope.setItems(Messages.get("forecast.company"), Messages.get("forecast.team"), Messages.get("forecast.rep"));
        scope.select(0);
        new Label(parent, SWT.NONE).setText(Messages.get("forecast.from"));
        from = Widgets.id(new DateTime(parent, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), "forecast.from");
        LocalDate start = AppClock.today().withDayOfMonth(1).minusMonths(2);
        from.setDate(start.getYear(), start.getMonthValue() - 1, 1);
        new Label(parent, SWT.NONE).setText(Messages.get("forecast.periods"));
        periods = Widgets.id(new Spinner(parent, SWT.BORDER), "forecast.periods");
        periods.setValues(6, 1, 24, 0, 1, 3);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(new Label(parent, SWT.NONE));
        boolean admin = security.hasPermission(Permission.SALES_WRITE);
        Toolbar.button(parent, "forecast.targets", () -> {
            new TargetsDialog(parent.getShell(), forecasts).open();
            reload();
        }).setEnabled(admin);
        Toolbar.button(parent, "forecast.teams", this::editTeams).setEnabled(admin);
        for (var w : new org.eclipse.swt.widgets.Control[] { grain, scope, from }) {
            w.addListener(SWT.Selection, e -> reload());
        }
        // Modify covers both the arrows and typing; Selection as well would load everything twice
        periods.addListener(SWT.Modify, e -> reload());

        totals = Widgets.id(new Label(parent, SWT.NONE), "forecast.totals");
        GridDataFactory.fillDefaults().grab(true, false).span(12, 1).applyTo(totals);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(12, 1).applyTo(sash);
        Composite top = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(top);
        viewer = Toolbar.table(top, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL, "forecast.table");
        Table table = viewer.getTable();
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        Columns.add(viewer, Row.class, Messages.get("forecast.col.period"), 80, Row::period);
        Columns.add(viewer, Row.class, Messages.get("forecast.col.group"), 110, r -> group(r.group()));
        Columns.add(viewer, Row.class, Messages.get("forecast.col.open"), 95, r -> String.valueOf(r.openDeals()));
        Columns.add(viewer, Row.class, Messages.get("forecast.col.pipeline"), 110, r -> LinesEditor.money(r.pipeline()));
        Columns.add(viewer, Row.class, Messages.get("forecast.col.weighted"), 110, r -> LinesEditor.money(r.weighted()));
        Columns.add(viewer, Row.class, Messages.get("forecast.col.won"), 110, r -> LinesEditor.money(r.won()));
        Columns.add(viewer, Row.class, Messages.get("forecast.col.forecast"), 110, r -> LinesEditor.money(r.forecast()));
        Columns.add(viewer, Row.class, Messages.get("forecast.col.target"), 110, r -> r.target() == null ? "" : LinesEditor.money(r.target()));
        Columns.add(viewer, Row.class, Messages.get("forecast.col.attainment"), 80, r -> percent(r.attainment()));
        Columns.add(viewer, Row.class, Messages.get("forecast.col.forecastAttainment"), 110, r -> percent(r.forecastAttainment()));
        for (int i = 2; i < table.getColumnCount(); i++) {
            table.getColumn(i).setAlignment(SWT.RIGHT);
        }
        TableExport.button(parent, table, Messages.get("forecast.title")).moveAbove(totals);
        chart = Widgets.id(new ChartCanvas(sash), "forecast.chart");
        sash.setWeights(45, 55);
        reload();
    }

    private String group(String group) {
        return switch (scope.getSelectionIndex()) {
            case 0 -> Messages.get("forecast.company");
            case 1 -> ForecastService.NO_TEAM.equals(group) ? Messages.get("forecast.noTeam") : group;
            default -> group;
        };
    }

    private static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getPercentInstance();
        f.setMaximumFractionDigits(1);
        return f.format(fraction);
    }

    void reload() {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        Grain g = grain.getSelectionIndex() == 0 ? Grain.MONTH : Grain.QUARTER;
        LocalDate start = LocalDate.of(from.getYear(), from.getMonth() + 1, 1);
        LocalDate end = start.plusMonths((long) periods.getSelection() * (g == Grain.MONTH ? 1 : 3)).minusDays(1);
        try {
            List<Row> rows = forecasts.forecast(start, end, g, Scope.values()[scope.getSelectionIndex()]);
            viewer.setInput(rows);
            chart.setChart(chart(rows));
            BigDecimal won = sum(rows, Row::won);
            BigDecimal weighted = sum(rows, Row::weighted);
            BigDecimal target = sum(rows, r -> r.target() == null ? BigDecimal.ZERO : r.target());
            totals.setText(Messages.get("forecast.totals", LinesEditor.money(won.add(weighted)), LinesEditor.money(target),
                    LinesEditor.money(won), LinesEditor.money(weighted)));
            totals.getParent().layout();
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
    }

    private static BigDecimal sum(List<Row> rows, java.util.function.Function<Row, BigDecimal> value) {
        return rows.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Won and weighted pipeline stacked per period (all groups together), the target as a line over them. */
    private static JFreeChart chart(List<Row> rows) {
        Map<String, BigDecimal[]> byPeriod = new LinkedHashMap<>();
        for (Row r : rows) {
            BigDecimal[] v = byPeriod.computeIfAbsent(r.period(), k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, null });
            v[0] = v[0].add(r.won());
            v[1] = v[1].add(r.weighted());
            if (r.target() != null) {
                v[2] = v[2] == null ? r.target() : v[2].add(r.target());
            }
        }
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset target = new DefaultCategoryDataset();
        byPeriod.forEach((period, v) -> {
            bars.addValue(v[0], Messages.get("forecast.series.won"), period);
            bars.addValue(v[1], Messages.get("forecast.series.weighted"), period);
            target.addValue(v[2], Messages.get("forecast.series.target"), period);
        });
        JFreeChart chart = ChartFactory.createStackedBarChart(Messages.get("forecast.chart"), null, null, bars, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setDataset(1, target);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, java.awt.Color.RED.darker());
        line.setSeriesStroke(0, new java.awt.BasicStroke(2f));
        plot.setRenderer(1, line);
        plot.getRenderer().setSeriesPaint(0, new java.awt.Color(0x4c, 0xaf, 0x50));
        plot.getRenderer().setSeriesPaint(1, new java.awt.Color(0x64, 0xa0, 0xdc));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return chart;
    }

    private void editTeams() {
        StringBuilder text = new StringBuilder();
        Map<String, String> before = forecasts.teams();
        before.forEach((login, team) -> text.append(login).append(" = ").append(team).append('\n'));
        org.eclipse.jface.dialogs.InputDialog d = new org.eclipse.jface.dialogs.InputDialog(viewer.getTable().getShell(),
                Messages.get("teams.title"), Messages.get("teams.text"), text.toString(), null) {
            @Override
            protected int getInputTextStyle() {
                return SWT.MULTI | SWT.BORDER | SWT.V_SCROLL;
            }

            @Override
            protected org.eclipse.swt.widgets.Control createDialogArea(Composite parent) {
                org.eclipse.swt.widgets.Control c = super.createDialogArea(parent);
                ((org.eclipse.swt.layout.GridData) getText().getLayoutData()).heightHint = 160;
                return c;
            }
        };
        if (d.open() != org.eclipse.jface.window.Window.OK) {
            return;
        }
        try {
            Map<String, String> after = new LinkedHashMap<>();
            for (String line : d.getValue().split("\\R")) {
                String[] kv = line.split("=", 2);
                if (!kv[0].isBlank()) {
                    after.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
                }
            }
            before.keySet().stream().filter(l -> !after.containsKey(l)).forEach(l -> forecasts.assignTeam(l, ""));
            after.forEach(forecasts::assignTeam);
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
        reload();
    }

    @Inject
    @Optional
    void onSalesChanged(@UIEventTopic(Topics.ALL_SALES) org.osgi.service.event.Event event) {
        reload();
    }

    @Focus
    void focus() {
        grain.setFocus();
    }

    /** For tests: the rows shown. */
    @SuppressWarnings("unchecked")
    List<Row> rows() {
        return (List<Row>) viewer.getInput();
    }
}
