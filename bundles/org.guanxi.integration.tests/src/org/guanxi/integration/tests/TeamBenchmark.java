package org.guanxi.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.OrderLine;
import org.guanxi.core.model.OutboxMessage;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.persistence.DatabaseSettings;
import org.guanxi.core.persistence.JpaDatabase;
import org.guanxi.core.persistence.OutboxRepository;
import org.guanxi.core.service.CaseService.NewCase;
import org.guanxi.core.service.ConflictException;
import org.guanxi.core.service.CustomerRow;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.customer.CustomerServiceImpl;
import org.guanxi.demo.DemoDataGenerator;
import org.guanxi.sales.OpportunityServiceImpl;
import org.guanxi.sales.OrderServiceImpl;
import org.guanxi.security.AuditLogImpl;
import org.guanxi.security.SecurityServiceImpl;
import org.guanxi.service.CaseServiceImpl;
import org.guanxi.service.ServiceLevelServiceImpl;
import org.guanxi.service.WorkingCalendarServiceImpl;
import org.guanxi.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's working day on the team database ({@code releng/guanxi bench team}; PostgreSQL, skipped unless
 * {@code -Dguanxi.bench=true}): one server (the owner's connection, the routes relaying orders to the fake ERP) and
 * {@value #DEFAULT_USERS} people, each a thread with a desktop of their own — their own database login, pool and
 * services, the row policies in force. Sales reps search customers, take screen pops by the last digits of a phone
 * number, edit the customers their whole team shares (two at once, on purpose), enter and confirm orders and move
 * deals; service agents also open cases and reply. The same script first runs for one rep and one agent alone.
 * Printed: actions/s and p50/p99 per action, alone and together; conflicts reported (a stale edit refused), lost
 * updates (a customer's version must have grown by every edit that succeeded), deadlocks and other errors.
 */
class TeamBenchmark {

    private static final int DEFAULT_USERS = 30;
    private static final int USERS = Integer.getInteger("guanxi.bench.users", DEFAULT_USERS);
    private static final int SECONDS = Integer.getInteger("guanxi.bench.seconds", 90);
    private static final int CUSTOMERS = Integer.getInteger("guanxi.bench.customers", 5_000);
    private static final String PASSWORD = "Bench-2026!";
    /** Customers each team edits together: few, so that two people often edit the same one at once. */
    private static final int HOT = 8;

    @TempDir
    Path home;

    @Test
    void thirtyPeopleAtOnceBesideOneAlone() throws Exception {
        assumeTrue(Boolean.getBoolean("guanxi.bench") && TestDatabases.onPostgreSql(),
                "the team benchmark runs on PostgreSQL with -Dguanxi.bench=true");
        try (ErpFixture server = new ErpFixture(home, "erp.relay.period=100")) {
            new DemoDataGenerator(server.db).generate(CUSTOMERS, 11, n -> { });
            // a catalogue, not one product every order would lock in turn
            List<Long> products = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                products.add(server.product("TEAM-" + i, (60 + i) + ".00", 100_000_000).getId());
            }
            String url = TestDatabases.settings(home.resolve("db")).url();
            List<String> teams = List.copyOf(new java.util.TreeSet<>(server.security.teams().values()));
            List<String> agents = new ArrayList<>();
            List<String> people = new ArrayList<>();
            String tag = Long.toString(System.nanoTime() % 1_000_000, 36);
            for (int i = 0; i < USERS; i++) {
                boolean agent = i % 5 == 4;
                String login = (agent ? "agent" : "rep") + i + "_" + tag;
                server.security.saveUser(login, login, PASSWORD.toCharArray(), true, Set.of(agent ? "SERVICE" : "SALES"),
                        agent ? "" : teams.get(i % teams.size()));
                (agent ? agents : people).add(login);
            }
            people.addAll(agents);
            ServiceLevelServiceImpl levels = new ServiceLevelServiceImpl(server.db, server.security,
                    new WorkingCalendarServiceImpl(server.db, server.security, server.audit), server.audit);
            CaseServiceImpl ownerCases = new CaseServiceImpl(server.db, server.security, server.audit, levels);
            ownerCases.saveQueue("GENERAL", null, agents);
            // the agents' customers are those with a case in their queue
            List<CustomerRow> some = server.customers.find("", 0, 300);
            for (CustomerRow r : some) {
                ownerCases.open(new NewCase(r.id(), CaseKind.REQUEST, CasePhase.AFTER_SALE, CasePriority.NORMAL,
                        Channel.PHONE, "GENERAL", "开箱检查", "到货后请上门检查", null));
            }
            Map<Long, Long> versionsBefore = versions(server);

            Stats alone = new Stats();
            run(url, List.of(people.get(0)), products, alone, SECONDS / 2);
            run(url, List.of(agents.get(0)), products, alone, SECONDS / 2);
            Stats together = new Stats();
            run(url, people, products, together, SECONDS);

            // the server relays what the people confirmed: every order reaches the ERP once
            long relayStart = System.nanoTime();
            ErpFixture.await("every order relayed", Duration.ofMinutes(30),
                    () -> server.outbox.count(OutboxMessage.Status.PENDING) == 0);
            double relaySeconds = (System.nanoTime() - relayStart) / 1e9;
            long sent = server.outbox.deliveries("order.").stream().filter(d -> d.status() == OutboxMessage.Status.SENT).count();
            Map<Long, Long> versionsAfter = versions(server);
            int lost = 0;
            for (Map.Entry<Long, AtomicInteger> e : together.savedEdits.entrySet()) {
                long grown = versionsAfter.get(e.getKey()) - versionsBefore.get(e.getKey());
                if (grown < e.getValue().get() + alone.savedEdits.getOrDefault(e.getKey(), new AtomicInteger()).get()) {
                    lost++;
                }
            }
            for (Map.Entry<Long, AtomicInteger> e : alone.savedEdits.entrySet()) {
                if (!together.savedEdits.containsKey(e.getKey())
                        && versionsAfter.get(e.getKey()) - versionsBefore.get(e.getKey()) < e.getValue().get()) {
                    lost++;
                }
            }
            print(alone, together, lost);
            System.out.printf("orders relayed to the ERP by the server: %d sent (the ERP took %d distinct), the last %.1f s "
                    + "after the people stopped; parked %d%n", sent, server.erp.counts().distinct(), relaySeconds,
                    server.outbox.count(OutboxMessage.Status.PARKED));
            assertEquals(0, lost, "lost updates");
        }
    }

    /** Ids and versions of every customer, read as the owner. */
    private static Map<Long, Long> versions(ErpFixture server) throws SQLException {
        Map<Long, Long> out = new TreeMap<>();
        try (Connection c = server.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ID, VERSION FROM CUSTOMER");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static void run(String url, List<String> logins, List<Long> products, Stats stats, int seconds) throws Exception {
        List<Desk> desks = new ArrayList<>();
        for (String login : logins) {
            desks.add(Desk.signIn(url, login));
        }
        CountDownLatch done = new CountDownLatch(desks.size());
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        for (int i = 0; i < desks.size(); i++) {
            Desk d = desks.get(i);
            long seed = 31L * i + seconds;
            Thread t = new Thread(() -> {
                try {
                    d.workUntil(end, products, new Random(seed), stats);
                } finally {
                    done.countDown();
                }
            }, "bench-" + d.login);
            t.start();
        }
        done.await();
        stats.seconds += (System.nanoTime() - started) / 1e9;
        desks.forEach(d -> d.db.close());
    }

    /** A person's desktop: the database opened with the person's login, the services a desktop would have. */
    private static final class Desk {
        final String login;
        final JpaDatabase db = new JpaDatabase();
        final SecurityServiceImpl security;
        final CustomerServiceImpl customers;
        final OrderServiceImpl orders;
        final OpportunityServiceImpl deals;
        final CaseServiceImpl cases;
        final boolean agent;
        List<CustomerRow> mine;

        private Desk(String url, String login) {
            this.login = login;
            db.awaitSignIn(new DatabaseSettings(url, null, null));
            security = new SecurityServiceImpl(db);
            if (!security.login(login, PASSWORD.toCharArray())) {
                throw new IllegalStateException("cannot sign in " + login);
            }
            AuditLogImpl audit = new AuditLogImpl(db, security);
            OutboxRepository outbox = new OutboxRepository(db);
            customers = new CustomerServiceImpl(db, security, audit, outbox);
            orders = new OrderServiceImpl(db, security, audit, outbox);
            deals = new OpportunityServiceImpl(db, security, audit);
            cases = new CaseServiceImpl(db, security, audit,
                    new ServiceLevelServiceImpl(db, security, new WorkingCalendarServiceImpl(db, security, audit), audit));
            agent = security.currentRoles().contains("SERVICE");
        }

        static Desk signIn(String url, String login) {
            Desk d = new Desk(url, login);
            d.mine = d.customers.find("", 0, 400);
            if (d.mine.isEmpty()) {
                throw new IllegalStateException(login + " sees no customers");
            }
            return d;
        }

        void workUntil(long end, List<Long> products, Random random, Stats stats) {
            while (System.nanoTime() < end) {
                int dice = random.nextInt(100);
                CustomerRow someone = mine.get(random.nextInt(mine.size()));
                if (dice < 30) {
                    String prefix = someone.name().substring(0, Math.min(2, someone.name().length()));
                    stats.time("customer search", () -> customers.find(prefix, 0, 50));
                } else if (dice < 55) {
                    String digits = someone.phone() == null ? "" : someone.phone().replaceAll("\\D", "");
                    String tail = digits.length() >= 4 ? digits.substring(digits.length() - 4) : "0000";
                    stats.time("screen pop (last 4 digits)", () -> customers.find(tail, 0, 10));
                } else if (dice < 70) {
                    CustomerRow hot = mine.get(random.nextInt(Math.min(HOT, mine.size())));
                    stats.time("edit a shared customer", () -> {
                        Customer c = customers.get(hot.id());
                        c.setNotes(login + " " + System.nanoTime());
                        customers.save(c);
                        stats.savedEdits.computeIfAbsent(hot.id(), k -> new AtomicInteger()).incrementAndGet();
                        return null;
                    });
                } else if (agent) {
                    stats.time("open a case and reply", () -> {
                        var opened = cases.open(new NewCase(someone.id(), CaseKind.REQUEST, CasePhase.AFTER_SALE,
                                CasePriority.NORMAL, Channel.PHONE, "GENERAL", "来电咨询", "客户来电询问保修", null));
                        return cases.reply(opened.getId(), "已电话答复，保修期内免费维修。");
                    });
                } else if (dice < 85) {
                    stats.time("order entry (save + confirm)", () -> {
                        SalesOrder o = new SalesOrder();
                        o.setCustomer(customers.get(someone.id()));
                        long productId = products.get(random.nextInt(products.size()));
                        Product p = db.read(em -> em.find(Product.class, productId));
                        o.getLines().add(new OrderLine(p, BigDecimal.valueOf(1 + random.nextInt(5)), null));
                        o = orders.save(o);
                        return orders.confirm(o.getId(), o.getVersion(), false);
                    });
                } else {
                    stats.time("pipeline move", () -> {
                        List<OpportunityService.Card> board = deals.find(null, null, OpportunityService.Filter.ALL, 100);
                        List<OpportunityService.Card> open = board.stream().filter(c -> !c.stage().isClosed()).toList();
                        if (open.isEmpty()) {
                            return null;
                        }
                        OpportunityService.Card card = open.get(random.nextInt(open.size()));
                        SalesStage[] stages = SalesStage.open();
                        return deals.move(card.id(), card.version(), stages[random.nextInt(stages.length)], null);
                    });
                }
            }
        }
    }

    /** Latencies per action, and what went wrong, of one phase. */
    private static final class Stats {
        final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
        final Map<Long, AtomicInteger> savedEdits = new ConcurrentHashMap<>();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger deadlocks = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        double seconds;

        interface Action {
            Object run();
        }

        void time(String name, Action action) {
            long t0 = System.nanoTime();
            try {
                action.run();
                nanos.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t0);
            } catch (ConflictException e) {
                conflicts.incrementAndGet();
            } catch (RuntimeException e) {
                if (sqlState(e).equals("40P01")) {
                    deadlocks.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                    Throwable root = e;
                    while (root.getCause() != null && root.getCause() != root) {
                        root = root.getCause();
                    }
                    String kind = name + ": " + String.valueOf(root.getMessage()).lines().findFirst().orElse("");
                    errorKinds.computeIfAbsent(kind.length() > 240 ? kind.substring(0, 240) : kind, k -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
        }

        private static String sqlState(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s && s.getSQLState() != null) {
                    return s.getSQLState();
                }
            }
            return "";
        }

        int count() {
            return nanos.values().stream().mapToInt(List::size).sum();
        }
    }

    private static void print(Stats alone, Stats together, int lost) {
        System.out.printf("%nTeam benchmark on PostgreSQL: %d people at once (each their own login and row policies) for "
                + "%.0f s, beside one rep and one agent alone (%.0f s)%n", USERS, together.seconds, alone.seconds);
        System.out.printf("%-30s %12s %10s %10s   %12s %10s %10s%n", "action", "alone /s", "p50 ms", "p99 ms",
                USERS + " people /s", "p50 ms", "p99 ms");
        for (String action : new java.util.TreeSet<>(together.nanos.keySet())) {
            List<Long> a = alone.nanos.getOrDefault(action, List.of());
            List<Long> t = together.nanos.get(action);
            System.out.printf("%-30s %12.1f %10.2f %10.2f   %12.1f %10.2f %10.2f%n", action, a.size() / alone.seconds,
                    percentile(a, 50), percentile(a, 99), t.size() / together.seconds, percentile(t, 50), percentile(t, 99));
        }
        System.out.printf("%-30s %12.1f %21s   %12.1f%n", "all actions", alone.count() / alone.seconds, "",
                together.count() / together.seconds);
        System.out.printf("conflicts reported (stale edits refused): %d alone, %d together; lost updates: %d; "
                + "deadlocks: %d; other errors: %d%n", alone.conflicts.get(), together.conflicts.get(), lost,
                alone.deadlocks.get() + together.deadlocks.get(), alone.errors.get() + together.errors.get());
        Map<String, AtomicInteger> kinds = new TreeMap<>(alone.errorKinds);
        together.errorKinds.forEach((k, v) -> kinds.merge(k, v, (x, y) -> new AtomicInteger(x.get() + y.get())));
        kinds.forEach((k, v) -> System.out.printf("  error x%d: %s%n", v.get(), k));
    }

    private static double percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
