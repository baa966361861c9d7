package org.guanxi.customer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.PersonalDataService;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shows one masked value of a customer in full and records that it was shown, in one transaction. */
@Component(service = PersonalDataService.class)
public class PersonalDataServiceImpl implements PersonalDataService {

    /** The column of each field; fixed names, so the statement is never built from input. */
    private static final Map<Field, String> COLUMNS = Map.of(Field.PHONE, "PHONE", Field.EMAIL, "EMAIL",
            Field.ID_NUMBER, "ID_NUMBER", Field.TAX_ID, "TAX_ID");

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public PersonalDataServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public boolean showsInFull() {
        return security.hasPermission(Permission.PERSONAL_DATA);
    }

    @Override
    public boolean mayReveal() {
        return showsInFull() || security.hasPermission(Permission.PERSONAL_DATA_REVEAL);
    }

    @Override
    public String reveal(long customerId, Field field) {
        security.check(Permission.CUSTOMER_READ);
        if (!mayReveal()) {
            security.check(Permission.PERSONAL_DATA_REVEAL);
        }
        return db.jdbcTransaction(c -> {
            if (SqlDialect.readsMasked(c)) {
                // this login reads masks only: the database shows the value and records that itself
                try (PreparedStatement ps = c.prepareStatement("SELECT gx_reveal(?, ?, ?)")) {
                    ps.setLong(1, customerId);
                    ps.setString(2, COLUMNS.get(field));
                    ps.setTimestamp(3, java.sql.Timestamp.from(AppClock.now()));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            }
            String value;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS.get(field) + " FROM CUSTOMER WHERE ID = ?")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("Customer", customerId);
                    }
                    value = rs.getString(1);
                }
            }
            audit.record(c, ENTITY, customerId, Map.of(), AuditLog.field(field.name().toLowerCase(java.util.Locale.ROOT), "shown"));
            return value;
        });
    }
}
