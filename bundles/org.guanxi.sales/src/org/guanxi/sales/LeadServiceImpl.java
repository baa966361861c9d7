package org.guanxi.sales;

import static org.guanxi.core.service.Checks.email;
import static org.guanxi.core.service.Checks.maxLength;
import static org.guanxi.core.service.Checks.phone;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.guanxi.core.db.AppSettings;
import org.guanxi.core.db.Codes;
import org.guanxi.core.Masking;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.Criterion;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.LeadStatus;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.sales.api.LeadService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Leads: checked, scored and audited writes; duplicates by phone, e-mail and name; conversion in one transaction. */
@Component(service = LeadService.class)
public class LeadServiceImpl implements LeadService {

    static final String ENTITY = "Lead";
    private static final String SETTINGS = "sales.lead.";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private final CustomerService customers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public LeadServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit,
            @Reference CustomerService customers) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.customers = customers;
    }

    @Override
    public Criteria criteria() {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(LeadServiceImpl::criteria);
    }

    static Criteria criteria(java.sql.Connection c) throws java.sql.SQLException {
        return LeadScoring.parse(AppSettings.read(c, SETTINGS));
    }

    @Override
    public void saveCriteria(Criteria criteria) {
        security.check(Permission.SALES_WRITE);
        Checks.throwIfAny(LeadScoring.check(criteria));
        db.jdbcTransaction(c -> {
            AppSettings.write(c, audit, "LeadScoring", SETTINGS, LeadScoring.values(criteria), security.currentUser());
            return null;
        });
    }

    @Override
    public Score score(Lead lead) {
        return score(lead, criteria());
    }

    @Override
    public Score score(Lead lead, Criteria criteria) {
        return LeadScoring.score(lead.ratings(), criteria);
    }

    @Override
    public Lead save(Lead input) {
        security.check(Permission.SALES_WRITE);
        if (!input.isNew() && !security.hasPermission(Permission.PERSONAL_DATA)) {
            // the form showed masks: what it gives back unchanged is the value held
            Lead held = db.read(em -> em.find(Lead.class, input.getId()));
            if (held != null) {
                input.setPhone(Masking.unmask(Masking.Kind.PHONE, input.getPhone(), held.getPhone()));
                input.setEmail(Masking.unmask(Masking.Kind.EMAIL, input.getEmail(), held.getEmail()));
            }
        }
        Checks.throwIfAny(validate(input));
        Score score = score(input);
        Lead saved = db.inTransaction(em -> {
            if (input.isNew()) {
                copy(input, input);
                return create(em, input, score, security.currentUser(), audit);
            }
            Lead lead = Entities.current(em, Lead.class, ENTITY, input.getId(), input.getVersion());
            Map<String, Object> before = snapshot(lead);
            copy(input, lead);
            applyScore(lead, score);
            em.flush();
            audit.record(em, ENTITY, lead.getId(), before, snapshot(lead));
            return lead;
        });
        Events.post(events, Topics.LEAD_CHANGED, saved.getId());
        return saved;
    }

    /** Stores a new, checked lead with a fresh code and its score, owned by {@code user} unless it names an owner. */
    static Lead create(EntityManager em, Lead lead, Score score, String user, AuditLog audit) {
        lead.setCode(Codes.next(em, "LEAD_NO_SEQ", "L"));
        if (blank(lead.getOwner())) {
            lead.setOwner(user);
        }
        applyScore(lead, score);
        em.persist(lead);
        em.flush();
        audit.record(em, ENTITY, lead.getId(), Map.of(), snapshot(lead));
        return lead;
    }

    /** The score moves an open lead between new and qualified; a decision (disqualified, converted) stays. */
    private static void applyScore(Lead lead, Score score) {
        lead.setScore(score.score());
        if (lead.getStatus() == LeadStatus.NEW || lead.getStatus() == LeadStatus.QUALIFIED) {
            lead.setStatus(score.qualifies() ? LeadStatus.QUALIFIED : LeadStatus.NEW);
        }
    }

    static void copy(Lead from, Lead to) {
        to.setPersonName(trim(from.getPersonName()));
        to.setCompany(trim(from.getCompany()));
        to.setPhone(trim(from.getPhone()));
        to.setEmail(trim(from.getEmail()));
        to.setCity(trim(from.getCity()));
        to.setSource(from.getSource());
        to.setSourceDetail(trim(from.getSourceDetail()));
        to.setOwner(blank(from.getOwner()) ? to.getOwner() : from.getOwner());
        to.setEstimatedAmount(from.getEstimatedAmount());
        to.setNotes(trim(from.getNotes()));
        for (Criterion c : Criterion.values()) {
            to.rate(c, from.rating(c));
        }
    }

    static List<FieldError> validate(Lead l) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(l.getPersonName()) && blank(l.getCompany())) {
            errors.add(new FieldError("leadName", "error.leadName"));
        }
        maxLength(errors, "personName", l.getPersonName(), 200);
        maxLength(errors, "company", l.getCompany(), 200);
        phone(errors, "phone", l.getPhone());
        email(errors, "email", l.getEmail());
        maxLength(errors, "email", l.getEmail(), 200);
        maxLength(errors, "city", l.getCity(), 100);
        maxLength(errors, "sourceDetail", l.getSourceDetail(), 200);
        maxLength(errors, "notes", l.getNotes(), 2000);
        Checks.required(errors, "source", l.getSource());
        for (Criterion c : Criterion.values()) {
            Checks.range(errors, "criterion." + c.name().toLowerCase(java.util.Locale.ROOT), l.rating(c), 0, LeadScoring.MAX_RATING);
        }
        maxLength(errors, "owner", l.getOwner(), 64);
        Checks.notNegative(errors, "estimatedAmount", l.getEstimatedAmount());
        Checks.money(errors, "estimatedAmount", l.getEstimatedAmount());
        return errors;
    }

    @Override
    public Lead get(long id) {
        security.check(Permission.CUSTOMER_READ);
        Lead lead = Entities.require(db.read(em -> em.find(Lead.class, id)), ENTITY, id);
        if (!security.hasPermission(Permission.PERSONAL_DATA)) {
            lead.setPhone(Masking.mask(Masking.Kind.PHONE, lead.getPhone()));
            lead.setEmail(Masking.mask(Masking.Kind.EMAIL, lead.getEmail()));
        }
        return lead;
    }

    @Override
    public List<LeadRow> find(String text, LeadStatus status, int limit) {
        security.check(Permission.CUSTOMER_READ);
        String prefix = text == null ? "" : text.strip();
        StringBuilder sql = new StringBuilder("SELECT ID, CODE, COMPANY, PERSON_NAME, PHONE, CITY, STATUS, SCORE, OWNER_LOGIN, SOURCE "
                + "FROM SALES_LEAD WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND STATUS = ?");
            args.add(status.name());
        }
        if (!prefix.isEmpty()) {
            String digits = SearchKeys.phoneKey(prefix);
            sql.append(" AND (NAME_KEY LIKE ? OR PINYIN_KEY LIKE ? OR CODE = ?");
            args.add(SearchKeys.nameKey(prefix) + "%");
            args.add(SearchKeys.nameKey(prefix).replace(" ", "") + "%");
            args.add(prefix.toUpperCase(java.util.Locale.ROOT));
            if (digits != null && digits.length() >= 3) {
                // those who see phones masked find one only typed in full, not uncovered digit by digit
                boolean full = security.hasPermission(Permission.PERSONAL_DATA);
                // on a team database they read the masked view, whose keys are tokens of the key
                sql.append(full ? " OR PHONE_KEY LIKE ?" : db.jdbc(SqlDialect::readsMasked) ? " OR PHONE_KEY = " + SqlDialect.MASKED_KEY
                        : " OR PHONE_KEY = ?");
                args.add(full ? digits + "%" : digits);
            }
            sql.append(')');
        }
        sql.append(" ORDER BY CREATED_AT DESC, ID DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        boolean full = security.hasPermission(Permission.PERSONAL_DATA);
        return db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<LeadRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String company = rs.getString(3);
                        rows.add(new LeadRow(rs.getLong(1), rs.getString(2), blank(company) ? rs.getString(4) : company,
                                full ? rs.getString(5) : Masking.mask(Masking.Kind.PHONE, rs.getString(5)), rs.getString(6),
                                LeadStatus.valueOf(rs.getString(7)),
                                (Integer) rs.getObject(8), rs.getString(9), rs.getString(10)));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public List<Duplicate> duplicates(Lead lead) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> duplicates(c, lead));
    }

    /** Customers and other leads with the lead's phone, e-mail or name; one row per party, the strongest match first. */
    static List<Duplicate> duplicates(java.sql.Connection c, Lead lead) throws java.sql.SQLException {
        String phone = SearchKeys.phoneKey(lead.getPhone());
        String mail = SearchKeys.emailKey(lead.getEmail());
        List<String> names = new ArrayList<>();
        for (String n : new String[] { lead.getCompany(), lead.getPersonName() }) {
            if (!blank(n)) {
                names.add(SearchKeys.nameKey(n));
            }
        }
        long self = lead.getId() == null ? -1 : lead.getId();
        Set<Duplicate> found = new LinkedHashSet<>();
        for (String[] table : new String[][] { { "customer", "SELECT ID, CODE, NAME FROM CUSTOMER WHERE %s = ? FETCH FIRST 20 ROWS ONLY" },
                { "lead", "SELECT ID, CODE, COALESCE(COMPANY, PERSON_NAME) FROM SALES_LEAD WHERE %s = ? AND ID <> " + self
                        + " FETCH FIRST 20 ROWS ONLY" } }) {
            match(c, table, "PHONE_KEY", "phone", phone, found);
            match(c, table, "EMAIL_KEY", "email", mail, found);
            for (String name : names) {
                match(c, table, "NAME_KEY", "name", name, found);
            }
        }
        Map<String, Duplicate> byParty = new LinkedHashMap<>();
        for (Duplicate d : found) {
            byParty.putIfAbsent(d.kind() + d.id(), d);
        }
        return List.copyOf(byParty.values());
    }

    private static void match(java.sql.Connection c, String[] table, String column, String label, String key,
            Set<Duplicate> found) throws java.sql.SQLException {
        if (blank(key)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(String.format(table[1], column))) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Duplicate(table[0], rs.getLong(1), rs.getString(2), rs.getString(3), label));
                }
            }
        }
    }

    @Override
    public Lead disqualify(long id, long version, String reason) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "reason", reason, 400);
        Checks.throwIfAny(errors);
        Lead saved = db.inTransaction(em -> {
            Lead lead = current(em, id, version);
            if (lead.getStatus() == LeadStatus.CONVERTED) {
                throw new org.guanxi.core.service.ValidationException(List.of(new FieldError("status", "error.leadConverted", lead.getCode())));
            }
            Map<String, Object> before = snapshot(lead);
            lead.setStatus(LeadStatus.DISQUALIFIED);
            String note = reason.strip();
            lead.setNotes(blank(lead.getNotes()) ? note : truncate(lead.getNotes() + "\n" + note, 2000));
            em.flush();
            audit.record(em, ENTITY, lead.getId(), before, snapshot(lead));
            return lead;
        });
        Events.post(events, Topics.LEAD_CHANGED, id);
        return saved;
    }

    @Override
    public Converted convert(long leadId, long version, Conversion conversion) {
        security.check(Permission.SALES_WRITE);
        security.check(Permission.CUSTOMER_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "opportunityName", conversion.opportunityName(), 200);
        Checks.required(errors, "expectedClose", conversion.expectedClose());
        Checks.notNegative(errors, "amount", conversion.amount());
        Checks.throwIfAny(errors);
        Converted done = db.inTransaction(em -> {
            Lead lead = current(em, leadId, version);
            if (lead.getStatus() == LeadStatus.CONVERTED || lead.getStatus() == LeadStatus.DISQUALIFIED) {
                throw new org.guanxi.core.service.ValidationException(List.of(new FieldError("status",
                        lead.getStatus() == LeadStatus.CONVERTED ? "error.leadConverted" : "error.leadDisqualified", lead.getCode())));
            }
            Map<String, Object> before = snapshot(lead);
            Customer customer = conversion.existingCustomerId() == null ? newCustomer(em, lead) : existing(em, conversion.existingCustomerId());
            Long contactId = contactFor(em, lead, customer);
            Opportunity o = new Opportunity();
            o.setCode(Codes.next(em, "OPPORTUNITY_NO_SEQ", "OP"));
            o.setName(conversion.opportunityName().strip());
            o.setCustomerId(customer.getId());
            o.setContactId(contactId);
            o.setLeadId(lead.getId());
            // a qualified lead has passed prospecting
            o.setStage(SalesStage.QUALIFICATION);
            o.setAmount(Objects.requireNonNullElse(conversion.amount(), Objects.requireNonNullElse(lead.getEstimatedAmount(), BigDecimal.ZERO)));
            o.setExpectedClose(conversion.expectedClose());
            o.setOwner(lead.getOwner());
            em.persist(o);
            em.flush();
            audit.record(em, OpportunityServiceImpl.ENTITY, o.getId(), Map.of(), OpportunityServiceImpl.snapshot(o));
            lead.setStatus(LeadStatus.CONVERTED);
            lead.setCustomerId(customer.getId());
            lead.setOpportunityId(o.getId());
            em.flush();
            audit.record(em, ENTITY, lead.getId(), before, snapshot(lead));
            return new Converted(customer.getId(), contactId, o.getId());
        });
        Events.post(events, Topics.CUSTOMER_CHANGED, done.customerId());
        Events.post(events, Topics.LEAD_CHANGED, leadId);
        Events.post(events, Topics.OPPORTUNITY_CHANGED, done.opportunityId());
        return done;
    }

    private Customer newCustomer(EntityManager em, Lead lead) {
        Customer c = new Customer();
        c.setKind(blank(lead.getCompany()) ? PartyKind.PERSON : PartyKind.ORGANISATION);
        c.setName(lead.displayName());
        c.setPhone(lead.getPhone());
        c.setEmail(lead.getEmail());
        c.setCity(lead.getCity());
        c.setSource(lead.getSource().name());
        c.setOwner(lead.getOwner());
        return customers.createIn(em, c);
    }

    private static Customer existing(EntityManager em, long id) {
        return Entities.require(em.find(Customer.class, id), "Customer", id);
    }

    /** The lead's person as a contact of an organisation (new or existing) or of an existing customer; null otherwise. */
    private Long contactFor(EntityManager em, Lead lead, Customer customer) {
        boolean personIsTheCustomer = customer.getKind() == PartyKind.PERSON && blank(lead.getCompany())
                && Objects.equals(SearchKeys.nameKey(customer.getName()), SearchKeys.nameKey(lead.getPersonName()));
        if (blank(lead.getPersonName()) || personIsTheCustomer) {
            return null;
        }
        Contact contact = new Contact();
        contact.setName(lead.getPersonName());
        contact.setPhone(lead.getPhone());
        contact.setEmail(lead.getEmail());
        customer.addContact(contact);
        em.persist(contact);
        // the customer is one aggregate: a new contact moves its version on, as an edit in the editor would
        em.lock(customer, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        audit.record(em, "Customer", customer.getId(), Map.of(), Map.of("contact." + contact.getId(), contact.getName()));
        return contact.getId();
    }

    private static Lead current(EntityManager em, long id, long version) {
        return Entities.current(em, Lead.class, ENTITY, id, version);
    }

    static Map<String, Object> snapshot(Lead l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", l.getCode());
        m.put("personName", l.getPersonName());
        m.put("company", l.getCompany());
        m.put("phone", l.getPhone());
        m.put("email", l.getEmail());
        m.put("city", l.getCity());
        m.put("source", l.getSource());
        m.put("sourceDetail", l.getSourceDetail());
        m.put("status", l.getStatus());
        m.put("owner", l.getOwner());
        l.ratings().forEach((c, v) -> m.put("criterion." + c.name().toLowerCase(java.util.Locale.ROOT), v));
        m.put("score", l.getScore());
        m.put("estimatedAmount", l.getEstimatedAmount());
        m.put("notes", l.getNotes());
        m.put("customerId", l.getCustomerId());
        m.put("opportunityId", l.getOpportunityId());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
