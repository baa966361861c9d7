package org.guanxi.customer.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.IntConsumer;

import org.guanxi.tables.TableReader;
import org.guanxi.core.db.Database;
import org.guanxi.core.event.Topics;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.CustomerImportService;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.event.Events;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

@Component(service = CustomerImportService.class)
public class CustomerImportServiceImpl implements CustomerImportService {

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public CustomerImportServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Preview preview(Path file, int rows) {
        security.check(Permission.CUSTOMER_READ);
        TableReader.Sample<Field> sample = TableReader.sample(file, rows, CustomerCsv::propose);
        return new Preview(file.getFileName().toString(), sample.headers(), sample.mapping(), sample.rows());
    }

    @Override
    public Report importCustomers(Path file, Map<Integer, Field> mapping, boolean skipDuplicates, IntConsumer progress) {
        security.check(Permission.CUSTOMER_WRITE);
        try (Connection c = db.dataSource().getConnection()) {
            Report r = new CustomerImporter(c, security.currentUser(), audit, file, mapping).run(skipDuplicates, progress);
            if (r.imported() > 0) {
                Events.post(events, Topics.CUSTOMER_CHANGED, -1);
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Customer import failed, nothing was imported: " + e.getMessage(), e);
        }
    }
}
