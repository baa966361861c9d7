package org.guanxi.customer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.db.SqlDialect;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.InvoiceStatus;
import org.guanxi.core.model.OrderStatus;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.service.CareService;
import org.guanxi.core.service.Customer360Service;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.CustomerValueService;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.TaskService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Screen pop and 360° view. A lookup is a handful of equality or prefix probes on indexed keys (normalised phone
 * digits, card, code, lower-case e-mail, name and pinyin keys), in plain JDBC because a call centre waits on it.
 */
@Component(service = Customer360Service.class)
public class Customer360ServiceImpl implements Customer360Service {

    private static final String HIT = "SELECT c.ID, c.CODE, c.NAME, c.PHONE, c.CITY";
    private static final int RECENT = 20;
    private static final int CARE_DAYS = 366;

    private final Database db;
    private final SecurityService security;
    private final CustomerService customers;
    private final CustomerValueService values;
    private final InteractionService interactions;
    private final CareService care;
    private final TaskService tasks;

    @Activate
    public Customer360ServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference CustomerService customers, @Reference CustomerValueService values,
            @Reference InteractionService interactions, @Reference CareService care, @Reference TaskService tasks) {
        this.db = db;
        this.security = security;
        this.customers = customers;
        this.values = values;
        this.interactions = interactions;
        this.care = care;
        this.tasks = tasks;
    }

    @Override
    public List<Hit> lookup(String text, int limit) {
        security.check(Permission.CUSTOMER_READ);
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<Long, Hit> hits = new LinkedHashMap<>();
        boolean full = security.hasPermission(Permission.PERSONAL_DATA);
        try (Connection c = db.dataSource().getConnection()) {
            c.setReadOnly(true);
            // the masked views of a team database hold tokens of the keys: a typed key is bound as one
            boolean tokens = !full && SqlDialect.readsMasked(c);
            String phoneKey = tokens ? SqlDialect.MASKED_KEY : "?";
            String emailKey = tokens ? SqlDialect.MASKED_EMAIL_KEY : "?";
            if (t.matches("[0-9+＋０-９][0-9 +()\\-０-９]*")) {
                String key = SearchKeys.phoneKey(t);
                probe(c, hits, limit, Match.PHONE, HIT + ", c.PHONE FROM CUSTOMER c WHERE c.PHONE_KEY = " + phoneKey, key);
                probe(c, hits, limit, Match.CONTACT_PHONE, HIT + ", k.NAME FROM CONTACT k JOIN CUSTOMER c ON c.ID = k.CUSTOMER_ID "
                        + "WHERE k.PHONE_KEY = " + phoneKey, key);
                probe(c, hits, limit, Match.OTHER_PHONE, HIT + ", p.VAL FROM CONTACT_POINT p JOIN CUSTOMER c ON c.ID = p.CUSTOMER_ID "
                        + "WHERE p.LOOKUP_KEY = " + phoneKey, key);
                probe(c, hits, limit, Match.MEMBER_CARD, HIT + ", c.MEMBER_CARD FROM CUSTOMER c WHERE c.MEMBER_CARD = ?", t);
                // a number's beginning or end only for those who see it in full (see CustomerSearch)
                if (hits.isEmpty()) {
                    if (full) {
                        probe(c, hits, limit, Match.PHONE, HIT + ", c.PHONE FROM CUSTOMER c WHERE c.PHONE_KEY LIKE ? ESCAPE '\\' "
                                + "ORDER BY c.PHONE_KEY", like(key));
                    }
                    if (full && key != null && key.length() >= CustomerSearch.TAIL_DIGITS) {
                        // 手机尾号: the number's last digits, an indexed prefix of the reversed key
                        probe(c, hits, limit, Match.PHONE, HIT + ", c.PHONE FROM CUSTOMER c WHERE c.PHONE_TAIL LIKE ? ESCAPE '\\' "
                                + "ORDER BY c.PHONE_TAIL", like(SearchKeys.phoneTail(key)));
                    }
                    probe(c, hits, limit, Match.MEMBER_CARD, HIT + ", c.MEMBER_CARD FROM CUSTOMER c WHERE c.MEMBER_CARD LIKE ? ESCAPE '\\' "
                            + "ORDER BY c.MEMBER_CARD", like(t));
                }
            } else if (t.contains("@")) {
                String mail = SearchKeys.emailKey(t);
                probe(c, hits, limit, Match.EMAIL, HIT + ", c.EMAIL FROM CUSTOMER c WHERE c.EMAIL_KEY = " + emailKey, mail);
                probe(c, hits, limit, Match.EMAIL, HIT + ", p.VAL FROM CONTACT_POINT p JOIN CUSTOMER c ON c.ID = p.CUSTOMER_ID "
                        + "WHERE p.LOOKUP_KEY = " + phoneKey, mail);
            } else {
                String upper = t.toUpperCase(Locale.ROOT);
                if (t.matches("(?i)[a-z]{0,6}\\d[a-z0-9\\-]*")) {
                    probe(c, hits, limit, Match.MEMBER_CARD, HIT + ", c.MEMBER_CARD FROM CUSTOMER c WHERE c.MEMBER_CARD = ?", upper);
                    probe(c, hits, limit, Match.CODE, HIT + ", c.CODE FROM CUSTOMER c WHERE c.CODE = ?", upper);
                    if (hits.isEmpty()) {
                        probe(c, hits, limit, Match.MEMBER_CARD, HIT + ", c.MEMBER_CARD FROM CUSTOMER c WHERE c.MEMBER_CARD LIKE ? ESCAPE '\\' "
                                + "ORDER BY c.MEMBER_CARD", like(upper));
                        probe(c, hits, limit, Match.CODE, HIT + ", c.CODE FROM CUSTOMER c WHERE c.CODE LIKE ? ESCAPE '\\' ORDER BY c.CODE",
                                like(upper));
                    }
                }
                if (hits.isEmpty()) {
                    boolean han = SearchKeys.hasHan(t);
                    String column = han ? "NAME_KEY" : "PINYIN_KEY";
                    probe(c, hits, limit, Match.NAME, HIT + ", c.NAME FROM CUSTOMER c WHERE c." + column + " LIKE ? ESCAPE '\\' "
                            + "ORDER BY c." + column + ", c.ID", like(han ? SearchKeys.nameKey(t) : SearchKeys.pinyinKey(t)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Customer lookup failed: " + e.getMessage(), e);
        }
        // found on the values held; shown masked to those without PERSONAL_DATA, like the customer list
        return full ? List.copyOf(hits.values())
                : hits.values().stream().map(CustomerMasking::mask).toList();
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Runs one probe and adds its customers not found yet, up to the limit. */
    private static void probe(Connection c, Map<Long, Hit> hits, int limit, Match match, String sql, String... args)
            throws SQLException {
        if (hits.size() >= limit || args[0] == null || args[0].isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && hits.size() < limit) {
                    hits.putIfAbsent(rs.getLong(1), new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), match, rs.getString(6)));
                }
            }
        }
    }

    @Override
    public View view(long customerId) {
        Customer customer = customers.get(customerId);
        List<OrderRow> orders = new ArrayList<>();
        List<InvoiceRow> invoices = new ArrayList<>();
        int orderCount;
        BigDecimal revenue;
        LocalDate lastOrder;
        BigDecimal open = BigDecimal.ZERO;
        try (Connection c = db.dataSource().getConnection()) {
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(CASE WHEN STATUS <> 'RETURNED' THEN 1 ELSE 0 END), "
                    + "SUM(TOTAL), MAX(ORDER_DATE) FROM SALES_ORDER WHERE CUSTOMER_ID = ? AND STATUS <> 'CANCELLED'")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    orderCount = rs.getInt(1);
                    revenue = rs.getBigDecimal(2) == null ? BigDecimal.ZERO : rs.getBigDecimal(2);
                    Date last = rs.getDate(3);
                    lastOrder = last == null ? null : last.toLocalDate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, ORDER_NO, ORDER_DATE, STATUS, TOTAL, DELIVERED_ON "
                    + "FROM SALES_ORDER WHERE CUSTOMER_ID = ? ORDER BY ORDER_DATE DESC, ID DESC")) {
                ps.setLong(1, customerId);
                ps.setMaxRows(RECENT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Date delivered = rs.getDate(6);
                        orders.add(new OrderRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                                OrderStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                                delivered == null ? null : delivered.toLocalDate()));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, INVOICE_NO, ISSUE_DATE, AMOUNT, PAID_AMOUNT, STATUS "
                    + "FROM INVOICE WHERE CUSTOMER_ID = ? AND STATUS IN ('OPEN', 'PARTLY_PAID') ORDER BY ISSUE_DATE")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        InvoiceRow row = new InvoiceRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                                rs.getBigDecimal(4), rs.getBigDecimal(5), InvoiceStatus.valueOf(rs.getString(6)));
                        invoices.add(row);
                        open = open.add(row.amount().subtract(row.paid()));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("360° view failed: " + e.getMessage(), e);
        }
        Optional<CustomerValueService.CustomerValue> value = values.history(customerId).stream().findFirst();
        return new View(customer, value, orderCount, revenue, lastOrder, orders, invoices, open,
                interactions.timeline(customerId, 50), care.upcoming(customerId, AppClock.today(), CARE_DAYS),
                tasks.openTasks(customerId));
    }
}
