package org.guanxi.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.guanxi.core.model.Permission;
import org.guanxi.core.service.CustomerExportService;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.CustomerValueService.CustomerValue;
import org.guanxi.core.service.ExportLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.tables.TableWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Exports what the customer list shows, page by page through the same search, so memory stays flat. */
@Component(service = CustomerExportService.class)
public class CustomerExportServiceImpl implements CustomerExportService {

    private static final int PAGE = 5_000;

    private final CustomerService customers;
    private final CustomerValueService values;
    private final SecurityService security;
    private final ExportLog exports;

    @Activate
    public CustomerExportServiceImpl(@Reference CustomerService customers, @Reference CustomerValueService values,
            @Reference SecurityService security, @Reference ExportLog exports) {
        this.customers = customers;
        this.values = values;
        this.security = security;
        this.exports = exports;
    }

    @Override
    public int export(String searchText, Path file) {
        security.check(Permission.CUSTOMER_READ);
        exports.check();
        int written = 0;
        try (TableWriter table = TableWriter.open(file, "customers",
                List.of("code", "name", "kind", "phone", "email", "member_card", "city"))) {
            for (int offset = 0;; offset += PAGE) {
                List<CustomerRow> page = customers.find(searchText, offset, PAGE);
                for (CustomerRow r : page) {
                    table.row(Arrays.asList(r.code(), r.name(), r.kind().name(), r.phone(), r.email(), r.memberCard(), r.city()));
                }
                written += page.size();
                if (page.size() < PAGE) {
                    break;
                }
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
        exports.record(searchText.isBlank() ? "customers" : "customers matching \"" + searchText + "\"", written, file);
        return written;
    }

    @Override
    public int exportValues(Path file) {
        exports.check();
        List<CustomerValue> rows = values.latest();
        try (TableWriter out = TableWriter.open(file, "customer value", List.of("customer_code", "customer_name", "as_of",
                "value_12m", "tier", "tier_reason", "stage", "stage_reason", "status", "status_reason", "customer_type",
                "type_reason", "r", "f", "m", "rfm_segment", "clv_realised", "clv_predicted", "quadrant"))) {
            for (CustomerValue v : rows) {
                out.row(Arrays.asList(v.code(), v.name(), v.asOf(), v.value12m(), v.tier().name(), v.tierReason(),
                        v.stage().name(), v.stageReason(), v.status().name(), v.statusReason(), v.type().name(), v.typeReason(),
                        v.r(), v.f(), v.m(), v.rfmSegment().name(), v.clvRealised(), v.clvPredicted(), v.quadrant().name()));
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
        exports.record("customer value", rows.size(), file);
        return rows.size();
    }

    private static UncheckedIOException cannotWrite(Path file, IOException e) {
        return new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
}
