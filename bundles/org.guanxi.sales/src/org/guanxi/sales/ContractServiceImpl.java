package org.guanxi.sales;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Codes;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Contract;
import org.guanxi.core.model.ContractStatus;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.States;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.sales.api.ContractService;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;

/** Contracts: checked, audited writes; renewal creates a successor so that each period keeps its own terms. */
@Component(service = ContractService.class)
public class ContractServiceImpl implements ContractService {

    static final String ENTITY = "Contract";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ContractServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Contract save(Contract input) {
        security.check(Permission.SALES_WRITE);
        Checks.throwIfAny(validate(input));
        Contract saved = db.inTransaction(em -> {
            Entities.require(em.find(Customer.class, input.getCustomerId()), "Customer", input.getCustomerId());
            if (input.isNew()) {
                return persistNew(em, input);
            }
            Contract c = current(em, input.getId(), input.getVersion());
            if (c.getStatus() != ContractStatus.DRAFT && c.getStatus() != ContractStatus.ACTIVE) {
                throw new GuanxiException("error.contractStatus", c.getContractNo(), c.getStatus());
            }
            Map<String, Object> before = snapshot(c);
            c.setTitle(input.getTitle().strip());
            c.setCustomerId(input.getCustomerId());
            c.setOrderId(input.getOrderId());
            c.setStartDate(input.getStartDate());
            c.setEndDate(input.getEndDate());
            c.setAmount(input.getAmount());
            c.setCurrency(input.getCurrency());
            c.setPaymentTerms(input.getPaymentTerms());
            c.setTerms(input.getTerms());
            c.setAutoRenew(input.isAutoRenew());
            c.setRenewalNoticeDays(input.getRenewalNoticeDays());
            em.flush();
            audit.record(em, ENTITY, c.getId(), before, snapshot(c));
            return c;
        });
        Events.post(events, Topics.CONTRACT_CHANGED, saved.getId());
        return saved;
    }

    private Contract persistNew(EntityManager em, Contract c) {
        c.setContractNo(Codes.next(em, "CONTRACT_NO_SEQ", "HT"));
        c.setStatus(ContractStatus.DRAFT);
        if (c.getOwner() == null || c.getOwner().isBlank()) {
            c.setOwner(security.currentUser());
        }
        em.persist(c);
        em.flush();
        audit.record(em, ENTITY, c.getId(), Map.of(), snapshot(c));
        return c;
    }

    static List<FieldError> validate(Contract c) {
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "contractTitle", c.getTitle(), 200);
        Checks.required(errors, "customer", c.getCustomerId());
        Checks.required(errors, "startDate", c.getStartDate());
        Checks.required(errors, "endDate", c.getEndDate());
        if (c.getStartDate() != null && c.getEndDate() != null && c.getEndDate().isBefore(c.getStartDate())) {
            errors.add(new FieldError("endDate", "error.endBeforeStart"));
        }
        Checks.required(errors, "amount", c.getAmount());
        Checks.notNegative(errors, "amount", c.getAmount());
        Checks.range(errors, "renewalNoticeDays", c.getRenewalNoticeDays(), 0, 365);
        Checks.maxLength(errors, "paymentTerms", c.getPaymentTerms(), 200);
        Checks.maxLength(errors, "terms", c.getTerms(), 4000);
        Checks.currency(errors, "currency", c.getCurrency());
        return errors;
    }

    @Override
    public Contract get(long id) {
        security.check(Permission.CUSTOMER_READ);
        return Entities.require(db.read(em -> em.find(Contract.class, id)), ENTITY, id);
    }

    @Override
    public Contract draftFor(long orderId) {
        security.check(Permission.CUSTOMER_READ);
        SalesOrder o = Entities.require(db.read(em -> em.find(SalesOrder.class, orderId)), OrderServiceImpl.ENTITY, orderId);
        Contract c = new Contract();
        c.setCustomerId(o.getCustomer().getId());
        c.setOrderId(o.getId());
        c.setTitle(o.getCustomer().getName() + " · " + o.getOrderNo());
        c.setAmount(o.getTotal());
        c.setCurrency(o.getCurrency());
        c.setStartDate(AppClock.today());
        c.setEndDate(AppClock.today().plusYears(1).minusDays(1));
        return c;
    }

    @Override
    public Contract activate(long id, long version, LocalDate signedOn) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "signedOn", signedOn);
        if (signedOn != null && signedOn.isAfter(AppClock.today())) {
            errors.add(new FieldError("signedOn", "error.future"));
        }
        Checks.throwIfAny(errors);
        return transition(id, version, c -> {
            States.require(c.getStatus(), "error.contractStatus", c.getContractNo(), ContractStatus.DRAFT);
            c.setSignedOn(signedOn);
            c.setStatus(ContractStatus.ACTIVE);
        });
    }

    @Override
    public Contract terminate(long id, long version, String reason) {
        security.check(Permission.SALES_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "terminationReason", reason, 400);
        Checks.throwIfAny(errors);
        return transition(id, version, c -> {
            States.require(c.getStatus(), "error.contractStatus", c.getContractNo(), ContractStatus.ACTIVE);
            c.setStatus(ContractStatus.TERMINATED);
            c.setTerms(appendNote(c.getTerms(), reason.strip()));
        });
    }

    private static String appendNote(String terms, String note) {
        String line = "[" + AppClock.today() + "] " + note;
        String all = terms == null || terms.isBlank() ? line : terms + "\n" + line;
        return all.length() <= 4000 ? all : all.substring(all.length() - 4000);
    }

    @Override
    public Contract renew(long id, long version) {
        security.check(Permission.SALES_WRITE);
        Contract successor = db.inTransaction(em -> renew(em, current(em, id, version)));
        Events.post(events, Topics.CONTRACT_CHANGED, id);
        return successor;
    }

    private Contract renew(EntityManager em, Contract old) {
        States.require(old.getStatus(), "error.contractStatus", old.getContractNo(), ContractStatus.ACTIVE, ContractStatus.EXPIRED);
        Map<String, Object> before = snapshot(old);
        old.setStatus(ContractStatus.RENEWED);
        audit.record(em, ENTITY, old.getId(), before, snapshot(old));
        long days = ChronoUnit.DAYS.between(old.getStartDate(), old.getEndDate());
        Contract c = new Contract();
        c.setTitle(old.getTitle());
        c.setCustomerId(old.getCustomerId());
        c.setStartDate(old.getEndDate().plusDays(1));
        c.setEndDate(c.getStartDate().plusDays(days));
        c.setAmount(old.getAmount());
        c.setCurrency(old.getCurrency());
        c.setPaymentTerms(old.getPaymentTerms());
        c.setTerms(old.getTerms());
        c.setAutoRenew(old.isAutoRenew());
        c.setRenewalNoticeDays(old.getRenewalNoticeDays());
        c.setRenewedFromId(old.getId());
        c.setOwner(old.getOwner());
        return persistNew(em, c);
    }

    @Override
    public List<Contract> renewalsDue(LocalDate day) {
        security.check(Permission.CUSTOMER_READ);
        // the notice period differs per contract, so the end date bounds the scan and Java applies each one's notice
        return db.read(em -> em.createQuery("SELECT c FROM Contract c WHERE c.status = :s AND c.endDate <= :last "
                + "ORDER BY c.endDate, c.id", Contract.class).setParameter("s", ContractStatus.ACTIVE)
                .setParameter("last", day.plusDays(365)).getResultList())
                .stream().filter(c -> !c.renewalDate().isAfter(day)).toList();
    }

    @Override
    public int expire(LocalDate day) {
        security.check(Permission.SALES_WRITE);
        int n = db.inTransaction(em -> {
            List<Contract> ended = em.createQuery("SELECT c FROM Contract c WHERE c.status = :s AND c.endDate < :d ORDER BY c.id",
                    Contract.class).setParameter("s", ContractStatus.ACTIVE).setParameter("d", day).getResultList();
            for (Contract c : ended) {
                if (c.isAutoRenew()) {
                    Contract next = renew(em, c);
                    next.setStatus(ContractStatus.ACTIVE);
                    next.setSignedOn(c.getSignedOn());
                } else {
                    Map<String, Object> before = snapshot(c);
                    c.setStatus(ContractStatus.EXPIRED);
                    audit.record(em, ENTITY, c.getId(), before, snapshot(c));
                }
            }
            return ended.size();
        });
        if (n > 0) {
            Events.post(events, Topics.CONTRACT_CHANGED, 0);
        }
        return n;
    }

    @Override
    public List<Contract> ofCustomer(long customerId) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery("SELECT c FROM Contract c WHERE c.customerId = :c ORDER BY c.startDate DESC, c.id DESC",
                Contract.class).setParameter("c", customerId).getResultList());
    }

    @Override
    public List<Contract> list(int limit) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery("SELECT c FROM Contract c ORDER BY c.createdAt DESC, c.id DESC", Contract.class)
                .setMaxResults(Math.max(1, limit)).getResultList());
    }

    @Override
    public List<ContractRow> find(String text, ContractStatus status, LocalDate renewalsDueOn, int limit) {
        security.check(Permission.CUSTOMER_READ);
        StringBuilder sql = new StringBuilder("SELECT k.ID, k.VERSION, k.CONTRACT_NO, k.TITLE, c.NAME, k.STATUS, k.START_DATE, "
                + "k.END_DATE, k.RENEWAL_NOTICE_DAYS, k.AMOUNT, k.CURRENCY, k.AUTO_RENEW, k.OWNER_LOGIN "
                + "FROM SALES_CONTRACT k JOIN CUSTOMER c ON c.ID = k.CUSTOMER_ID WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        String prefix = text == null ? "" : text.strip();
        if (!prefix.isEmpty()) {
            sql.append(" AND (k.CONTRACT_NO = ? OR UPPER(k.TITLE) LIKE ? OR c.NAME_KEY LIKE ? OR c.PINYIN_KEY LIKE ?)");
            args.add(prefix.toUpperCase(java.util.Locale.ROOT));
            args.add(prefix.toUpperCase(java.util.Locale.ROOT) + "%");
            args.add(SearchKeys.nameKey(prefix) + "%");
            args.add(SearchKeys.nameKey(prefix).replace(" ", "") + "%");
        }
        if (renewalsDueOn != null) {
            // notice periods differ per contract: the end date bounds the scan, each contract's notice is applied below
            sql.append(" AND k.STATUS = 'ACTIVE' AND k.END_DATE <= ? ORDER BY k.END_DATE, k.ID");
            args.add(java.sql.Date.valueOf(renewalsDueOn.plusDays(366)));
        } else {
            if (status != null) {
                sql.append(" AND k.STATUS = ?");
                args.add(status.name());
            }
            sql.append(" ORDER BY k.CREATED_AT DESC, k.ID DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        }
        List<ContractRow> rows = db.jdbc(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<ContractRow> out = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate end = rs.getDate(8).toLocalDate();
                        out.add(new ContractRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                ContractStatus.valueOf(rs.getString(6)), rs.getDate(7).toLocalDate(), end,
                                end.minusDays(rs.getInt(9)), rs.getBigDecimal(10), rs.getString(11), rs.getBoolean(12),
                                rs.getString(13)));
                    }
                }
                return out;
            }
        });
        return renewalsDueOn == null ? rows
                : rows.stream().filter(r -> !r.renewalDate().isAfter(renewalsDueOn)).limit(Math.max(1, limit)).toList();
    }

    private Contract transition(long id, long version, java.util.function.Consumer<Contract> change) {
        Contract changed = db.inTransaction(em -> {
            Contract c = current(em, id, version);
            Map<String, Object> before = snapshot(c);
            change.accept(c);
            em.flush();
            audit.record(em, ENTITY, c.getId(), before, snapshot(c));
            return c;
        });
        Events.post(events, Topics.CONTRACT_CHANGED, id);
        return changed;
    }

    private static Contract current(EntityManager em, long id, long version) {
        return Entities.current(em, Contract.class, ENTITY, id, version);
    }

    static Map<String, Object> snapshot(Contract c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contractNo", c.getContractNo());
        m.put("title", c.getTitle());
        m.put("customerId", c.getCustomerId());
        m.put("orderId", c.getOrderId());
        m.put("status", c.getStatus());
        m.put("signedOn", c.getSignedOn());
        m.put("startDate", c.getStartDate());
        m.put("endDate", c.getEndDate());
        m.put("amount", c.getAmount());
        m.put("paymentTerms", c.getPaymentTerms());
        m.put("autoRenew", c.isAutoRenew());
        m.put("renewalNoticeDays", c.getRenewalNoticeDays());
        m.put("renewedFromId", c.getRenewedFromId());
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
