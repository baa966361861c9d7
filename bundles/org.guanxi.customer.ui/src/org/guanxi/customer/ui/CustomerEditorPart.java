package org.guanxi.customer.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.AppClock;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Labels;
import org.guanxi.core.model.Address;
import org.guanxi.core.model.AddressKind;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.ContactPoint;
import org.guanxi.core.model.ContactPointKind;
import org.guanxi.core.model.ConsentEvent;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.CustomerType;
import org.guanxi.core.model.KeyDate;
import org.guanxi.core.model.KeyDateKind;
import org.guanxi.core.model.Interaction;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.PersonalDataService;
import org.guanxi.core.service.DataQualityService;
import org.guanxi.core.service.DataQualityService.Completeness;
import org.guanxi.core.service.KeyAccountService;
import org.guanxi.core.service.DeliveredValueService;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.CustomerValueService.CustomerValue;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.ValidationException;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Revertable;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Edits one customer with its contacts and addresses. Changes mark the part dirty; Save writes through the
 * customer service, which validates (errors appear beside the fields) and refuses stale edits (the user is told
 * and may reload).
 */
public class CustomerEditorPart implements Revertable {

    @Inject
    private CustomerService customers;

    @Inject
    private PersonalDataService personalData;

    @Inject
    private CustomerValueService values;

    @Inject
    private Outbox outbox;

    @Inject
    private AuditLog audit;

    @Inject
    private InteractionService interactions;

    @Inject
    private DataQualityService quality;

    @Inject
    private KeyAccountService accounts;

    @Inject
    private DeliveredValueService delivered;

    @Inject
    private MPart part;

    @Inject
    private EPartService parts;

    private static final String[] SOURCES = { "WEB", "REFERRAL", "TRADE_FAIR", "CALL", "WECHAT", "STORE", "CAMPAIGN" };

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(AppClock.zone());

    private Customer customer;
    private Label erp;
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private boolean filling;

    private Label title;
    private Label problems;
    private Label completeness;
    private Combo kind;
    private Text code;
    private Text name;
    private Text phone;
    private Text email;
    private Text memberCard;
    private Text taxId;
    private Text idNumber;
    private Combo type;
    private Button consentPhone;
    private Text categorySpend;
    private Button consentSms;
    private Button consentEmail;
    private Button personalised;
    private TableViewer consentLedger;
    private Text city;
    private Text birthday;
    private Combo source;
    private Text owner;
    private Text notes;
    private TableViewer contactTable;
    private TableViewer addressTable;
    private TableViewer pointTable;
    private TableViewer dateTable;
    private final List<ContactPoint> points = new ArrayList<>();
    private final List<KeyDate> dates = new ArrayList<>();
    private Button delete;
    private Button keyAccount;
    private Button deliveredValue;
    private Label value;
    private Combo channel;
    private Text subject;
    private Button logButton;
    private TableViewer timeline;
    private ScrolledComposite scroll;
    private Composite body;
    private final Map<String, ControlDecoration> decorations = new HashMap<>();

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        body = new Composite(scroll, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(12, 10).applyTo(body);

        title = new Label(body, SWT.NONE);
        title.setData("org.eclipse.e4.ui.css.CssClassName", "gx-title");
        title.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        completeness = Widgets.id(new Label(body, SWT.WRAP), "customer.completeness");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(completeness);
        erp = Widgets.id(new Label(body, SWT.WRAP), "customer.erp");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(erp);
        problems = Widgets.id(new Label(body, SWT.WRAP), "customer.problems");
        problems.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).exclude(true).applyTo(problems);
        problems.setVisible(false);

        createMasterData(body);
        createValue(body);
        createTimeline(body);
        createContacts(body);
        createAddresses(body);
        createContactPoints(body);
        createKeyDates(body);
        createConsentLedger(body);
        createButtons(body);

        scroll.setContent(body);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        load();
    }

    private void createMasterData(Composite body) {
        Group g = new Group(body, SWT.NONE);
        g.setText(Messages.get("editor.master"));
        GridLayoutFactory.swtDefaults().numColumns(4).spacing(10, 6).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(g);
        label(g, "editor.kind");
        kind = Widgets.id(new Combo(g, SWT.READ_ONLY), "customer.kind");
        for (PartyKind k : PartyKind.values()) {
            kind.add(Messages.get("kind." + k));
        }
        kind.addListener(SWT.Selection, e -> changed());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(kind);
        label(g, "editor.code");
        code = text(g, "code", SWT.READ_ONLY);
        name = field(g, "editor.name", "name", 3);
        phone = field(g, "editor.phone", "phone", 1);
        email = field(g, "editor.email", "email", 1);
        memberCard = field(g, "editor.memberCard", "memberCard", 1);
        taxId = field(g, "editor.taxId", "taxId", 1);
        idNumber = field(g, "editor.idNumber", "idNumber", 1);
        if (!personalData.showsInFull()) {
            masked(phone, PersonalDataService.Field.PHONE);
            masked(email, PersonalDataService.Field.EMAIL);
            masked(taxId, PersonalDataService.Field.TAX_ID);
            masked(idNumber, PersonalDataService.Field.ID_NUMBER);
        }
        label(g, "editor.type");
        type = Widgets.id(new Combo(g, SWT.READ_ONLY), "customer.type");
        type.add(Messages.get("editor.typeDerived"));
        for (CustomerType t : CustomerType.values()) {
            type.add(Labels.of(t));
        }
        type.addListener(SWT.Selection, e -> changed());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(type);
        city = field(g, "editor.city", "city", 1);
        birthday = field(g, "editor.birthday", "birthday", 1);
        birthday.setMessage("1985-03-21");
        label(g, "editor.source");
        source = Widgets.id(new Combo(g, SWT.DROP_DOWN), "customer.source");
        for (String code : SOURCES) {
            source.add(Messages.get("source." + code));
        }
        source.addModifyListener(e -> changed());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(source);
        owner = field(g, "editor.owner", "owner", 1);
        categorySpend = field(g, "editor.categorySpend", "categorySpend", 3);
        categorySpend.setMessage(Messages.get("editor.categorySpend.hint"));
        label(g, "editor.consent");
        Composite consent = new Composite(g, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(16, 0).applyTo(consent);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(consent);
        consentPhone = check(consent, "consent.phone", "consentPhone");
        consentSms = check(consent, "consent.sms", "consentSms");
        consentEmail = check(consent, "consent.email", "consentEmail");
        label(g, "editor.personalised");
        personalised = check(g, "consent.personalised", "personalised");
        personalised.setToolTipText(Messages.get("consent.personalised.tip"));
        GridDataFactory.fillDefaults().span(3, 1).applyTo(personalised);
        label(g, "editor.notes");
        notes = text(g, "notes", SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(SWT.DEFAULT, 50).applyTo(notes);
    }

    private void createValue(Composite body) {
        Group g = new Group(body, SWT.NONE);
        g.setText(Messages.get("editor.value"));
        GridLayoutFactory.swtDefaults().applyTo(g);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(g);
        value = Widgets.id(new Label(g, SWT.WRAP), "customer.value");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(value);
    }

    /** The latest analysis of this customer, each label with its reason, and what changed since the run before. */
    /** The stored master data's completeness score and what is missing, as the data-quality view counts it. */
    private void showCompleteness(Customer c) {
        if (c.isNew()) {
            completeness.setText("");
            return;
        }
        Completeness done = quality.completeness(c);
        completeness.setText(done.missing().isEmpty() ? Messages.get("editor.complete", done.score())
                : Messages.get("editor.completeness", done.score(), String.join(Messages.get("editor.listSeparator"), done.missing())));
    }

    /**
     * Where the customer stands with the ERP's business partner: not there yet, changes waiting, a change refused
     * (parked in Dead letters, e.g. a conflict), or in step; and ERP values that a change made here overrode.
     */
    private void showErp(Customer c) {
        if (c.isNew()) {
            erp.setText("");
            return;
        }
        List<OutboxMessage> messages = outbox.of("Customer", c.getId());
        OutboxMessage parked = messages.stream().filter(m -> m.getStatus() == OutboxMessage.Status.PARKED).reduce((a, b) -> b)
                .orElse(null);
        long waiting = messages.stream().filter(m -> m.getStatus() == OutboxMessage.Status.PENDING).count();
        String state = parked != null ? Messages.get("editor.erpParked", parked.getLastError())
                : waiting > 0 ? Messages.get("editor.erpWaiting", waiting)
                : c.getErpPartnerNo() != null && c.getErpVersion() != null ? Messages.get("editor.erpInStep", c.getErpPartnerNo(), c.getErpVersion())
                // an ERP without versions (iDempiere)
                : c.getErpPartnerNo() != null ? Messages.get("editor.erpInStepUnversioned", c.getErpPartnerNo())
                : Messages.get("editor.erpNone");
        List<org.guanxi.core.model.AuditEntry> overridden = audit.history("Customer", c.getId()).stream()
                .filter(e -> e.getField().startsWith("erpConflict.")).toList();
        if (!overridden.isEmpty()) {
            java.time.Instant last = overridden.stream().map(org.guanxi.core.model.AuditEntry::getAt).max(java.time.Instant::compareTo)
                    .orElseThrow();
            String values = overridden.stream().filter(e -> e.getAt().equals(last))
                    .map(e -> e.getField().substring("erpConflict.".length()) + " = " + e.getNewValue())
                    .collect(java.util.stream.Collectors.joining(Messages.get("editor.listSeparator")));
            state += "\n" + Messages.get("editor.erpOverridden", WHEN.format(last), values);
        }
        erp.setText(state);
    }

    @Inject
    @Optional
    void onCustomerChanged(@UIEventTopic(Topics.ALL_CUSTOMER) Event event) {
        if (customer != null && !customer.isNew() && erp != null && !erp.isDisposed()
                && customer.getId().equals(event.getProperty(Topics.PROPERTY_ID))) {
            try {
                showErp(customers.get(customer.getId()));
                erp.getParent().layout();
            } catch (RuntimeException e) {
                erp.setText(""); // deleted meanwhile: the list shows that
            }
        }
    }

    private void showValue(Customer c) {
        List<CustomerValue> history = c.isNew() ? List.of() : values.history(c.getId());
        if (history.isEmpty()) {
            value.setText(Messages.get("editor.valueNone"));
            return;
        }
        CustomerValue v = history.get(0);
        StringBuilder text = new StringBuilder()
                .append(Messages.get("editor.valueStatus", Messages.get("status." + v.status()), v.statusReason())).append('\n')
                .append(Messages.get("editor.valueTier", Labels.of(v.tier()), v.tierReason())).append('\n')
                .append(Messages.get("editor.valueStage", Labels.of(v.stage()), v.stageReason())).append('\n')
                .append(Messages.get("editor.valueRfm", v.r(), v.f(), v.m(), Labels.of(v.rfmSegment()),
                        Labels.of(v.quadrant()))).append('\n')
                .append(Messages.get("editor.valueClv", money(v.clvRealised()), money(v.clvPredicted()),
                        money(v.clvRealised().add(v.clvPredicted())), v.asOf()));
        if (history.size() > 1) {
            CustomerValue before = history.get(1);
            text.append('\n').append(Messages.get("editor.valueBefore", before.asOf(), Labels.of(before.tier()),
                    Labels.of(before.stage())));
        }
        value.setText(text.toString());
    }

    private void createTimeline(Composite parent) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(Messages.get("editor.interactions"));
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(g);
        channel = Widgets.id(new Combo(g, SWT.READ_ONLY), "interaction.channel");
        for (Channel c : Channel.values()) {
            channel.add(Messages.get("channel." + c));
        }
        channel.select(0);
        subject = Widgets.id(new Text(g, SWT.BORDER), "interaction.subject");
        subject.setMessage(Messages.get("editor.subjectHint"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(subject);
        subject.addListener(SWT.DefaultSelection, e -> logInteraction());
        logButton = Widgets.id(new Button(g, SWT.PUSH), "interaction.log");
        logButton.setText(Messages.get("editor.log"));
        logButton.addListener(SWT.Selection, e -> logInteraction());
        timeline = new TableViewer(g, SWT.FULL_SELECTION | SWT.BORDER);
        Widgets.id(timeline.getTable(), "interaction.table");
        timeline.getTable().setHeaderVisible(true);
        timeline.getTable().setLinesVisible(true);
        timeline.setContentProvider(ArrayContentProvider.getInstance());
        Columns.add(timeline, Interaction.class, Messages.get("interaction.when"), 130, i -> WHEN.format(i.getOccurredAt()));
        Columns.add(timeline, Interaction.class, Messages.get("interaction.channel"), 80, i -> Messages.get("channel." + i.getChannel()));
        Columns.add(timeline, Interaction.class, Messages.get("interaction.subject"), 260, Interaction::getSubject);
        Columns.add(timeline, Interaction.class, Messages.get("interaction.user"), 90, Interaction::getUser);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(SWT.DEFAULT, 110).applyTo(timeline.getTable());
    }

    /** Quick entry: one line and Enter, so agents log every contact while it is fresh. */
    private void logInteraction() {
        if (customer.isNew()) {
            return;
        }
        try {
            interactions.log(customer.getId(), Channel.values()[Math.max(0, channel.getSelectionIndex())], subject.getText(), null);
            subject.setText("");
            showTimeline(customer);
        } catch (ValidationException e) {
            showProblems(e.getErrors());
        } catch (RuntimeException e) {
            Errors.show(title.getShell(), e);
        }
    }

    private void showTimeline(Customer c) {
        boolean saved = !c.isNew();
        channel.setEnabled(saved);
        subject.setEnabled(saved);
        logButton.setEnabled(saved);
        timeline.setInput(saved ? interactions.timeline(c.getId(), 200) : List.of());
    }

    private static String money(java.math.BigDecimal v) {
        return String.format("%,.2f", v);
    }

    private void createContacts(Composite body) {
        Group g = group(body, "editor.contacts");
        contactTable = table(g, "customer.contacts");
        Runnable changed = this::changed;
        TextColumn.add(contactTable, Contact.class, Messages.get("contact.name"), 140, Contact::getName, Contact::setName, changed);
        TextColumn.add(contactTable, Contact.class, Messages.get("contact.role"), 120, Contact::getRole, Contact::setRole, changed);
        TextColumn.add(contactTable, Contact.class, Messages.get("contact.phone"), 150, Contact::getPhone, Contact::setPhone, changed);
        TextColumn.add(contactTable, Contact.class, Messages.get("contact.email"), 200, Contact::getEmail, Contact::setEmail, changed);
        rowButtons(g, "contact", () -> {
            Contact c = new Contact(Messages.get("contact.newName"), null, null, null);
            contacts.add(c);
            return c;
        }, contactTable, contacts);
    }

    private void createAddresses(Composite body) {
        Group g = group(body, "editor.addresses");
        addressTable = table(g, "customer.addresses");
        Runnable changed = this::changed;
        TextColumn.add(addressTable, Address.class, Messages.get("address.kind"), 90,
                a -> Messages.get("addressKind." + a.getKind()), (a, v) -> a.setKind(enumOf(AddressKind.class, "addressKind.", v, a.getKind())), changed);
        TextColumn.add(addressTable, Address.class, Messages.get("address.street"), 200, Address::getStreet, Address::setStreet, changed);
        TextColumn.add(addressTable, Address.class, Messages.get("address.city"), 90, Address::getCity, Address::setCity, changed);
        TextColumn.add(addressTable, Address.class, Messages.get("address.province"), 90, Address::getProvince, Address::setProvince, changed);
        TextColumn.add(addressTable, Address.class, Messages.get("address.postalCode"), 90, Address::getPostalCode, Address::setPostalCode, changed);
        rowButtons(g, "address", () -> {
            Address a = new Address(AddressKind.OFFICE, Messages.get("address.newStreet"), city.getText(), null, null, "CN");
            addresses.add(a);
            return a;
        }, addressTable, addresses);
    }

    private void createContactPoints(Composite body) {
        Group g = group(body, "editor.points");
        pointTable = table(g, "customer.points");
        Runnable changed = this::changed;
        TextColumn.add(pointTable, ContactPoint.class, Messages.get("point.kind"), 100, p -> Messages.get("pointKind." + p.getKind()),
                (p, v) -> p.setKind(enumOf(ContactPointKind.class, "pointKind.", v, p.getKind())), changed);
        TextColumn.add(pointTable, ContactPoint.class, Messages.get("point.value"), 220, ContactPoint::getValue, ContactPoint::setValue, changed);
        TextColumn.add(pointTable, ContactPoint.class, Messages.get("point.label"), 160, ContactPoint::getLabel, ContactPoint::setLabel, changed);
        rowButtons(g, "point", () -> {
            ContactPoint p = new ContactPoint(ContactPointKind.MOBILE, "", null);
            points.add(p);
            return p;
        }, pointTable, points);
    }

    private void createKeyDates(Composite body) {
        Group g = group(body, "editor.dates");
        dateTable = table(g, "customer.dates");
        Runnable changed = this::changed;
        TextColumn.add(dateTable, KeyDate.class, Messages.get("date.kind"), 100, d -> Messages.get("keyDate." + d.getKind()),
                (d, v) -> d.setKind(enumOf(KeyDateKind.class, "keyDate.", v, d.getKind())), changed);
        TextColumn.add(dateTable, KeyDate.class, Messages.get("date.label"), 180, KeyDate::getLabel, KeyDate::setLabel, changed);
        TextColumn.add(dateTable, KeyDate.class, Messages.get("date.day"), 110, d -> d.getDay() == null ? "" : d.getDay().toString(),
                (d, v) -> {
                    try {
                        d.setDay(LocalDate.parse(v.strip()));
                    } catch (DateTimeParseException e) {
                        showProblems(List.of(new FieldError("date." + (dates.indexOf(d) + 1) + ".day", "error.date")));
                    }
                }, changed);
        TextColumn.add(dateTable, KeyDate.class, Messages.get("date.lunar"), 90, d -> Messages.get(d.isLunar() ? "date.lunarYes" : "date.lunarNo"),
                (d, v) -> d.setLunar(v.strip().equalsIgnoreCase(Messages.get("date.lunarYes")) || v.strip().matches("(?i)yes|true|lunar|是|农历")), changed);
        rowButtons(g, "date", () -> {
            KeyDate d = new KeyDate(KeyDateKind.ANNIVERSARY, Messages.get("date.newLabel"), AppClock.today(), false);
            dates.add(d);
            return d;
        }, dateTable, dates);
    }

    /** Accepts the translated label or the enum name. */
    private static <E extends Enum<E>> E enumOf(Class<E> type, String prefix, String text, E fallback) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.strip()) || Messages.get(prefix + e.name()).equals(text.strip())) {
                return e;
            }
        }
        return fallback;
    }

    /** The person's consents as given and withdrawn over time (PIPL): read-only, written by every save that changes one. */
    private void createConsentLedger(Composite body) {
        Group g = group(body, "editor.consentLedger");
        consentLedger = new TableViewer(g, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        Widgets.id(consentLedger.getTable(), "customer.consentLedger");
        consentLedger.getTable().setHeaderVisible(true);
        consentLedger.getTable().setLinesVisible(true);
        consentLedger.setContentProvider(ArrayContentProvider.getInstance());
        Columns.add(consentLedger, ConsentEvent.class, Messages.get("ledger.when"), 120, e -> WHEN.format(e.at()));
        Columns.add(consentLedger, ConsentEvent.class, Messages.get("ledger.consent"), 150,
                e -> Messages.get("ledger.consent." + e.consent()));
        Columns.add(consentLedger, ConsentEvent.class, Messages.get("ledger.answer"), 75,
                e -> Messages.get(e.granted() ? "ledger.given" : "ledger.withdrawn"));
        Columns.add(consentLedger, ConsentEvent.class, Messages.get("ledger.source"), 120,
                e -> Messages.get("ledger.source." + e.source()));
        Columns.add(consentLedger, ConsentEvent.class, Messages.get("ledger.user"), 100, e -> e.user() == null ? "" : e.user());
        Columns.add(consentLedger, ConsentEvent.class, Messages.get("ledger.note"), 110, e -> e.note() == null ? "" : e.note());
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(SWT.DEFAULT, 90).applyTo(consentLedger.getTable());
    }

    private void createButtons(Composite body) {
        Composite row = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(row);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).grab(true, false).applyTo(row);
        keyAccount = button(row, "editor.keyAccount", "customer.keyAccount", () -> {
            if (!customer.isNew()) {
                new KeyAccountDialog(title.getShell(), accounts, customer).open();
            }
        });
        deliveredValue = button(row, "editor.deliveredValue", "customer.deliveredValue", () -> {
            if (!customer.isNew()) {
                new DeliveredValueDialog(title.getShell(), delivered, DeliveredValueService.Scope.CUSTOMER,
                        Long.toString(customer.getId()), customer.getCode() + "  " + customer.getName()).open();
            }
        });
        delete = button(row, "editor.delete", "customer.delete", this::delete);
        button(row, "editor.revert", "customer.revert", this::revert);
        button(row, "editor.save", "customer.save", this::save);
    }

    private Button button(Composite parent, String key, String id, Runnable action) {
        Button b = Widgets.id(new Button(parent, SWT.PUSH), id);
        b.setText(Messages.get(key));
        b.addListener(SWT.Selection, e -> action.run());
        GridDataFactory.swtDefaults().hint(Math.max(90, b.computeSize(SWT.DEFAULT, SWT.DEFAULT).x), SWT.DEFAULT).applyTo(b);
        return b;
    }

    private static Group group(Composite body, String key) {
        Group g = new Group(body, SWT.NONE);
        g.setText(Messages.get(key));
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(g);
        return g;
    }

    private static TableViewer table(Composite g, String id) {
        TableViewer v = new TableViewer(g, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
        Widgets.id(v.getTable(), id);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerEditor.create(v, new ColumnViewerEditorActivationStrategy(v), ColumnViewerEditor.TABBING_HORIZONTAL
                | ColumnViewerEditor.TABBING_MOVE_TO_ROW_NEIGHBOR | ColumnViewerEditor.KEYBOARD_ACTIVATION);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 90).applyTo(v.getTable());
        return v;
    }

    private <T> void rowButtons(Composite g, String id, java.util.function.Supplier<T> create, TableViewer viewer,
            List<T> rows) {
        Composite buttons = new Composite(g, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        Button add = Widgets.id(new Button(buttons, SWT.PUSH), id + ".add");
        add.setText(Messages.get("editor.add"));
        GridDataFactory.fillDefaults().applyTo(add);
        add.addListener(SWT.Selection, e -> {
            T row = create.get();
            viewer.refresh();
            viewer.editElement(row, 0);
            changed();
        });
        Button remove = Widgets.id(new Button(buttons, SWT.PUSH), id + ".remove");
        remove.setText(Messages.get("editor.remove"));
        GridDataFactory.fillDefaults().applyTo(remove);
        remove.addListener(SWT.Selection, e -> {
            Object selected = viewer.getStructuredSelection().getFirstElement();
            if (selected != null && rows.remove(selected)) {
                viewer.refresh();
                changed();
            }
        });
    }

    private static void label(Composite g, String key) {
        Label l = new Label(g, SWT.NONE);
        l.setText(Messages.get(key));
    }

    private Button check(Composite parent, String key, String id) {
        Button b = Widgets.id(new Button(parent, SWT.CHECK), "customer." + id);
        b.setText(Messages.get(key));
        b.addListener(SWT.Selection, e -> changed());
        return b;
    }

    /**
     * A field the service sends masked: said so in its tooltip and, for those who may, shown in full from its context
     * menu, each time recorded.
     */
    private void masked(Text t, PersonalDataService.Field field) {
        boolean may = personalData.mayReveal();
        t.setToolTipText(Messages.get(may ? "editor.masked.reveal" : "editor.masked"));
        if (!may) {
            return;
        }
        org.eclipse.swt.widgets.Menu menu = new org.eclipse.swt.widgets.Menu(t);
        org.eclipse.swt.widgets.MenuItem show = new org.eclipse.swt.widgets.MenuItem(menu, SWT.PUSH);
        show.setText(Messages.get("editor.reveal"));
        show.addListener(SWT.Selection, e -> {
            if (customer == null || customer.isNew()) {
                return;
            }
            try {
                String full = personalData.reveal(customer.getId(), field);
                filling = true;
                try {
                    set(t, full);
                } finally {
                    filling = false;
                }
            } catch (RuntimeException ex) {
                Errors.show(t.getShell(), ex);
            }
        });
        t.setMenu(menu);
    }

    private Text field(Composite g, String labelKey, String id, int span) {
        label(g, labelKey);
        Text t = text(g, id, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).hint(160, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private Text text(Composite g, String id, int style) {
        Text t = Widgets.id(new Text(g, SWT.BORDER | style), "customer." + id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(t);
        if ((style & SWT.READ_ONLY) == 0) {
            t.addModifyListener(e -> changed());
        }
        ControlDecoration d = new ControlDecoration(t, SWT.LEFT | SWT.TOP);
        d.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        d.hide();
        decorations.put(id, d);
        return t;
    }

    private void changed() {
        if (!filling) {
            part.setDirty(true);
        }
    }

    private Long customerId() {
        Object id = part.getTransientData().get(CustomerEditors.CUSTOMER_ID);
        return id instanceof Long l ? l : null;
    }

    private void load() {
        Long id = customerId();
        try {
            customer = id == null ? new Customer() : customers.get(id);
        } catch (RuntimeException e) {
            Errors.show(title.getShell(), e);
            customer = new Customer();
        }
        fill();
    }

    private void fill() {
        filling = true;
        try {
            Customer c = customer;
            kind.select(c.getKind() == null ? 0 : c.getKind().ordinal());
            code.setText(c.getCode() == null ? Messages.get("editor.codeAuto") : c.getCode());
            set(name, c.getName());
            set(phone, c.getPhone());
            set(email, c.getEmail());
            set(memberCard, c.getMemberCard());
            set(taxId, c.getTaxId());
            set(idNumber, c.getIdNumber());
            type.select(c.getType() == null ? 0 : c.getType().ordinal() + 1);
            consentPhone.setSelection(c.isConsentPhone());
            consentSms.setSelection(c.isConsentSms());
            consentEmail.setSelection(c.isConsentEmail());
            personalised.setSelection(c.isPersonalised());
            set(city, c.getCity());
            set(birthday, c.getBirthday() == null ? null : c.getBirthday().toString());
            source.setText(c.getSource() == null ? "" : sourceLabel(c.getSource()));
            set(owner, c.getOwner());
            set(categorySpend, c.getCategorySpend() == null ? null : c.getCategorySpend().toPlainString());
            set(notes, c.getNotes());
            contacts.clear();
            c.getContacts().forEach(k -> contacts.add(copyOf(k)));
            addresses.clear();
            c.getAddresses().forEach(a -> {
                Address copy = new Address(a.getKind(), a.getStreet(), a.getCity(), a.getProvince(), a.getPostalCode(),
                        a.getCountry());
                copy.setId(a.getId());
                addresses.add(copy);
            });
            points.clear();
            c.getContactPoints().forEach(p -> {
                ContactPoint copy = new ContactPoint(p.getKind(), p.getValue(), p.getLabel());
                copy.setId(p.getId());
                points.add(copy);
            });
            dates.clear();
            c.getKeyDates().forEach(d -> {
                KeyDate copy = new KeyDate(d.getKind(), d.getLabel(), d.getDay(), d.isLunar());
                copy.setId(d.getId());
                dates.add(copy);
            });
            contactTable.setInput(contacts);
            addressTable.setInput(addresses);
            pointTable.setInput(points);
            dateTable.setInput(dates);
            String label = c.isNew() ? Messages.get("editor.newTitle") : c.getName();
            title.setText(c.isNew() ? label : c.getCode() + "  " + label);
            showCompleteness(c);
            showErp(c);
            title.getParent().layout();
            part.setLabel(label);
            part.setTooltip(c.getCode());
            delete.setEnabled(!c.isNew());
            keyAccount.setEnabled(!c.isNew());
            deliveredValue.setEnabled(!c.isNew());
            showValue(c);
            showTimeline(c);
            consentLedger.setInput(c.isNew() ? List.of() : customers.consentHistory(c.getId()));
            // the value text and the rows change the form's height: scroll rather than squeeze
            scroll.setMinSize(body.computeSize(640, SWT.DEFAULT));
            body.layout(true, true);
            showProblems(List.of());
            part.setDirty(false);
        } finally {
            filling = false;
        }
    }

    /** Known sources are stored as codes and shown translated; anything else is kept as typed. */
    private static String sourceLabel(String code) {
        return java.util.Arrays.asList(SOURCES).contains(code) ? Messages.get("source." + code) : code;
    }

    private static String sourceCode(String label) {
        for (String code : SOURCES) {
            if (Messages.get("source." + code).equals(label) || code.equalsIgnoreCase(label)) {
                return code;
            }
        }
        return label;
    }

    /** A detached copy of a contact that keeps its id, decision-maker influence and attitude. */
    private static Contact copyOf(Contact k) {
        Contact copy = new Contact(k.getName(), k.getRole(), k.getPhone(), k.getEmail());
        copy.setId(k.getId());
        copy.setInfluence(k.getInfluence());
        copy.setAttitude(k.getAttitude());
        return copy;
    }

    private static void set(Text t, String value) {
        t.setText(value == null ? "" : value);
    }

    private static String value(Text t) {
        String s = t.getText().strip();
        return s.isEmpty() ? null : s;
    }

    /** The customer as the form shows it: the loaded state with the user's changes. */
    private Customer fromForm() {
        Customer c = new Customer();
        c.setId(customer.getId());
        c.setVersion(customer.getVersion());
        c.setCode(customer.getCode());
        c.setKind(PartyKind.values()[Math.max(0, kind.getSelectionIndex())]);
        c.setName(value(name));
        c.setPhone(value(phone));
        c.setEmail(value(email));
        c.setMemberCard(value(memberCard));
        c.setTaxId(value(taxId));
        c.setIdNumber(value(idNumber));
        c.setType(type.getSelectionIndex() <= 0 ? null : CustomerType.values()[type.getSelectionIndex() - 1]);
        c.setConsentPhone(consentPhone.getSelection());
        c.setConsentSms(consentSms.getSelection());
        c.setConsentEmail(consentEmail.getSelection());
        c.setPersonalised(personalised.getSelection());
        c.setCity(value(city));
        c.setSource(source.getText().isBlank() ? null : sourceCode(source.getText().strip()));
        c.setOwner(value(owner));
        c.setNotes(value(notes));
        String spend = value(categorySpend);
        if (spend != null) {
            try {
                c.setCategorySpend(new java.math.BigDecimal(spend.replace(",", "").replace("¥", "").strip()));
            } catch (NumberFormatException e) {
                throw new ValidationException(List.of(new FieldError("categorySpend", "error.number")));
            }
        }
        String b = value(birthday);
        if (b != null) {
            try {
                c.setBirthday(LocalDate.parse(b));
            } catch (DateTimeParseException e) {
                throw new ValidationException(List.of(new FieldError("birthday", "error.date")));
            }
        }
        contacts.forEach(k -> c.addContact(copyOf(k)));
        points.forEach(p -> {
            ContactPoint copy = new ContactPoint(p.getKind(), p.getValue(), p.getLabel());
            copy.setId(p.getId());
            c.addContactPoint(copy);
        });
        dates.forEach(d -> {
            KeyDate copy = new KeyDate(d.getKind(), d.getLabel(), d.getDay(), d.isLunar());
            copy.setId(d.getId());
            c.addKeyDate(copy);
        });
        addresses.forEach(a -> {
            Address copy = new Address(a.getKind(), a.getStreet(), a.getCity(), a.getProvince(), a.getPostalCode(),
                    a.getCountry());
            copy.setId(a.getId());
            c.addAddress(copy);
        });
        return c;
    }

    @Persist
    public void save() {
        try {
            customer = customers.save(fromForm());
            part.getTransientData().put(CustomerEditors.CUSTOMER_ID, customer.getId());
            fill();
        } catch (ValidationException e) {
            showProblems(e.getErrors());
        } catch (ConflictException e) {
            if (MessageDialog.openQuestion(title.getShell(), Messages.get("editor.conflictTitle"),
                    Messages.get("editor.conflict"))) {
                if (customer.isNew()) {
                    fill();
                } else {
                    load();
                }
            }
        } catch (RuntimeException e) {
            Errors.show(title.getShell(), e);
        }
    }

    @Override
    public void revert() {
        fill();
    }

    private void delete() {
        if (customer.isNew() || !MessageDialog.openConfirm(title.getShell(), Messages.get("editor.deleteTitle"),
                Messages.get("editor.deleteConfirm", customer.getName()))) {
            return;
        }
        try {
            customers.delete(customer.getId(), customer.getVersion());
            part.setDirty(false);
            parts.hidePart(part, true);
        } catch (ValidationException e) {
            showProblems(e.getErrors());
        } catch (ConflictException e) {
            MessageDialog.openWarning(title.getShell(), Messages.get("editor.conflictTitle"), e.getMessage());
            load();
        } catch (RuntimeException e) {
            Errors.show(title.getShell(), e);
        }
    }

    private void showProblems(List<FieldError> errors) {
        decorations.values().forEach(ControlDecoration::hide);
        StringBuilder text = new StringBuilder();
        for (FieldError e : errors) {
            text.append(text.isEmpty() ? Messages.get("editor.fix") : "").append("\n• ").append(e.message());
            ControlDecoration d = decorations.get(e.field());
            if (d != null) {
                d.setDescriptionText(e.message());
                d.show();
            }
        }
        problems.setText(text.toString());
        boolean show = !errors.isEmpty();
        problems.setVisible(show);
        ((org.eclipse.swt.layout.GridData) problems.getLayoutData()).exclude = !show;
        problems.getParent().layout(true, true);
    }

    @Focus
    void focus() {
        Control c = name;
        c.setFocus();
    }
}
