package org.guanxi.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/** Logs contacts (checked, audited) and reads a customer's timeline, newest first. */
@Component(service = InteractionService.class)
public class InteractionServiceImpl implements InteractionService {

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public InteractionServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
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
    public void record(Connection c, long customerId, Channel channel, Instant at, String subject, String notes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO INTERACTION (ID, VERSION, CUSTOMER_ID, CHANNEL, OCCURRED_AT, "
                + "SUBJECT, NOTES, USER_LOGIN) VALUES (?, 1, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, new IdBlock(c).next());
            ps.setLong(2, customerId);
            ps.setString(3, channel.name());
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, subject.length() > 200 ? subject.substring(0, 200) : subject);
            ps.setString(6, notes == null || notes.length() <= 4000 ? notes : notes.substring(0, 4000));
            ps.setString(7, security.currentUser());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Interaction> timeline(long customerId, int limit) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> em.createQuery(
                "SELECT i FROM Interaction i WHERE i.customer.id = :id ORDER BY i.occurredAt DESC, i.id DESC", Interaction.class)
                .setParameter("id", customerId).setMaxResults(limit).getResultList());
    }
}
