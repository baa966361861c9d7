package org.guanxi.customer.care;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.TaskStatus;
import org.guanxi.core.persistence.IdBlock;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.TaskService;
import org.guanxi.core.service.ValidationException;
import org.guanxi.core.event.Events;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/** Tasks read and written with plain SQL: lists need a few columns of many rows, never whole entities. */
@Component(service = TaskService.class)
public class TaskServiceImpl implements TaskService {

    private static final String SELECT = "SELECT t.ID, t.CUSTOMER_ID, c.NAME, t.ORIGIN, t.TITLE, t.DUE_DATE, t.STATUS, "
            + "t.ASSIGNEE FROM TASK t JOIN CUSTOMER c ON c.ID = t.CUSTOMER_ID ";

    private static final String ENTITY = "Task";

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public TaskServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public List<TaskRow> openTasks(long customerId) {
        security.check(Permission.CUSTOMER_READ);
        return query(SELECT + "WHERE t.CUSTOMER_ID = ? AND t.STATUS = 'OPEN' ORDER BY t.DUE_DATE, t.ID", 1000,
                ps -> ps.setLong(1, customerId));
    }

    @Override
    public List<TaskRow> due(LocalDate until, int limit) {
        security.check(Permission.CUSTOMER_READ);
        return query(SELECT + "WHERE t.STATUS = 'OPEN' AND t.DUE_DATE <= ? ORDER BY t.STATUS, t.DUE_DATE, t.ID", limit,
                ps -> ps.setDate(1, Date.valueOf(until)));
    }

    @Override
    public long create(long customerId, String title, LocalDate due) {
        security.check(Permission.CUSTOMER_WRITE);
        if (title == null || title.isBlank() || due == null) {
            throw new ValidationException(List.of(new FieldError(title == null || title.isBlank() ? "subject" : "date.day",
                    "error.required")));
        }
        long id = db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO TASK (ID, VERSION, CUSTOMER_ID, ORIGIN, TITLE, DUE_DATE, "
                    + "STATUS, ASSIGNEE, CREATED_AT) VALUES (?, 1, ?, ?, ?, ?, 'OPEN', ?, ?)")) {
                long taskId = new IdBlock(c).next();
                ps.setLong(1, taskId);
                ps.setLong(2, customerId);
                ps.setString(3, "user:" + taskId);
                ps.setString(4, title.strip().length() > 200 ? title.strip().substring(0, 200) : title.strip());
                ps.setDate(5, Date.valueOf(due));
                ps.setString(6, security.currentUser());
                ps.setTimestamp(7, Timestamp.from(AppClock.now()));
                ps.executeUpdate();
                audit.record(c, ENTITY, taskId, java.util.Map.of(), java.util.Map.of("customerId", customerId, "title",
                        title.strip(), "due", due));
                return taskId;
            }
        });
        Events.post(events, Topics.CUSTOMER_CHANGED, customerId);
        return id;
    }

    @Override
    public void complete(long taskId) {
        security.check(Permission.CUSTOMER_WRITE);
        boolean done = db.jdbcTransaction(c -> {
            boolean open = complete(c, taskId);
            if (open) {
                audit.record(c, ENTITY, taskId, java.util.Map.of("status", "OPEN"), java.util.Map.of("status", "DONE"));
            }
            return open;
        });
        if (!done) {
            throw new NotFoundException("Task", taskId);
        }
    }

    @Override
    public long plan(Connection c, long customerId, String origin, String title, LocalDate due) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO TASK (ID, VERSION, CUSTOMER_ID, ORIGIN, TITLE, DUE_DATE, "
                + "STATUS, ASSIGNEE, CREATED_AT) SELECT ?, 1, ID, ?, ?, ?, 'OPEN', OWNER_LOGIN, ? FROM CUSTOMER WHERE ID = ?")) {
            long taskId = new IdBlock(c).next();
            ps.setLong(1, taskId);
            ps.setString(2, origin);
            ps.setString(3, title);
            ps.setDate(4, Date.valueOf(due));
            ps.setTimestamp(5, Timestamp.from(AppClock.now()));
            ps.setLong(6, customerId);
            if (ps.executeUpdate() == 0) {
                throw new NotFoundException("Customer", customerId);
            }
            return taskId;
        }
    }

    @Override
    public boolean complete(Connection c, long taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE TASK SET STATUS = 'DONE', DONE_AT = ?, VERSION = VERSION + 1 WHERE ID = ? AND STATUS = 'OPEN'")) {
            ps.setTimestamp(1, Timestamp.from(AppClock.now()));
            ps.setLong(2, taskId);
            return ps.executeUpdate() > 0;
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<TaskRow> query(String sql, int limit, Binder binder) {
        return db.jdbc(c -> {
            List<TaskRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TaskRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                CareServiceImpl.TEXTS.decode(rs.getString(5)), rs.getDate(6).toLocalDate(),
                                TaskStatus.valueOf(rs.getString(7)), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }
}
