package org.guanxi.security;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.ExportLog;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Export records in the audit trail: one entry per export whose id is the moment it was written (epoch milliseconds),
 * with what, how many rows and which file as its fields.
 */
@Component(service = ExportLog.class)
public class ExportLogImpl implements ExportLog {

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public ExportLogImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public boolean allowed() {
        return security.hasPermission(Permission.DATA_EXPORT);
    }

    @Override
    public void check() {
        security.check(Permission.DATA_EXPORT);
    }

    @Override
    public void record(String what, long rows, Path file) {
        check();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("what", what);
        export.put("rows", rows);
        export.put("file", file.toAbsolutePath().normalize());
        db.inTransactionDo(em -> audit.record(em, ENTITY, AppClock.now().toEpochMilli(), Map.of(), export));
    }
}
