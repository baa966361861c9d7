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
import org.guanxi.core.service.SecurityService;
import org.guanxi.tables.TableWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Exports what the customer list shows, page by page through the same search, so memory stays flat. */
@Component(service = CustomerExportService.class)
public class CustomerExportServiceImpl implements CustomerExportService {

    private static final int PAGE = 5_000;

    @Reference
    private CustomerService customers;

    @Reference
    private SecurityService security;

    public CustomerExportServiceImpl() {
    }

    public CustomerExportServiceImpl(CustomerService customers, SecurityService security) {
        this.customers = customers;
        this.security = security;
    }

    @Override
    public int export(String searchText, Path file) {
        security.check(Permission.CUSTOMER_READ);
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
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return written;
    }
}
