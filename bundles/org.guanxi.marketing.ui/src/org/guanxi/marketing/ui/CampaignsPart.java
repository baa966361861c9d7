package org.guanxi.marketing.ui;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Campaign;
import org.guanxi.core.model.CampaignStatus;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.marketing.api.CampaignService.Audience;
import org.guanxi.marketing.api.CampaignService.CampaignRow;
import org.guanxi.marketing.api.CampaignService.RecipientRow;
import org.guanxi.marketing.api.CampaignService.Results;
import org.guanxi.marketing.api.CampaignService.SendProgress;
import org.guanxi.marketing.api.CampaignService.SendReport;
import org.guanxi.core.service.CustomerService;
import org.guanxi.ui.common.BackgroundTask;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Formats;
import org.guanxi.ui.common.TableExport;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Campaigns (营销活动): the list with their delivery counts; below, the selected campaign's results (deliveries,
 * responses, leads and deals it produced, return on cost) and its recipients. Sending runs as a background job that
 * can be stopped and resumed; opt-outs and bounces reported later are entered here.
 */
public class CampaignsPart {

    static final int RECIPIENTS_SHOWN = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AppClock.zone());

    @Inject
    private CampaignService campaigns;

    @Inject
    private CustomerService customers;

    private TableViewer viewer;
    private Label count;
    private Label results;
    private TableViewer recipients;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(9).margins(10, 10).applyTo(parent);
        button(parent, "campaigns.new", () -> edit(null));
        button(parent, "campaigns.edit", () -> selected().ifPresent(r -> edit(campaigns.get(r.id()))));
        button(parent, "campaigns.send", () -> selected().ifPresent(this::send));
        button(parent, "campaigns.cancel", () -> selected().ifPresent(this::cancel));
        button(parent, "campaigns.unsubscribe", () -> askAddress("campaigns.unsubscribe", "campaigns.unsubscribeAsk",
                email -> campaigns.unsubscribe(email, current().map(CampaignRow::id).orElse(null))));
        button(parent, "campaigns.bounce", () -> askAddress("campaigns.bounce", "campaigns.bounceAsk",
                email -> campaigns.recordBounce(email, Messages.get("campaigns.bounceManual"))));
        Label spacer = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(spacer);
        count = Widgets.id(new Label(parent, SWT.NONE), "campaigns.count");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(110, SWT.DEFAULT).applyTo(count);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(9, 1).applyTo(sash);
        viewer = Tables.viewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "campaigns.table");
        Table table = viewer.getTable();
        TableExport.button(parent, table, Messages.get("campaigns.title")).moveAbove(count);
        Columns.add(viewer, CampaignRow.class, Messages.get("campaigns.col.code"), 100, CampaignRow::code);
        Columns.add(viewer, CampaignRow.class, Messages.get("campaigns.col.name"), 240, CampaignRow::name);
        Columns.add(viewer, CampaignRow.class, Messages.get("campaigns.col.segment"), 160, r -> r.segment() == null ? "" : r.segment());
        Columns.add(viewer, CampaignRow.class, Messages.get("campaigns.col.status"), 90, r -> Labels.of(r.status()));
        Columns.add(viewer, CampaignRow.class, Messages.get("campaigns.col.recipients"), 100, r -> String.valueOf(r.recipients()));
        Columns.add(viewer, CampaignRow.class, Messages.get("campaigns.col.sent"), 80, r -> String.valueOf(r.sent()));
        Columns.add(viewer, CampaignRow.class, Messages.get("campaigns.col.cost"), 100, r -> Formats.money(r.cost()));
        Columns.add(viewer, CampaignRow.class, Messages.get("campaigns.col.owner"), 90, CampaignRow::owner);
        for (int i = 4; i <= 6; i++) {
            table.getColumn(i).setAlignment(SWT.RIGHT);
        }
        viewer.addSelectionChangedListener(e -> showDetail());
        viewer.addDoubleClickListener(e -> selected().ifPresent(r -> edit(campaigns.get(r.id()))));

        Composite detail = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(detail);
        results = Widgets.id(new Label(detail, SWT.WRAP), "campaigns.results");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(results);
        recipients = Tables.viewer(detail, SWT.BORDER | SWT.FULL_SELECTION, "campaigns.recipients");
        Table rt = recipients.getTable();
        GridDataFactory.fillDefaults().grab(true, true).applyTo(rt);
        Columns.add(recipients, RecipientRow.class, Messages.get("campaigns.col.customer"), 200, RecipientRow::customerName);
        Columns.add(recipients, RecipientRow.class, Messages.get("campaigns.col.email"), 240, r -> r.email() == null ? "" : r.email());
        Columns.add(recipients, RecipientRow.class, Messages.get("campaigns.col.lang"), 85, r -> Messages.get("campaigns.lang." + r.lang()));
        Columns.add(recipients, RecipientRow.class, Messages.get("campaigns.col.status"), 80, r -> Labels.of(r.status()));
        Columns.add(recipients, RecipientRow.class, Messages.get("campaigns.col.reason"), 170, r -> r.reason() == null ? "" : Labels.of(r.reason()));
        Columns.add(recipients, RecipientRow.class, Messages.get("campaigns.col.sentAt"), 135, r -> r.sentAt() == null ? "" : TIME.format(r.sentAt()));
        Columns.add(recipients, RecipientRow.class, Messages.get("campaigns.col.error"), 260, r -> r.error() == null ? "" : r.error());
        sash.setWeights(45, 55);
        reload();
    }

    private Optional<CampaignRow> current() {
        return Tables.selected(viewer, CampaignRow.class);
    }

    private Optional<CampaignRow> selected() {
        return Tables.selectedOrTell(viewer, CampaignRow.class, Messages.get("campaigns.title"), Messages.get("campaigns.select"));
    }

    void reload() {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        try {
            Long keep = current().map(CampaignRow::id).orElse(null);
            List<CampaignRow> rows = campaigns.campaigns();
            viewer.setInput(rows);
            count.setText(Messages.get("campaigns.count", rows.size()));
            rows.stream().filter(r -> r.id() == (keep == null ? -1 : keep)).findFirst()
                    .ifPresent(r -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r), true));
            showDetail();
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
    }

    private void showDetail() {
        Optional<CampaignRow> row = current();
        if (row.isEmpty()) {
            results.setText(Messages.get("campaigns.noneSelected"));
            recipients.setInput(List.of());
            results.getParent().layout();
            return;
        }
        Results r = campaigns.results(row.get().id());
        NumberFormat pct = NumberFormat.getPercentInstance(Locale.getDefault());
        pct.setMaximumFractionDigits(1);
        String responses = r.responses().isEmpty() ? "–" : r.responses().entrySet().stream()
                .map(e -> Labels.of(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        results.setText(Messages.get("campaigns.resultsLine1", r.recipients(), r.sent(), r.skipped(), r.pending(), r.failed(),
                r.bounced()) + "\n"
                + Messages.get("campaigns.resultsLine2", responses, pct.format(r.responseRate()), r.leads(), r.opportunities(),
                        Formats.money(r.pipeline()), Formats.money(r.won()), Formats.money(r.cost()),
                        r.roi() == null ? "–" : pct.format(r.roi())));
        recipients.setInput(campaigns.recipients(row.get().id(), RECIPIENTS_SHOWN));
        results.getParent().layout();
    }

    private void edit(Campaign campaign) {
        if (new CampaignDialog(viewer.getTable().getShell(), campaigns, customers, campaign).open() == Window.OK) {
            reload();
        }
    }

    private void send(CampaignRow row) {
        try {
            Campaign k = campaigns.get(row.id());
            if (k.getStatus() == CampaignStatus.DRAFT) {
                if (k.getSegmentId() == null) {
                    throw new org.guanxi.core.service.GuanxiException("error.campaignNoSegment", k.getCode());
                }
                Audience a = campaigns.audience(campaigns.segments().stream()
                        .filter(s -> s.getId().equals(k.getSegmentId())).findFirst().orElseThrow());
                if (!MessageDialog.openConfirm(viewer.getTable().getShell(), Messages.get("campaigns.send"),
                        Messages.get("campaigns.sendConfirm", k.getName(), a.reachable(), a.matching() - a.reachable(),
                                campaigns.mailSettings().host(), campaigns.mailSettings().perMinute()))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
            return;
        }
        BackgroundTask.run(Messages.get("campaigns.sending", row.name()), viewer.getTable(), progress ->
                campaigns.send(row.id(), new SendProgress() {
                    @Override
                    public void progress(int done, int total) {
                        progress.accept(total == 0 ? 1000 : (int) (1000L * done / total));
                    }

                    @Override
                    public boolean stopRequested() {
                        // Cancel interrupts this thread; clearing the flag lets the service record the pause
                        return Thread.interrupted();
                    }
                }), (SendReport report, Boolean cancelled) -> {
                    reload();
                    if (report != null) {
                        String outcome = !report.stopped() ? "campaigns.done"
                                : campaigns.get(row.id()).getStatus() == CampaignStatus.CANCELLED ? "campaigns.cancelledWhileSending"
                                : "campaigns.paused";
                        MessageDialog.openInformation(viewer.getTable().getShell(), Messages.get("campaigns.send"),
                                Messages.get(outcome, report.sent(), report.failed(), report.bounced(), report.remaining()));
                    }
                });
        reload();
    }

    private void cancel(CampaignRow row) {
        if (MessageDialog.openConfirm(viewer.getTable().getShell(), Messages.get("campaigns.cancel"),
                Messages.get("campaigns.cancelConfirm", row.name()))) {
            try {
                campaigns.cancel(row.id());
            } catch (RuntimeException e) {
                Errors.show(viewer.getTable().getShell(), e);
            }
            reload();
        }
    }

    private void askAddress(String titleKey, String promptKey, java.util.function.Consumer<String> action) {
        String address = Widgets.ask(viewer.getTable().getShell(), Messages.get(titleKey), Messages.get(promptKey), null);
        if (address == null) {
            return;
        }
        try {
            action.accept(address);
            MessageDialog.openInformation(viewer.getTable().getShell(), Messages.get(titleKey),
                    Messages.get("campaigns.suppressed", address.strip()));
        } catch (RuntimeException e) {
            Errors.show(viewer.getTable().getShell(), e);
        }
        reload();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void onCampaignChanged(@UIEventTopic(Topics.CAMPAIGN_CHANGED) Event event) {
        reload();
    }

    @Focus
    void focus() {
        viewer.getTable().setFocus();
    }

    private static void button(Composite parent, String key, Runnable action) {
        Widgets.button(parent, key, Messages.get(key), action);
    }
}
