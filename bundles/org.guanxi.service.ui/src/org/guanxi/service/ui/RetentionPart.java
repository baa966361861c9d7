package org.guanxi.service.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.WinBackStatus;
import org.guanxi.core.service.ChurnService;
import org.guanxi.core.service.ChurnService.Rates;
import org.guanxi.core.service.ChurnService.Risk;
import org.guanxi.core.service.ChurnService.WinBack;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.LoyaltyService.Measures;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Retention (客户保持与挽回): churn and win-back rates per tier, the customers the churn rules flag with their reasons,
 * and the open win-backs, which agents close as won back or lost. Win-backs for newly flagged customers, with their
 * tasks, are opened from here.
 */
public class RetentionPart {

    /** Open win-backs listed at most; the summary says when there are more. */
    private static final int SHOWN = 1_000;

    @Inject
    private ChurnService churn;

    @Inject
    private LoyaltyService loyalty;

    private DateTime asOf;
    private Label summary;
    private TableViewer rates;
    private TableViewer risks;
    private TableViewer winBacks;
    private TableViewer measures;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(6).margins(10, 10).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.get("retention.asOf"));
        asOf = Widgets.date(parent, "retention.asOf", AppClock.today());
        asOf.addListener(SWT.Selection, e -> reload());
        Widgets.button(parent, "retention.generate", Messages.get("retention.generate"), this::generate);
        Widgets.button(parent, "retention.won", Messages.get("retention.won"), () -> close(WinBackStatus.WON_BACK));
        Widgets.button(parent, "retention.lost", Messages.get("retention.lost"), () -> close(WinBackStatus.LOST));
        summary = Widgets.id(new Label(parent, SWT.NONE), "retention.summary");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).indent(12, 0).applyTo(summary);

        SashForm rows = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(rows);
        rates = Tables.framed(rows, Messages.get("retention.rates"), "retention.rates");
        Columns.add(rates, Rates.class, Messages.get("retention.col.tier"), 110,
                r -> r.tier() == null ? Messages.get("retention.total") : Labels.of(r.tier()));
        Columns.add(rates, Rates.class, Messages.get("retention.col.buyers"), 80, r -> String.valueOf(r.buyers()));
        Columns.add(rates, Rates.class, Messages.get("retention.col.atRisk"), 80, r -> String.valueOf(r.atRisk()));
        Columns.add(rates, Rates.class, Messages.get("retention.col.churnRate"), 80, r -> percent(r.churnRate()));
        Columns.add(rates, Rates.class, Messages.get("retention.col.closed"), 80, r -> String.valueOf(r.winBacksClosed()));
        Columns.add(rates, Rates.class, Messages.get("retention.col.won"), 80, r -> String.valueOf(r.wonBack()));
        Columns.add(rates, Rates.class, Messages.get("retention.col.winRate"), 80, r -> percent(r.winBackRate()));
        risks = Tables.framed(rows, Messages.get("retention.risks"), "retention.risks");
        Columns.add(risks, Risk.class, Messages.get("retention.col.customer"), 180, r -> r.name() + "（" + r.code() + "）");
        Columns.add(risks, Risk.class, Messages.get("retention.col.tier"), 80, r -> Labels.of(r.tier()));
        Columns.add(risks, Risk.class, Messages.get("retention.col.reasons"), 220,
                r -> r.reasons().stream().map(Labels::of).collect(Collectors.joining("、")));
        Columns.add(risks, Risk.class, Messages.get("retention.col.type"), 110, r -> Labels.of(r.type()));
        Columns.add(risks, Risk.class, Messages.get("retention.col.lastOrder"), 95, r -> r.lastOrder().toString());
        Columns.add(risks, Risk.class, Messages.get("retention.col.interval"), 90,
                r -> r.usualIntervalDays() == 0 ? "—" : String.valueOf(r.usualIntervalDays()));
        Columns.add(risks, Risk.class, Messages.get("retention.col.silent"), 80, r -> String.valueOf(r.daysSilent()));
        winBacks = Tables.framed(rows, Messages.get("retention.winBacks"), "retention.winBacks");
        Columns.add(winBacks, WinBack.class, Messages.get("retention.col.customer"), 180, w -> w.name() + "（" + w.code() + "）");
        Columns.add(winBacks, WinBack.class, Messages.get("retention.col.identified"), 95, w -> w.identifiedOn().toString());
        Columns.add(winBacks, WinBack.class, Messages.get("retention.col.reasons"), 220,
                w -> w.reasons().stream().map(Labels::of).collect(Collectors.joining("、")));
        Columns.add(winBacks, WinBack.class, Messages.get("retention.col.type"), 110, w -> Labels.of(w.type()));
        Columns.add(winBacks, WinBack.class, Messages.get("retention.col.status"), 80, w -> Labels.of(w.status()));
        measures = Tables.framed(rows, Messages.get("retention.loyalty"), "retention.loyalty");
        Columns.add(measures, Measures.class, Messages.get("retention.col.tier"), 110,
                m -> m.tier() == null ? Messages.get("retention.total") : Labels.of(m.tier()));
        Columns.add(measures, Measures.class, Messages.get("retention.col.buyers"), 80, m -> String.valueOf(m.buyers()));
        Columns.add(measures, Measures.class, Messages.get("retention.col.repurchase"), 90, m -> percent(m.repurchaseRate()));
        Columns.add(measures, Measures.class, Messages.get("retention.col.frequency"), 90,
                m -> String.format("%.1f", m.purchaseFrequency()));
        Columns.add(measures, Measures.class, Messages.get("retention.col.retention"), 90, m -> percent(m.retentionRate()));
        Columns.add(measures, Measures.class, Messages.get("retention.col.tenure"), 90, m -> String.format("%.1f", m.tenureYears()));
        Columns.add(measures, Measures.class, Messages.get("retention.col.wallet"), 150, m -> m.walletKnown() == 0 ? "—"
                : Messages.get("retention.wallet", percent(m.shareOfWallet()), m.walletKnown()));
        Columns.add(measures, Measures.class, Messages.get("retention.col.points"), 110, m -> String.format("%,d", m.pointsBalance()));
        rows.setWeights(22, 28, 24, 26);
        reload();
    }

    void reload() {
        if (summary == null || summary.isDisposed()) {
            return;
        }
        try {
            LocalDate day = Widgets.date(asOf);
            rates.setInput(churn.rates(day));
            measures.setInput(loyalty.measures(day));
            risks.setInput(churn.identify(day));
            winBacks.setInput(churn.winBacks(WinBackStatus.OPEN, SHOWN));
            for (TableViewer v : new TableViewer[] { rates, risks, measures }) {
                for (TableColumn c : v.getTable().getColumns()) {
                    c.pack();
                }
            }
            int open = winBacks.getTable().getItemCount();
            summary.setText(Messages.get("retention.summary", risks.getTable().getItemCount(), open == SHOWN ? open + "+" : String.valueOf(open)));
            summary.getParent().layout();
        } catch (RuntimeException e) {
            Errors.show(summary.getShell(), e);
        }
    }

    private void generate() {
        try {
            int opened = churn.generateWinBacks(Widgets.date(asOf));
            MessageDialog.openInformation(summary.getShell(), Messages.get("retention.generate"),
                    Messages.get("retention.generated", opened));
        } catch (RuntimeException e) {
            Errors.show(summary.getShell(), e);
        }
        reload();
    }

    private void close(WinBackStatus outcome) {
        WinBack w = Tables.selected(winBacks, WinBack.class).orElse(null);
        if (w == null) {
            MessageDialog.openInformation(summary.getShell(), Messages.get("retention.winBacks"), Messages.get("retention.select"));
            return;
        }
        InputDialog note = new InputDialog(summary.getShell(), Labels.of(outcome), Messages.get("retention.note", w.name()), "", null);
        if (note.open() != Window.OK) {
            return;
        }
        try {
            churn.close(w.id(), outcome, note.getValue());
        } catch (RuntimeException e) {
            Errors.show(summary.getShell(), e);
        }
        reload();
    }

    private static String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance();
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    /** Customers changed (the demo data arrived on first start, an import) or a complaint moved. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void onChange(@org.eclipse.e4.ui.di.UIEventTopic(org.guanxi.core.event.Topics.ALL_CUSTOMER) org.osgi.service.event.Event event) {
        reload();
    }

    @Focus
    void focus() {
        asOf.setFocus();
    }
}
