package org.guanxi.customer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search of digits lists exactly the customers whose number starts with them, ends with them (four or more) or
 * whose card starts with them, in name order and page by page — whether the matches are few (each index is read on
 * its own and merged) or so many that the list reads them in name order (more than 2,000 here: every number starts
 * with 1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSearchTest {

    private static final int CUSTOMERS = 2_400;

    @TempDir
    static Path tmp;

    private CustomerFixture fx;
    private CustomerServiceImpl customers;
    private List<CustomerRow> all;

    @BeforeAll
    void setUp() throws Exception {
        fx = CustomerFixture.open(tmp);
        new DemoDataGenerator(fx.db).generate(CUSTOMERS, 11, n -> { });
        customers = new CustomerServiceImpl(fx.db, fx.security, fx.audit, new OutboxRepository(fx.db));
        all = customers.find("", 0, Integer.MAX_VALUE);
        assertEquals(CUSTOMERS, all.size());
    }

    @AfterAll
    void tearDown() {
        fx.close();
    }

    @Test
    void digitsListTheNumbersThatStartOrEndWithThemInNameOrder() {
        String someone = SearchKeys.phoneKey(all.get(CUSTOMERS / 2).phone());
        for (String digits : List.of("1", "13", "139", someone.substring(0, 5), someone.substring(someone.length() - 4),
                someone.substring(someone.length() - 6), someone, "0000")) {
            List<CustomerRow> expected = all.stream().filter(matches(digits)).toList();
            assertEquals(expected, customers.find(digits, 0, Integer.MAX_VALUE), digits);
            assertEquals(expected.stream().skip(7).limit(20).toList(), customers.find(digits, 7, 20), digits + ": a page");
            assertEquals(Math.min(expected.size(), 1_001), customers.count(digits, 1_000), digits + ": bounded count");
            assertEquals(expected.size(), customers.count(digits), digits + ": count");
        }
        assertTrue(customers.find(someone.substring(someone.length() - 4), 0, 10).stream()
                .anyMatch(r -> r.phone().equals(all.get(CUSTOMERS / 2).phone())), "the last 4 digits find the customer");
    }

    private static Predicate<CustomerRow> matches(String digits) {
        return r -> {
            String key = SearchKeys.phoneKey(r.phone());
            return key != null && (key.startsWith(digits) || digits.length() >= 4 && key.endsWith(digits))
                    || r.memberCard() != null && r.memberCard().startsWith(digits);
        };
    }
}
