package org.guanxi.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.guanxi.core.event.Events;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Address;
import org.guanxi.core.model.BaseEntity;
import org.guanxi.core.model.Contact;
import org.guanxi.core.model.ContactPoint;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.KeyDate;
import org.guanxi.core.model.Permission;
import org.guanxi.core.db.ConsentLedger;
import org.guanxi.core.model.Consent;
import org.guanxi.core.model.ConsentEvent;
import org.guanxi.core.model.ConsentSource;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Customer master data: a save checks the permission, validates, writes the customer with its contacts and
 * addresses and one audit row per changed field in one transaction, and refuses stale edits.
 */
@Component(service = CustomerService.class)
public class CustomerServiceImpl implements CustomerService {

    static final String ENTITY = "Customer";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;
    private final Outbox outbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public CustomerServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference AuditLog audit, @Reference Outbox outbox) {
        this.db = db;
        this.security = security;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Override
    public int count(String searchText, int atMost) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> CustomerListQuery.count(em, search(searchText), atMost));
    }

    @Override
    public List<CustomerRow> find(String searchText, int offset, int limit) {
        security.check(Permission.CUSTOMER_READ);
        List<CustomerRow> rows = db.read(em -> CustomerListQuery.find(em, search(searchText), offset, limit));
        // the search ran on the values held: an agent who types a full phone finds the customer, shown masked
        return security.hasPermission(Permission.PERSONAL_DATA) ? rows : rows.stream().map(CustomerMasking::mask).toList();
    }

    /** Those who see phones masked find one only by typing it in full. */
    private CustomerSearch search(String text) {
        boolean masked = !security.hasPermission(Permission.PERSONAL_DATA);
        return CustomerSearch.of(text, masked, masked && db.jdbc(SqlDialect::readsMasked));
    }

    @Override
    public Customer get(long id) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> {
            Customer c = em.find(Customer.class, id);
            if (c == null) {
                throw new NotFoundException(ENTITY, id);
            }
            c.getContacts().size();
            c.getAddresses().size();
            c.getContactPoints().size();
            c.getKeyDates().size();
            em.detach(c);
            return security.hasPermission(Permission.PERSONAL_DATA) ? c : CustomerMasking.mask(c);
        });
    }

    @Override
    public Customer save(Customer input) {
        security.check(Permission.CUSTOMER_WRITE);
        if (!input.isNew() && !security.hasPermission(Permission.PERSONAL_DATA)) {
            // the form showed masks: what it gives back unchanged is the value held, not the mask
            Customer held = db.read(em -> {
                Customer c = em.find(Customer.class, input.getId());
                if (c != null) {
                    c.getContacts().size();
                    c.getAddresses().size();
                    c.getContactPoints().size();
                }
                return c;
            });
            if (held != null) {
                CustomerMasking.unmask(input, held);
            }
        }
        List<FieldError> errors = CustomerValidator.validate(input);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Customer saved = db.inTransaction(em -> input.isNew() ? create(em, input) : update(em, input));
        publish(Topics.CUSTOMER_CHANGED, saved.getId());
        return get(saved.getId());
    }

    @Override
    public Customer createIn(EntityManager em, Customer input) {
        security.check(Permission.CUSTOMER_WRITE);
        List<FieldError> errors = CustomerValidator.validate(input);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return create(em, input);
    }

    private Customer create(EntityManager em, Customer input) {
        if (blank(input.getCode())) {
            input.setCode(nextCode(em));
        }
        if (blank(input.getOwner())) {
            input.setOwner(security.currentUser());
        }
        checkUnique(em, input);
        input.getContacts().forEach(c -> c.setCustomer(input));
        input.getAddresses().forEach(a -> a.setCustomer(input));
        input.getContactPoints().forEach(p -> p.setCustomer(input));
        input.getKeyDates().forEach(d -> d.setCustomer(input));
        em.persist(input);
        em.flush();
        audit.record(em, ENTITY, input.getId(), Map.of(), snapshot(input));
        recordConsent(em, input.getId(), Map.of(), input);
        tellErp(em, input, "created");
        return input;
    }

    private Customer update(EntityManager em, Customer input) {
        Customer current = em.find(Customer.class, input.getId());
        if (current == null || current.getVersion() != input.getVersion()) {
            throw new ConflictException(null);
        }
        checkUnique(em, input);
        Map<String, Object> before = snapshot(current);
        Map<String, Object> partnerBefore = CustomerMessages.partnerFields(current);
        Map<Consent, Boolean> consentBefore = Consent.of(current);
        current.setKind(input.getKind());
        current.setCode(blank(input.getCode()) ? current.getCode() : input.getCode());
        current.setName(input.getName());
        current.setPhone(input.getPhone());
        current.setEmail(input.getEmail());
        current.setMemberCard(input.getMemberCard());
        current.setTaxId(input.getTaxId());
        current.setCity(input.getCity());
        current.setIdNumber(input.getIdNumber());
        current.setType(input.getType());
        current.setConsentEmail(input.isConsentEmail());
        current.setConsentSms(input.isConsentSms());
        current.setConsentPhone(input.isConsentPhone());
        current.setPersonalised(input.isPersonalised());
        recordConsent(em, current.getId(), consentBefore, current);
        current.setCategorySpend(input.getCategorySpend());
        current.setBirthday(input.getBirthday());
        current.setSource(input.getSource());
        current.setOwner(input.getOwner());
        current.setNotes(input.getNotes());
        syncChildren(current.getContacts(), input.getContacts(), current::addContact, (to, from) -> {
            to.setName(from.getName());
            to.setRole(from.getRole());
            to.setPhone(from.getPhone());
            to.setEmail(from.getEmail());
            to.setInfluence(from.getInfluence());
            to.setAttitude(from.getAttitude());
        });
        syncChildren(current.getContactPoints(), input.getContactPoints(), current::addContactPoint, (to, from) -> {
            to.setKind(from.getKind());
            to.setValue(from.getValue());
            to.setLabel(from.getLabel());
        });
        syncChildren(current.getKeyDates(), input.getKeyDates(), current::addKeyDate, (to, from) -> {
            to.setKind(from.getKind());
            to.setLabel(from.getLabel());
            to.setDay(from.getDay());
            to.setLunar(from.isLunar());
        });
        syncChildren(current.getAddresses(), input.getAddresses(), current::addAddress, (to, from) -> {
            to.setKind(from.getKind());
            to.setStreet(from.getStreet());
            to.setCity(from.getCity());
            to.setProvince(from.getProvince());
            to.setPostalCode(from.getPostalCode());
            to.setCountry(from.getCountry());
        });
        // the customer is one aggregate: any change, even to a contact only, moves its version on
        em.lock(current, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        audit.record(em, ENTITY, current.getId(), before, snapshot(current));
        if (!partnerBefore.equals(CustomerMessages.partnerFields(current))) {
            tellErp(em, current, "changed");
        }
        return current;
    }

    /** The ERP's business partner follows the customer: the message commits with the change or not at all. */
    private void tellErp(EntityManager em, Customer c, String event) {
        outbox.append(em, Outbox.CUSTOMER_CHANGED, ENTITY, c.getId(), CustomerMessages.key(c),
                CustomerMessages.document(c, event));
    }

    /** Updates children that still exist, adds new ones (no id) and removes the rest. */
    private static <T extends BaseEntity> void syncChildren(List<T> current, List<T> wanted,
            java.util.function.Consumer<T> add, java.util.function.BiConsumer<T, T> copy) {
        Map<Long, T> byId = current.stream().collect(Collectors.toMap(BaseEntity::getId, Function.identity()));
        List<Long> keep = wanted.stream().map(BaseEntity::getId).filter(Objects::nonNull).toList();
        current.removeIf(c -> !keep.contains(c.getId()));
        for (T w : wanted) {
            T existing = w.getId() == null ? null : byId.get(w.getId());
            if (existing != null) {
                copy.accept(existing, w);
            } else {
                w.setId(null);
                add.accept(w);
            }
        }
    }

    private static void checkUnique(EntityManager em, Customer c) {
        long self = c.getId() == null ? -1 : c.getId();
        List<String> taken = em.createQuery("SELECT c.code FROM Customer c WHERE c.code = :code AND c.id <> :self", String.class)
                .setParameter("code", c.getCode()).setParameter("self", self).getResultList();
        if (!taken.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("code", "error.codeTaken", c.getCode())));
        }
        if (!blank(c.getMemberCard())) {
            List<String> owners = em.createQuery(
                    "SELECT c.name FROM Customer c WHERE c.memberCard = :card AND c.id <> :self", String.class)
                    .setParameter("card", c.getMemberCard()).setParameter("self", self).getResultList();
            if (!owners.isEmpty()) {
                throw new ValidationException(
                        List.of(new FieldError("memberCard", "error.memberCardTaken", c.getMemberCard(), owners.get(0))));
            }
        }
    }

    private void recordConsent(EntityManager em, long id, Map<Consent, Boolean> before, Customer after) {
        Database.jdbc(em, c -> ConsentLedger.record(c, id, before, Consent.of(after), ConsentSource.EDITOR,
                security.currentUser(), null));
    }

    @Override
    public List<ConsentEvent> consentHistory(long customerId) {
        security.check(Permission.CUSTOMER_READ);
        return db.jdbc(c -> ConsentLedger.history(c, customerId));
    }

    @Override
    public void delete(long id, long version) {
        security.check(Permission.CUSTOMER_DELETE);
        db.inTransactionDo(em -> {
            Customer c = em.find(Customer.class, id);
            if (c == null || c.getVersion() != version) {
                throw new ConflictException(null);
            }
            long refs = em.createQuery("SELECT COUNT(o) FROM SalesOrder o WHERE o.customer.id = :id", Long.class)
                    .setParameter("id", id).getSingleResult()
                    + em.createQuery("SELECT COUNT(i) FROM Invoice i WHERE i.customer.id = :id", Long.class)
                            .setParameter("id", id).getSingleResult();
            if (refs > 0) {
                throw new ValidationException(List.of(new FieldError("name", "error.hasOrders", refs)));
            }
            em.createQuery("DELETE FROM Interaction i WHERE i.customer.id = :id").setParameter("id", id).executeUpdate();
            em.createNativeQuery("DELETE FROM CONSENT_EVENT WHERE CUSTOMER_ID = ?").setParameter(1, id).executeUpdate();
            audit.record(em, ENTITY, id, snapshot(c), Map.of());
            em.remove(c);
        });
        publish(Topics.CUSTOMER_DELETED, id);
    }

    @Override
    public String nextCode() {
        return db.read(this::nextCode);
    }

    private String nextCode(EntityManager em) {
        String max = em.createQuery("SELECT MAX(c.code) FROM Customer c WHERE c.code LIKE 'C%'", String.class)
                .getSingleResult();
        // the code of a customer merged away stays taken, so that undoing the merge can bring it back
        Object merged = em.createNativeQuery("SELECT MAX(MERGED_CODE) FROM CUSTOMER_MERGE WHERE MERGED_CODE LIKE 'C%'")
                .getSingleResult();
        return String.format("C%07d", Math.max(codeNumber(max), codeNumber((String) merged)) + 1);
    }

    /** The number of a code like C0001234, 0 for other codes. */
    public static long codeNumber(String code) {
        return code != null && code.substring(1).matches("\\d{1,15}") ? Long.parseLong(code.substring(1)) : 0;
    }

    /** Field values as the audit trail shows them, children keyed by their id. */
    static Map<String, Object> snapshot(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.getCode());
        m.put("kind", c.getKind());
        m.put("name", c.getName());
        m.put("phone", c.getPhone());
        m.put("email", c.getEmail());
        m.put("memberCard", c.getMemberCard());
        m.put("taxId", c.getTaxId());
        m.put("city", c.getCity());
        m.put("idNumber", c.getIdNumber());
        m.put("type", c.getType());
        m.put("consentEmail", c.isConsentEmail());
        m.put("consentSms", c.isConsentSms());
        m.put("consentPhone", c.isConsentPhone());
        m.put("personalised", c.isPersonalised());
        m.put("birthday", c.getBirthday());
        m.put("categorySpend", c.getCategorySpend());
        m.put("source", c.getSource());
        m.put("owner", c.getOwner());
        m.put("notes", c.getNotes());
        for (Contact k : c.getContacts()) {
            String p = "contact[" + k.getId() + "].";
            m.put(p + "name", k.getName());
            m.put(p + "role", k.getRole());
            m.put(p + "phone", k.getPhone());
            m.put(p + "email", k.getEmail());
            m.put(p + "influence", k.getInfluence());
            m.put(p + "attitude", k.getAttitude());
        }
        for (ContactPoint k : c.getContactPoints()) {
            String p = "point[" + k.getId() + "].";
            m.put(p + "kind", k.getKind());
            m.put(p + "value", k.getValue());
            m.put(p + "label", k.getLabel());
        }
        for (KeyDate k : c.getKeyDates()) {
            String p = "date[" + k.getId() + "].";
            m.put(p + "kind", k.getKind());
            m.put(p + "label", k.getLabel());
            m.put(p + "day", k.getDay());
            m.put(p + "lunar", k.isLunar());
        }
        for (Address a : c.getAddresses()) {
            String p = "address[" + a.getId() + "].";
            m.put(p + "kind", a.getKind());
            m.put(p + "street", a.getStreet());
            m.put(p + "city", a.getCity());
            m.put(p + "province", a.getProvince());
            m.put(p + "postalCode", a.getPostalCode());
            m.put(p + "country", a.getCountry());
        }
        m.values().removeIf(Objects::isNull);
        return m;
    }

    private void publish(String topic, long id) {
        Events.post(events, topic, id);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
