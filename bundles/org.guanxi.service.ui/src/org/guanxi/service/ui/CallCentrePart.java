package org.guanxi.service.ui;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Composite;
import org.guanxi.core.event.Topics;
import org.guanxi.service.api.CallCentre;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.core.service.CaseService;
import org.guanxi.core.service.CaseService.Queue;
import org.guanxi.core.service.SurveyService;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The call centre (呼叫中心): outbound call lists worked through with their script, the IVR menu with a simulator to
 * walk it, and the agents' figures with the call log.
 */
public class CallCentrePart {

    @Inject
    private CallCentre calls;

    @Inject
    private CampaignService campaigns;

    @Inject
    private SurveyService surveys;

    @Inject
    private CaseService cases;

    private CTabFolder tabs;
    private OutboundTab outbound;
    private AgentFiguresTab figures;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        tabs = Widgets.id(new CTabFolder(parent, SWT.TOP | SWT.BORDER), "calls.tabs");
        Map<String, String> queueNames = cases.queues().stream()
                .collect(Collectors.toMap(Queue::code, q -> q.name(Locale.getDefault())));
        outbound = new OutboundTab(tab("calls.tab.outbound"), calls, campaigns, surveys);
        new IvrTab(tab("calls.tab.ivr"), calls, queueNames);
        figures = new AgentFiguresTab(tab("calls.tab.figures"), calls, queueNames);
        tabs.setSelection(0);
        tabs.addListener(SWT.Selection, e -> {
            if (tabs.getSelectionIndex() == 2) {
                figures.reload();
            }
        });
    }

    private Composite tab(String key) {
        return Widgets.tab(tabs, Messages.get(key));
    }

    /** Customers changed (the demo data arrived on first start): the lists' names and counts may be new. */
    @Inject
    @Optional
    void onCustomers(@UIEventTopic(Topics.CUSTOMER_CHANGED) Event event) {
        if (outbound != null) {
            outbound.reload();
        }
    }

    @Focus
    void focus() {
        tabs.setFocus();
    }
}
