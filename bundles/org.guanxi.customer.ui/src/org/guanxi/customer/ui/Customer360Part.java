package org.guanxi.customer.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.ContactPoint;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Interaction;
import org.guanxi.core.model.KeyDate;
import org.guanxi.core.service.CareService.CareDate;
import org.guanxi.core.service.CaseService;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.core.service.CaseService.CaseQuery;
import org.guanxi.core.service.CaseService.CaseRow;
import org.guanxi.core.service.Customer360Service;
import org.guanxi.core.service.Customer360Service.Hit;
import org.guanxi.core.service.Customer360Service.InvoiceRow;
import org.guanxi.core.service.Customer360Service.OrderRow;
import org.guanxi.core.service.Customer360Service.View;
import org.guanxi.core.service.CustomerValueService.CustomerValue;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.KeyAccountService;
import org.guanxi.core.service.KeyAccountService.Account;
import org.guanxi.core.service.KeyAccountService.Plan;
import org.guanxi.core.service.TaskService;
import org.guanxi.core.service.TaskService.TaskRow;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The 360° view (客户全景): type a caller's number, a member card, a code, an e-mail or a name and press Enter, or let a
 * telephony adapter post {@link Topics#CALL_INCOMING} (screen pop); the customer appears with contacts, value, orders, unpaid
 * invoices, the timeline, coming care dates and open tasks, and a call can be logged on the spot.
 */
public class Customer360Part {

    private static final int HITS = 20;

    @Inject
    private Customer360Service service;
    @Inject
    private InteractionService interactions;
    @Inject
    private TaskService tasks;
    @Inject
    private KeyAccountService accounts;
    @Inject
    private EPartService parts;
    /** The service module's cases, when it is installed. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private CaseService cases;
    /** The points programme, when the service module is installed. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private LoyaltyService loyalty;

    private Text lookup;
    private Label status;
    private TableViewer hits;
    private ScrolledComposite scroller;
    private Composite details;
    private Label title;
    private Label subtitle;
    private Label value;
    private Label channels;
    private Label figures;
    private TableViewer contacts;
    private TableViewer orders;
    private TableViewer invoices;
    private TableViewer timeline;
    private TableViewer careDates;
    private TableViewer openTasks;
    private TableViewer serviceCases;
    private Text callNote;
    private Font titleFont;
    private View shown;

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).applyTo(parent);
        lookup = Widgets.id(new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER), "c360.lookup");
        lookup.setMessage(Messages.get("c360.lookup"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(lookup);
        lookup.addListener(SWT.DefaultSelection, e -> find(lookup.getText()));
        status = Widgets.id(new Label(parent, SWT.NONE), "c360.status");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).hint(320, SWT.DEFAULT).applyTo(status);

        hits = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        Widgets.id(hits.getTable(), "c360.hits");
        hits.getTable().setHeaderVisible(true);
        Columns.add(hits, Hit.class, Messages.get("c360.hit"), 150, Hit::name);
        Columns.add(hits, Hit.class, Messages.get("c360.matched"), 140,
                h -> Messages.get("match." + h.match()) + ": " + (h.matched() == null ? "" : h.matched()));
        hits.setContentProvider(ArrayContentProvider.getInstance());
        hits.addSelectionChangedListener(e -> {
            if (e.getStructuredSelection().getFirstElement() instanceof Hit h) {
                show(h.customerId());
            }
        });
        GridDataFactory.fillDefaults().grab(false, true).hint(300, SWT.DEFAULT).applyTo(hits.getTable());

        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        details = new Composite(scroller, SWT.NONE);
        scroller.setContent(details);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).margins(4, 0).applyTo(details);
        createDetails();
        details.setVisible(false);
    }

    private void createDetails() {
        title = Widgets.id(new Label(details, SWT.NONE), "c360.title");
        titleFont = FontDescriptor.createFrom(title.getFont()).setHeight(16).setStyle(SWT.BOLD).createFont(title.getDisplay());
        title.setFont(titleFont);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(title);
        subtitle = Widgets.id(new Label(details, SWT.WRAP), "c360.subtitle");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(subtitle);

        Group master = group("c360.reach", 1);
        channels = Widgets.id(new Label(master, SWT.WRAP), "c360.channels");
        GridDataFactory.fillDefaults().grab(true, true).hint(200, SWT.DEFAULT).applyTo(channels);
        Group valueGroup = group("c360.value", 1);
        value = Widgets.id(new Label(valueGroup, SWT.WRAP), "c360.valueText");
        GridDataFactory.fillDefaults().grab(true, true).hint(200, SWT.DEFAULT).applyTo(value);

        contacts = table(group("c360.contacts", 1), "c360.contactTable", 4);
        Columns.add(contacts, Contact.class, Messages.get("contact.name"), 80, Contact::getName);
        Columns.add(contacts, Contact.class, Messages.get("contact.role"), 110, Contact::getRole);
        Columns.add(contacts, Contact.class, Messages.get("contact.phone"), 135, Contact::getPhone);
        Columns.add(contacts, Contact.class, Messages.get("c360.influence"), 120,
                k -> (k.getInfluence() == null ? "" : "★".repeat(k.getInfluence()))
                        + (k.getAttitude() == null ? "" : " " + Messages.get("attitude." + k.getAttitude())));

        Group care = group("c360.care", 1);
        careDates = table(care, "c360.careTable", 4);
        Columns.add(careDates, CareDate.class, Messages.get("c360.date"), 95, d -> d.date().toString());
        Columns.add(careDates, CareDate.class, Messages.get("c360.occasion"), 420, CareDate::label);

        Group orderGroup = group("c360.orders", 1);
        figures = Widgets.id(new Label(orderGroup, SWT.WRAP), "c360.figures");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(figures);
        orders = table(orderGroup, "c360.orderTable", 5);
        Columns.add(orders, OrderRow.class, Messages.get("c360.orderNo"), 110, OrderRow::orderNo);
        Columns.add(orders, OrderRow.class, Messages.get("c360.date"), 95, o -> o.date().toString());
        Columns.add(orders, OrderRow.class, Messages.get("c360.status"), 90, o -> Messages.get("orderStatus." + o.status()));
        Columns.add(orders, OrderRow.class, Messages.get("c360.total"), 100, o -> money(o.total()));

        Group invoiceGroup = group("c360.invoices", 1);
        invoices = table(invoiceGroup, "c360.invoiceTable", 5);
        Columns.add(invoices, InvoiceRow.class, Messages.get("c360.invoiceNo"), 110, InvoiceRow::invoiceNo);
        Columns.add(invoices, InvoiceRow.class, Messages.get("c360.date"), 95, i -> i.issued().toString());
        Columns.add(invoices, InvoiceRow.class, Messages.get("c360.amount"), 100, i -> money(i.amount()));
        Columns.add(invoices, InvoiceRow.class, Messages.get("c360.due"), 100, i -> money(i.amount().subtract(i.paid())));

        Group timelineGroup = group("c360.timeline", 3);
        timeline = table(timelineGroup, "c360.timelineTable", 6);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(SWT.DEFAULT, 6 * 24).applyTo(timeline.getTable());
        Columns.add(timeline, Interaction.class, Messages.get("c360.when"), 130,
                i -> i.getOccurredAt().atZone(AppClock.zone()).toLocalDateTime().withSecond(0).withNano(0)
                        .toString().replace('T', ' '));
        Columns.add(timeline, Interaction.class, Messages.get("c360.channel"), 80, i -> Messages.get("channel." + i.getChannel()));
        Columns.add(timeline, Interaction.class, Messages.get("c360.subject"), 260, Interaction::getSubject);
        Columns.add(timeline, Interaction.class, Messages.get("c360.by"), 80, Interaction::getUser);
        callNote = Widgets.id(new Text(timelineGroup, SWT.BORDER), "c360.callNote");
        callNote.setMessage(Messages.get("c360.callNote"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(callNote);
        callNote.addListener(SWT.DefaultSelection, e -> logCall());
        Button log = Widgets.id(new Button(timelineGroup, SWT.PUSH), "c360.logCall");
        log.setText(Messages.get("c360.logCall"));
        log.addListener(SWT.Selection, e -> logCall());
        Button edit = Widgets.id(new Button(timelineGroup, SWT.PUSH), "c360.open");
        edit.setText(Messages.get("c360.openEditor"));
        edit.addListener(SWT.Selection, e -> {
            if (shown != null) {
                CustomerEditors.open(parts, shown.customer().getId());
            }
        });

        Group taskGroup = group("c360.tasks", 2);
        openTasks = table(taskGroup, "c360.taskTable", 6);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 6 * 24).applyTo(openTasks.getTable());
        Columns.add(openTasks, TaskRow.class, Messages.get("c360.dueDate"), 95, t -> t.due().toString());
        Columns.add(openTasks, TaskRow.class, Messages.get("c360.task"), 330, TaskRow::title);
        Button done = Widgets.id(new Button(taskGroup, SWT.PUSH), "c360.taskDone");
        done.setText(Messages.get("c360.taskDone"));
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(done);
        done.addListener(SWT.Selection, e -> {
            if (openTasks.getStructuredSelection().getFirstElement() instanceof TaskRow t) {
                run(() -> tasks.complete(t.id()));
                show(t.customerId());
            }
        });
        createCases();
    }

    /** The customer's service cases and complaints, newest first: what the caller may be calling about. */
    private void createCases() {
        Group caseGroup = group("c360.cases", 1);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(caseGroup);
        serviceCases = table(caseGroup, "c360.caseTable", 5);
        Columns.add(serviceCases, CaseRow.class, Messages.get("c360.caseNo"), 95, CaseRow::caseNo);
        Columns.add(serviceCases, CaseRow.class, Messages.get("c360.date"), 95,
                r -> r.openedAt().atZone(AppClock.zone()).toLocalDate().toString());
        Columns.add(serviceCases, CaseRow.class, Messages.get("c360.caseKind"), 80, r -> Labels.of(r.kind()));
        Columns.add(serviceCases, CaseRow.class, Messages.get("c360.subject"), 300, CaseRow::subject);
        Columns.add(serviceCases, CaseRow.class, Messages.get("c360.status"), 90, r -> Labels.of(r.status()));
        Columns.add(serviceCases, CaseRow.class, Messages.get("c360.caseAgent"), 90, CaseRow::assignee);
    }

    /** A case of the customer shown was opened or changed (on the agent desk, say). */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void onCase(@UIEventTopic(Topics.CASE_CHANGED) Event event) {
        if (shown != null && cases != null && serviceCases != null && !serviceCases.getTable().isDisposed()) {
            long id = shown.customer().getId();
            serviceCases.setInput(run(() -> cases.find(new CaseQuery(null, null, null, id, null, false, 20))));
        }
    }

    private Group group(String key, int columns) {
        Group g = new Group(details, SWT.NONE);
        g.setText(Messages.get(key));
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(g);
        return g;
    }

    private static TableViewer table(Composite parent, String id, int rows) {
        TableViewer v = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        Widgets.id(v.getTable(), id);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, rows * 24).applyTo(v.getTable());
        return v;
    }

    /** Looks up what was typed or received; one hit is shown at once, several are listed to choose from. */
    void find(String text) {
        // one more than is shown tells whether there are more
        List<Hit> all = run(() -> service.lookup(text, HITS + 1));
        if (all == null) {
            return;
        }
        List<Hit> found = all.size() > HITS ? all.subList(0, HITS) : all;
        hits.setInput(found);
        status.setText(found.isEmpty() ? Messages.get("c360.none", text.strip())
                : all.size() > HITS ? Messages.get("c360.more", HITS) : Messages.get("c360.found", found.size()));
        if (!found.isEmpty()) {
            hits.getTable().select(0);
            show(found.get(0).customerId());
        } else {
            details.setVisible(false);
            shown = null;
        }
    }

    private void show(long customerId) {
        View v = run(() -> service.view(customerId));
        if (v == null) {
            return;
        }
        shown = v;
        Customer c = v.customer();
        title.setText(c.getName() + "  " + c.getCode());
        subtitle.setText(String.join(" · ", nonBlank(Messages.get("kind." + c.getKind()), c.getCity(),
                c.getMemberCard() == null ? null : Messages.get("c360.card", c.getMemberCard()),
                c.getOwner() == null ? null : Messages.get("c360.owner", c.getOwner()), consent(c))));
        channels.setText(channelsText(c));
        value.setText(v.value().map(Customer360Part::valueText).orElse(Messages.get("c360.noValue")) + accountText(customerId)
                + pointsText(customerId));
        figures.setText(Messages.get("c360.figuresText", v.orders(), money(v.revenue()),
                v.lastOrder() == null ? "–" : v.lastOrder().toString(), money(v.openBalance())));
        contacts.setInput(c.getContacts());
        careDates.setInput(v.careDates());
        orders.setInput(v.recentOrders());
        invoices.setInput(v.openInvoices());
        timeline.setInput(v.timeline());
        openTasks.setInput(v.openTasks());
        if (cases != null) {
            serviceCases.setInput(run(() -> cases.find(new CaseQuery(null, null, null, customerId, null, false, 20))));
        }
        details.setVisible(true);
        details.layout(true, true);
        scroller.setMinSize(details.computeSize(900, SWT.DEFAULT));
    }

    /** For a key account: its target, how much of it is reached, and the next review. */
    private String accountText(long customerId) {
        Account a = run(() -> accounts.account(customerId));
        if (a == null || !a.planned()) {
            return "";
        }
        Plan p = a.plan();
        String target = p.targetRevenue() == null || p.targetRevenue().signum() == 0 ? "–"
                : Messages.get("c360.target", money(p.targetRevenue()),
                        100 * a.revenueInPlanYear().doubleValue() / p.targetRevenue().doubleValue());
        return "\n" + Messages.get("c360.keyAccount", p.year(), target, p.nextReview() == null ? "–" : p.nextReview().toString(),
                a.team().size());
    }

    private static String consent(Customer c) {
        String allowed = nonBlank(c.isConsentPhone() ? Messages.get("consent.phone") : null,
                c.isConsentSms() ? Messages.get("consent.sms") : null, c.isConsentEmail() ? Messages.get("consent.email") : null)
                .stream().collect(Collectors.joining(", "));
        String contact = allowed.isEmpty() ? Messages.get("c360.noConsent") : Messages.get("c360.consent", allowed);
        return c.isPersonalised() ? contact : contact + Messages.get("c360.notPersonalised");
    }

    private static String channelsText(Customer c) {
        StringBuilder sb = new StringBuilder();
        line(sb, Messages.get("editor.phone"), c.getPhone());
        line(sb, Messages.get("editor.email"), c.getEmail());
        for (ContactPoint p : c.getContactPoints()) {
            line(sb, Messages.get("pointKind." + p.getKind()) + (p.getLabel() == null ? "" : " (" + p.getLabel() + ")") + ":",
                    p.getValue());
        }
        line(sb, Messages.get("editor.birthday"), c.getBirthday() == null ? null : c.getBirthday().toString());
        for (KeyDate d : c.getKeyDates()) {
            line(sb, Messages.get("keyDate." + d.getKind()) + ":", d.getDay() + (d.isLunar() ? " " + Messages.get("c360.lunar") : "")
                    + (d.getLabel() == null ? "" : " " + d.getLabel()));
        }
        return sb.toString().strip();
    }

    private static void line(StringBuilder sb, String label, String text) {
        if (text != null && !text.isBlank()) {
            sb.append(label).append(' ').append(text).append('\n');
        }
    }

    /** Balance, member tier and the points expiring next, when the service module is installed. */
    private String pointsText(long customerId) {
        if (loyalty == null) {
            return "";
        }
        LoyaltyService.Account a = run(() -> loyalty.account(customerId));
        if (a == null) {
            return "";
        }
        return "\n" + (a.nextExpiry() == null ? Messages.get("c360.points", a.balance(), a.tier().name(java.util.Locale.getDefault()))
                : Messages.get("c360.pointsExpiring", a.balance(), a.tier().name(java.util.Locale.getDefault()), a.expiringNext(),
                        a.nextExpiry().toString()));
    }

    private static String valueText(CustomerValue v) {
        return Messages.get("c360.valueText", Labels.of(v.tier()), v.tierReason(), Labels.of(v.stage()),
                v.stageReason(), Messages.get("status." + v.status()), Labels.of(v.type()), v.typeReason(),
                v.r(), v.f(), v.m(), Labels.of(v.rfmSegment()), money(v.clvRealised().add(v.clvPredicted())),
                Labels.of(v.quadrant()), v.asOf());
    }

    private void logCall() {
        if (shown == null || callNote.getText().isBlank()) {
            return;
        }
        long id = shown.customer().getId();
        if (run(() -> interactions.log(id, Channel.PHONE, callNote.getText().strip(), null)) != null) {
            callNote.setText("");
            show(id);
        }
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).toList();
    }

    private static String money(BigDecimal amount) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.getDefault());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return "¥" + f.format(amount == null ? BigDecimal.ZERO : amount);
    }

    private <T> T run(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            Errors.show(lookup.getShell(), e);
            return null;
        }
    }

    private void run(Runnable work) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        });
    }

    /** Screen pop: shows the customer of an incoming call's number (see the ScreenPop add-on). */
    public void pop(String phone) {
        if (lookup != null && !lookup.isDisposed()) {
            lookup.setText(phone);
            find(phone);
        }
    }

    @Inject
    @Optional
    void onCustomerChanged(@UIEventTopic(Topics.ALL_CUSTOMER) Event event) {
        if (shown != null && details != null && !details.isDisposed()
                && Long.valueOf(shown.customer().getId()).equals(event.getProperty(Topics.PROPERTY_ID))) {
            show(shown.customer().getId());
        }
    }

    @Focus
    void focus() {
        lookup.setFocus();
    }

    @PreDestroy
    void dispose() {
        if (titleFont != null) {
            titleFont.dispose();
        }
    }
}
