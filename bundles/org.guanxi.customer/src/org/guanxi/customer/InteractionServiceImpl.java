package org.guanxi.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.event.Events;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Interaction;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/** Logs contacts (checked, audited) and reads a customer's timeline, newest first. */
@Component(service = InteractionService.class)
public class InteractionServiceImpl implements InteractionService {

    @Reference
    private Database db;

    @Reference
    private SecurityService security;

    @Reference
    private AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    public InteractionServiceImpl() {
    }

    public InteractionServiceImpl(Database db, SecurityService security, AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Interaction log(long customerId, Channel channel, String subject, String notes) {
        security.check(Permission.CUSTOMER_WRITE);
        List<FieldError> errors = new ArrayList<>();
        if (channel == null) {
            errors.add(new FieldError("channel", "error.required"));
        }
        if (subject == null || subject.isBlank()) {
            errors.add(new FieldError("subject", "error.required"));
        } else if (subject.length() > 200) {
            errors.add(new FieldError("subject", "error.tooLong", 200));
        }
        if (notes != null && notes.length() > 4000) {
            errors.add(new FieldError("notes", "error.tooLong", 4000));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Interaction saved = db.inTransaction(em -> {
            Customer c = em.find(Customer.class, customerId);
            if (c == null) {
                throw new NotFoundException(CustomerServiceImpl.ENTITY, customerId);
            }
            Interaction i = new Interaction();
            i.setCustomer(c);
            i.setChannel(channel);
            i.setSubject(subject.strip());
            i.setNotes(notes == null || notes.isBlank() ? null : notes.strip());
            i.setOccurredAt(AppClock.now());
            i.setUser(security.currentUser());
            em.persist(i);
            em.flush();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("customer", c.getCode());
            after.put("channel", channel);
            after.put("subject", i.getSubject());
            after.put("notes", i.getNotes());
            after.values().removeIf(java.util.Objects::isNull);
            audit.record(em, "Interaction", i.getId(), Map.of(), after);
            return i;
        });
        Events.post(events, Topics.INTERACTION_LOGGED, customerId);
        return saved;
    }

    @Override
    public List<Interaction> timeline(long customerId, int limit) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery(
                "SELECT i FROM Interaction i WHERE i.customer.id = :id ORDER BY i.occurredAt DESC, i.id DESC", Interaction.class)
                .setParameter("id", customerId).setMaxResults(limit).getResultList());
    }
}
