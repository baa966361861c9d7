package org.guanxi.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ErpPartnerSync;
import org.guanxi.core.service.Outbox;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;

/**
 * Writes back what the ERP says about business partners. The ERP's number and version are written with an SQL
 * update that leaves the customer's own version alone: an acknowledgement arriving while a user edits the customer
 * must not make the user's save a conflict. A change of the ERP's values is a real change and moves it on.
 */
@Component(service = ErpPartnerSync.class)
public class ErpPartnerSyncImpl implements ErpPartnerSync {

    /** Field names in the customer's history for ERP values that a pending CRM change overrode. */
    static final String CONFLICT_PREFIX = "erpConflict.";
    private static final int LOAD_CHUNK = 500;
    private static final Logger LOG = Logger.getLogger(ErpPartnerSyncImpl.class.getName());

    private final Database db;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SecurityService security;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ErpPartnerSyncImpl(@Reference Database db, @Reference AuditLog audit, @Reference Outbox outbox,
            @Reference SecurityService security) {
        this.db = db;
        this.audit = audit;
        this.outbox = outbox;
        this.security = security;
    }

    @Override
    public Long knownVersion(long messageId) {
        return db.read(em -> {
            Customer c = customerOf(em, messageId);
            return c == null ? null : c.getErpVersion();
        });
    }

    @Override
    public void accepted(long messageId, String partnerNo, Long version, String answer) {
        Long changed = outbox.acknowledge(db, messageId, answer, em -> {
            Customer c = customerOf(em, messageId);
            if (c == null || (partnerNo == null || partnerNo.equals(c.getErpPartnerNo())) && !newer(version, c)) {
                return null;
            }
            Map<String, Object> before = erpFields(c);
            String no = partnerNo == null ? c.getErpPartnerNo() : partnerNo;
            Long v = newer(version, c) ? version : c.getErpVersion();
            writeErpFields(em, c.getId(), no, v);
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.put("erpPartnerNo", no);
            after.put("erpVersion", v);
            audit.record(em, CustomerServiceImpl.ENTITY, c.getId(), before, after);
            return c.getId();
        });
        if (changed != null) {
            Events.post(events, Topics.CUSTOMER_CHANGED, changed);
        }
    }

    @Override
    public Outcome apply(PartnerUpdate u) {
        Object[] result = db.inTransaction(em -> {
            Customer c = em.createQuery("SELECT c FROM Customer c WHERE c.code = :code", Customer.class)
                    .setParameter("code", u.code()).getResultStream().findFirst().orElse(null);
            if (c == null) {
                return new Object[] { Outcome.CREATED, create(em, u) };
            }
            if (c.getErpVersion() != null && u.version() <= c.getErpVersion()) {
                return new Object[] { Outcome.ALREADY_KNOWN, null };
            }
            Map<String, Object> before = CustomerServiceImpl.snapshot(c);
            before.putAll(erpFields(c));
            if (hasUnsentChange(em, c.getId())) {
                // the CRM's change goes out as an update of this version and wins; what it overrides stays readable
                Map<String, Object> overridden = new LinkedHashMap<>();
                Map<String, Object> kept = new LinkedHashMap<>();
                erpValues(u).forEach((field, erpValue) -> {
                    Object crmValue = before.get(field);
                    if (!Objects.equals(crmValue, erpValue)) {
                        kept.put(CONFLICT_PREFIX + field, crmValue);
                        overridden.put(CONFLICT_PREFIX + field, erpValue);
                    }
                });
                audit.record(em, CustomerServiceImpl.ENTITY, c.getId(), kept, overridden);
                writeErpFields(em, c.getId(), u.partnerNo(), u.version());
                LOG.warning(() -> "Business partner " + u.code() + " changed in the ERP (version " + u.version()
                        + ") while the CRM's change is unsent: the CRM's change will override " + overridden.keySet());
                return new Object[] { Outcome.CONFLICT, c.getId() };
            }
            String name = u.name() == null || u.name().isBlank() ? c.getName() : u.name();
            c.setName(name);
            c.setTaxId(u.taxId());
            c.setPhone(u.phone());
            c.setEmail(u.email());
            c.setErpPartnerNo(u.partnerNo());
            c.setErpVersion(u.version());
            em.flush();
            Map<String, Object> after = CustomerServiceImpl.snapshot(c);
            after.putAll(erpFields(c));
            audit.record(em, CustomerServiceImpl.ENTITY, c.getId(), before, after);
            return new Object[] { Outcome.APPLIED, c.getId() };
        });
        if (result[1] != null) {
            Events.post(events, Topics.CUSTOMER_CHANGED, (Long) result[1]);
        }
        return (Outcome) result[0];
    }

    /** A partner entered in the ERP becomes a customer under the ERP's code; it is not sent back. */
    private Long create(EntityManager em, PartnerUpdate u) {
        Customer c = new Customer();
        c.setCode(u.code());
        c.setKind(PartyKind.ORGANISATION);
        c.setName(u.name() == null || u.name().isBlank() ? u.code() : u.name());
        c.setTaxId(u.taxId());
        c.setPhone(u.phone());
        c.setEmail(u.email());
        c.setSource("ERP");
        c.setErpPartnerNo(u.partnerNo());
        c.setErpVersion(u.version());
        em.persist(c);
        em.flush();
        Map<String, Object> after = CustomerServiceImpl.snapshot(c);
        after.putAll(erpFields(c));
        audit.record(em, CustomerServiceImpl.ENTITY, c.getId(), Map.of(), after);
        return c.getId();
    }

    @Override
    public int queueMissing() {
        security.check(Permission.INTEGRATION_ADMIN);
        List<Long> ids = db.read(em -> em.createQuery("SELECT c.id FROM Customer c WHERE c.erpPartnerNo IS NULL AND NOT EXISTS "
                + "(SELECT m FROM OutboxMessage m WHERE m.aggregateType = :type AND m.aggregateId = c.id AND m.status IN :open) "
                + "ORDER BY c.id", Long.class).setParameter("type", CustomerServiceImpl.ENTITY)
                .setParameter("open", List.of(OutboxMessage.Status.PENDING, OutboxMessage.Status.PARKED)).getResultList());
        int queued = 0;
        // in chunks, so that a million customers do not make one transaction
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK));
            queued += db.inTransaction(em -> {
                int n = 0;
                for (Long id : chunk) {
                    Customer c = em.find(Customer.class, id);
                    // a message of this very version went out before (and its answer carried no number): not again
                    if (c != null && em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.idempotencyKey = :key", Long.class)
                            .setParameter("key", CustomerMessages.key(c)).getSingleResult() == 0) {
                        outbox.append(em, Outbox.CUSTOMER_CHANGED, CustomerServiceImpl.ENTITY, c.getId(), CustomerMessages.key(c),
                                CustomerMessages.document(c, "created"));
                        n++;
                    }
                }
                return n;
            });
        }
        int total = queued;
        LOG.info(() -> "Initial load: " + total + " customers queued for the ERP");
        return total;
    }

    private Customer customerOf(EntityManager em, long messageId) {
        Long id = outbox.aggregateId(em, messageId, CustomerServiceImpl.ENTITY);
        return id == null ? null : em.find(Customer.class, id);
    }

    private static boolean newer(Long version, Customer c) {
        return version != null && (c.getErpVersion() == null || version > c.getErpVersion());
    }

    private static boolean hasUnsentChange(EntityManager em, long customerId) {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.aggregateType = :type AND m.aggregateId = :id"
                + " AND m.status IN :open", Long.class)
                .setParameter("type", CustomerServiceImpl.ENTITY).setParameter("id", customerId)
                .setParameter("open", List.of(OutboxMessage.Status.PENDING, OutboxMessage.Status.PARKED))
                .getSingleResult() > 0;
    }

    /**
     * SQL, not JPQL: EclipseLink's bulk JPQL update moves the version on, which is what this must not do. The cast
     * types a null version, which EclipseLink binds as text (PostgreSQL puts no text into a number column).
     */
    private static void writeErpFields(EntityManager em, long customerId, String partnerNo, Long version) {
        em.createNativeQuery("UPDATE CUSTOMER SET ERP_PARTNER_NO = ?, ERP_VERSION = CAST(? AS BIGINT) WHERE ID = ?")
                .setParameter(1, partnerNo).setParameter(2, version).setParameter(3, customerId).executeUpdate();
    }

    private static Map<String, Object> erpFields(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("erpPartnerNo", c.getErpPartnerNo());
        m.put("erpVersion", c.getErpVersion());
        return m;
    }

    /** The ERP's values under the names the customer's history uses. */
    private static Map<String, Object> erpValues(PartnerUpdate u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name());
        m.put("taxId", u.taxId());
        m.put("phone", u.phone());
        m.put("email", u.email());
        return m;
    }
}
