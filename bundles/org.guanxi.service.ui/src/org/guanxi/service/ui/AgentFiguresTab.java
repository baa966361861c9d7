package org.guanxi.service.ui;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.service.api.CallCentre;
import org.guanxi.service.api.CallCentre.AgentFigures;
import org.guanxi.service.api.CallCentre.Call;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

/** The agents' figures of a period (calls, average handling time, first-call resolution) above its call log. */
final class AgentFiguresTab {

    private static final int LOGGED = 1_000;

    private final CallCentre calls;
    private final DateTime from;
    private final DateTime to;
    private final TableViewer figures;
    private final TableViewer log;

    AgentFiguresTab(Composite page, CallCentre calls, Map<String, String> queueNames) {
        this.calls = calls;
        GridLayoutFactory.swtDefaults().numColumns(6).margins(8, 8).applyTo(page);
        new Label(page, SWT.NONE).setText(Messages.get("figures.from"));
        from = Widgets.date(page, "figures.from", AppClock.today().minusDays(29));
        new Label(page, SWT.NONE).setText(Messages.get("figures.to"));
        to = Widgets.date(page, "figures.to", AppClock.today());
        Widgets.button(page, "figures.show", Messages.get("figures.show"), this::reload);
        Widgets.button(page, "figures.export", Messages.get("figures.export"), this::export);
        SashForm rows = new SashForm(page, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(rows);

        figures = Tables.framed(rows, Messages.get("figures.agents"), "figures.agents");
        Columns.add(figures, AgentFigures.class, Messages.get("figures.col.agent"), 120,
                f -> f.agent() == null ? Messages.get("figures.all") : f.agent());
        Columns.add(figures, AgentFigures.class, Messages.get("figures.col.inbound"), 70, f -> String.valueOf(f.inbound()));
        Columns.add(figures, AgentFigures.class, Messages.get("figures.col.outbound"), 70, f -> String.valueOf(f.outbound()));
        Columns.add(figures, AgentFigures.class, Messages.get("figures.col.reached"), 70, f -> String.valueOf(f.reached()));
        Columns.add(figures, AgentFigures.class, Messages.get("figures.col.aht"), 110, f -> minutes(f.averageHandling()));
        Columns.add(figures, AgentFigures.class, Messages.get("figures.col.fcr"), 150, f -> percent(f.fcr() / 100)
                + " (" + f.firstCallResolved() + "/" + f.inboundCompleted() + ")");

        log = Tables.framed(rows, Messages.get("figures.log"), "figures.log");
        Columns.add(log, Call.class, Messages.get("figures.col.started"), 95, c -> Times.moment(c.startedAt()));
        Columns.add(log, Call.class, Messages.get("figures.col.direction"), 60, c -> Labels.of(c.direction()));
        Columns.add(log, Call.class, Messages.get("calls.col.phone"), 135, Call::phone);
        Columns.add(log, Call.class, Messages.get("calls.col.customer"), 130, c -> c.customerName() == null ? "—" : c.customerName());
        Columns.add(log, Call.class, Messages.get("calls.col.agent"), 80, Call::agent);
        Columns.add(log, Call.class, Messages.get("figures.col.queue"), 100, c -> c.queue() == null ? "" : queueNames.getOrDefault(c.queue(), c.queue()));
        Columns.add(log, Call.class, Messages.get("figures.col.duration"), 70, c -> minutes(c.duration()));
        Columns.add(log, Call.class, Messages.get("figures.col.result"), 90, c -> c.disposition() == null ? "" : Labels.of(c.disposition()));
        Columns.add(log, Call.class, Messages.get("figures.col.resolved"), 60, c -> c.resolved() ? "✓" : "");
        Columns.add(log, Call.class, Messages.get("figures.col.note"), 220, c -> c.note() == null ? "" : c.note());
        rows.setWeights(35, 65);
    }

    void reload() {
        try {
            LocalDate a = Widgets.date(from);
            LocalDate b = Widgets.date(to);
            figures.setInput(calls.agentFigures(a, b));
            log.setInput(calls.calls(a, b, null, LOGGED));
        } catch (RuntimeException e) {
            Errors.show(figures.getTable().getShell(), e);
        }
    }

    private void export() {
        TableExport.export(log.getTable(), "calls");
    }

    /** "4:05": minutes and seconds, as call centres read handling times. */
    static String minutes(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance();
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }
}
