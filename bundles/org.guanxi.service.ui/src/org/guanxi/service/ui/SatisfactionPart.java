package org.guanxi.service.ui;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Construct;
import org.guanxi.core.model.ResponseSource;
import org.guanxi.core.model.Survey;
import org.guanxi.core.model.Tier;
import org.guanxi.core.model.Segment;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.marketing.api.SurveyInvitations;
import org.guanxi.core.service.SurveyLinks;
import org.guanxi.core.service.SurveyService;
import org.guanxi.ui.common.BackgroundTask;
import org.guanxi.core.service.SurveyService.Figures;
import org.guanxi.core.service.SurveyService.Grouping;
import org.guanxi.core.service.SurveyService.ImportResult;
import org.guanxi.core.service.SurveyService.Satisfaction;
import org.guanxi.ui.common.ChartCanvas;
import org.guanxi.ui.common.Charts;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The satisfaction dashboard (满意度分析): CSI and NPS of a survey for a period, the ACSI constructs, the figures per
 * tier, product or channel, and the monthly trend; responses are imported from a file here.
 */
public class SatisfactionPart {

    private static final List<Grouping> GROUPINGS = List.of(Grouping.TIER, Grouping.PRODUCT, Grouping.SOURCE);

    @Inject
    private SurveyService surveys;

    @Inject
    private SurveyInvitations invitations;

    @Inject
    private CampaignService campaigns;

    @Inject
    private SurveyLinks links;

    private List<Survey> all = List.of();
    private Combo survey;
    private DateTime from;
    private DateTime to;
    private Combo grouping;
    private Label csi;
    private Label nps;
    private Label responses;
    private TableViewer constructs;
    private TableViewer groups;
    private ChartCanvas trend;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(11).margins(10, 10).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.get("satisfaction.survey"));
        survey = Widgets.id(new Combo(parent, SWT.READ_ONLY), "satisfaction.survey");
        survey.addListener(SWT.Selection, e -> reload());
        new Label(parent, SWT.NONE).setText(Messages.get("complaints.from"));
        from = date(parent, "satisfaction.from", AppClock.today().minusMonths(11).withDayOfMonth(1));
        new Label(parent, SWT.NONE).setText(Messages.get("complaints.to"));
        to = date(parent, "satisfaction.to", AppClock.today());
        grouping = Widgets.id(new Combo(parent, SWT.READ_ONLY), "satisfaction.grouping");
        GROUPINGS.forEach(g -> grouping.add(Messages.get("satisfaction.by." + g)));
        grouping.select(0);
        grouping.addListener(SWT.Selection, e -> reload());
        Label spacer = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(spacer);
        Widgets.button(parent, "satisfaction.import", Messages.get("satisfaction.import"), this::importFile);
        Widgets.button(parent, "satisfaction.invite", Messages.get("satisfaction.invite"), this::invite);
        Widgets.button(parent, "satisfaction.design", Messages.get("satisfaction.design"), this::design);

        Composite kpis = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(11, 1).applyTo(kpis);
        GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(true).applyTo(kpis);
        csi = kpi(kpis, "satisfaction.csi");
        nps = kpi(kpis, "satisfaction.nps");
        responses = kpi(kpis, "satisfaction.responses");

        SashForm rows = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(11, 1).applyTo(rows);
        Composite tables = new Composite(rows, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(tables);
        constructs = box(tables, "satisfaction.constructs", 1);
        Columns.add(constructs, Construct.class, Messages.get("satisfaction.col.construct"), 150, Labels::of);
        Columns.add(constructs, Construct.class, Messages.get("satisfaction.col.score"), 70, c -> current == null
                || !current.total().constructs().containsKey(c) ? "—" : one(current.total().constructs().get(c)));
        groups = box(tables, "satisfaction.groups", 2);
        Columns.add(groups, Figures.class, Messages.get("satisfaction.col.group"), 150, f -> groupName(f.group()));
        Columns.add(groups, Figures.class, Messages.get("satisfaction.col.responses"), 70, f -> String.valueOf(f.responses()));
        Columns.add(groups, Figures.class, "CSI", 60, f -> one(f.csi()));
        Columns.add(groups, Figures.class, "NPS", 60, f -> one(f.nps()));
        Columns.add(groups, Figures.class, Messages.get("satisfaction.col.promoters"), 80, f -> share(f.promoters(), f.recommenders()));
        Columns.add(groups, Figures.class, Messages.get("satisfaction.col.detractors"), 80, f -> share(f.detractors(), f.recommenders()));
        trend = Widgets.id(new ChartCanvas(rows), "satisfaction.trend");
        rows.setWeights(45, 55);
        fillSurveys();
        reload();
    }

    private Satisfaction current;

    private void design() {
        SurveyDesignerDialog dialog = new SurveyDesignerDialog(survey.getShell(), surveys);
        dialog.open();
        if (dialog.saved()) {
            fillSurveys();
            reload();
        }
    }

    private static Label kpi(Composite parent, String key) {
        Group box = new Group(parent, SWT.NONE);
        box.setText(Messages.get(key));
        GridLayoutFactory.fillDefaults().margins(8, 4).applyTo(box);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(box);
        Label value = Widgets.id(new Label(box, SWT.NONE), key);
        value.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
        return value;
    }

    private static TableViewer box(Composite parent, String key, int weight) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(Messages.get(key));
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(g);
        GridDataFactory.fillDefaults().grab(weight > 1, true).hint(weight > 1 ? SWT.DEFAULT : 230, SWT.DEFAULT).applyTo(g);
        TableViewer viewer = Tables.viewer(g, SWT.BORDER | SWT.FULL_SELECTION, key);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        return viewer;
    }

    private DateTime date(Composite parent, String id, LocalDate value) {
        DateTime d = Widgets.date(parent, id, value);
        d.addListener(SWT.Selection, e -> reload());
        return d;
    }

    private static LocalDate date(DateTime d) {
        return Widgets.date(d);
    }

    private void fillSurveys() {
        all = surveys.surveys();
        survey.removeAll();
        all.forEach(s -> survey.add(s.name(Locale.getDefault())));
        survey.select(0);
    }

    void reload() {
        if (csi == null || csi.isDisposed() || all.isEmpty()) {
            return;
        }
        try {
            Survey s = all.get(Math.max(0, survey.getSelectionIndex()));
            Grouping g = GROUPINGS.get(Math.max(0, grouping.getSelectionIndex()));
            current = surveys.satisfaction(s.getId(), date(from), date(to), g);
            csi.setText(one(current.total().csi()));
            nps.setText((current.total().nps() > 0 ? "+" : "") + one(current.total().nps()));
            responses.setText(String.valueOf(current.total().responses()));
            constructs.setInput(s.getQuestions().stream().map(q -> q.getConstruct()).filter(c -> c != Construct.RECOMMEND)
                    .distinct().sorted().toList());
            groups.setInput(current.groups());
            pack(constructs);
            pack(groups);
            Satisfaction months = surveys.satisfaction(s.getId(), date(from), date(to), Grouping.MONTH);
            trend.setChart(trend(months.groups()));
            csi.getParent().getParent().layout(true, true);
        } catch (RuntimeException e) {
            Errors.show(csi.getShell(), e);
        }
    }

    private static void pack(TableViewer viewer) {
        for (TableColumn c : viewer.getTable().getColumns()) {
            c.pack();
        }
    }

    /** CSI and NPS month by month: whether service is getting better. */
    private static JFreeChart trend(List<Figures> months) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Figures m : months) {
            data.addValue(m.csi(), "CSI", m.group());
            data.addValue(m.nps(), "NPS", m.group());
        }
        JFreeChart chart = Charts.style(ChartFactory.createLineChart(Messages.get("satisfaction.trend"), null, null, data,
                PlotOrientation.VERTICAL, true, false, false));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new java.awt.Color(0x1f, 0x77, 0xb4));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(1, new java.awt.Color(0xff, 0x7f, 0x0e));
        chart.getCategoryPlot().getRenderer().setDefaultStroke(new java.awt.BasicStroke(2f));
        return chart;
    }

    private static String groupName(String group) {
        for (Class<? extends Enum<?>> type : Arrays.<Class<? extends Enum<?>>>asList(Tier.class, ResponseSource.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                if (e.name().equals(group)) {
                    return Labels.of(e);
                }
            }
        }
        return group.isEmpty() ? Messages.get("satisfaction.noProduct") : group;
    }

    private static String one(double v) {
        NumberFormat f = NumberFormat.getNumberInstance();
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + " %";
    }

    private void importFile() {
        FileDialog dialog = new FileDialog(csi.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.csv;*.xlsx;*.csv.gz" });
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            Survey s = all.get(Math.max(0, survey.getSelectionIndex()));
            ImportResult r = surveys.importResponses(s.getId(), Path.of(file));
            String text = r.problems().isEmpty() ? Messages.get("satisfaction.imported", r.imported())
                    : Messages.get("satisfaction.rejected", r.problems().size()) + "\n\n"
                            + String.join("\n", r.problems().subList(0, Math.min(20, r.problems().size())));
            if (r.problems().isEmpty()) {
                MessageDialog.openInformation(csi.getShell(), Messages.get("satisfaction.import"), text);
            } else {
                MessageDialog.openWarning(csi.getShell(), Messages.get("satisfaction.import"), text);
            }
        } catch (RuntimeException e) {
            Errors.show(csi.getShell(), e);
        }
        reload();
    }

    /** E-mail invitations to the chosen survey for a segment's customers, in the background; answers arrive by link. */
    private void invite() {
        Survey s = all.get(Math.max(0, survey.getSelectionIndex()));
        List<Segment> segments = campaigns.segments();
        if (segments.isEmpty()) {
            MessageDialog.openInformation(csi.getShell(), Messages.get("satisfaction.invite"), Messages.get("calls.new.noSegments"));
            return;
        }
        String intro = Messages.get("satisfaction.invite.segment", s.name(java.util.Locale.getDefault()), SurveyInvitations.QUIET_DAYS)
                + "\n\n" + (links.served() ? Messages.get("satisfaction.invite.links", links.url("…"))
                        : Messages.get("satisfaction.invite.noLinks"));
        InviteDialog choose = new InviteDialog(csi.getShell(), intro, segments);
        if (choose.open() != org.eclipse.jface.window.Window.OK) {
            return;
        }
        Segment segment = choose.chosen();
        BackgroundTask.run(Messages.get("satisfaction.inviting", segment.getName()), csi,
                p -> invitations.invite(s.getId(), segment.getId(), p), (sent, cancelled) -> {
                    if (sent != null) {
                        int skipped = sent.skipped().values().stream().mapToInt(Integer::intValue).sum();
                        MessageDialog.openInformation(csi.getShell(), Messages.get("satisfaction.invite"),
                                Messages.get("satisfaction.invited", sent.invited(), sent.recentlyInvited(), skipped, sent.failed()));
                    }
                });
    }

    @Focus
    void focus() {
        survey.setFocus();
    }
}
