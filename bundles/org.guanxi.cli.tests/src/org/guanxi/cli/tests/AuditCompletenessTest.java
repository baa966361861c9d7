package org.guanxi.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.guanxi.cli.CommandLine;
import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.model.CaseKind;
import org.guanxi.core.model.CasePhase;
import org.guanxi.core.model.CasePriority;
import org.guanxi.core.model.CallDisposition;
import org.guanxi.core.model.Channel;
import org.guanxi.core.model.ComplaintCategory;
import org.guanxi.core.model.ComplaintSeverity;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Department;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.LeadSource;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.Product;
import org.guanxi.core.model.ResponseSource;
import org.guanxi.core.model.Segment;
import org.guanxi.core.model.Survey;
import org.guanxi.core.model.SurveyQuestion;
import org.guanxi.core.model.Tier;
import org.guanxi.core.model.KnowledgeArticle;
import org.guanxi.core.model.Objection;
import org.guanxi.core.model.ObjectionKind;
import org.guanxi.core.model.ObjectionMethod;
import org.guanxi.core.model.ObjectionOutcome;
import org.guanxi.core.model.SalesStage;
import org.guanxi.sales.api.ActivityService;
import org.guanxi.core.service.DeliveredValueService;
import org.guanxi.service.api.KnowledgeBase;
import org.guanxi.sales.api.ObjectionService;
import org.guanxi.sales.api.OpportunityService;
import org.guanxi.sales.api.QuoteService;
import org.guanxi.service.api.CallCentre;
import org.guanxi.marketing.api.CampaignService;
import org.guanxi.core.service.CareService;
import org.guanxi.core.service.CaseService;
import org.guanxi.sales.api.CatalogService;
import org.guanxi.core.service.ChurnService;
import org.guanxi.service.api.ComplaintService;
import org.guanxi.sales.api.ContractService;
import org.guanxi.core.service.CustomerService;
import org.guanxi.core.service.DataQualityService;
import org.guanxi.sales.api.ForecastService;
import org.guanxi.core.service.InteractionService;
import org.guanxi.core.service.KeyAccountService;
import org.guanxi.sales.api.LeadImportService;
import org.guanxi.sales.api.LeadService;
import org.guanxi.core.service.LoyaltyService;
import org.guanxi.sales.api.OrderService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.ServiceLevelService;
import org.guanxi.core.service.SurveyService;
import org.guanxi.core.service.TaskService;
import org.guanxi.core.service.WorkingCalendarService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Every write of a service leaves a row in the audit trail (PIPL, and the README's promise). Each step calls one
 * write method through the running OSGi service, as the workbench does; the database is fingerprinted around it
 * (every row of every table), and a step that changed a table other than the technical ones without adding an
 * AUDIT_LOG row fails the test with the step and the tables it wrote. A second check makes every service interface
 * that can write name a step here or a reason why its audit is proven elsewhere, so a new service cannot slip by.
 */
class AuditCompletenessTest {

    /** Tables written without a trail of their own, and why. */
    private static final Map<String, String> TECHNICAL = Map.of(
            "AUDIT_LOG", "the trail itself",
            "OUTBOX", "messages to the ERP: the change that queues one is audited",
            "OUTBOX_EVENT", "the messages' delivery history",
            "INTEGRATION_STATE", "the routes' own bookkeeping",
            "INTEGRATION_LEADER", "which server runs the routes",
            "INTEGRATION_FILE", "files the routes have taken in");

    /** Services that write but have no step here: the tests that cover them, or why they keep no trail. */
    private static final Map<String, String> ELSEWHERE = Map.ofEntries(
            Map.entry("AuditLog", "is the trail"), Map.entry("ExportLog", "writes the trail (AnalyzeCommandTest)"),
            Map.entry("DemoDataService", "a loader of sample data"), Map.entry("IntegrationService", "route files, not the database"),
            Map.entry("Outbox", "queued within audited changes"), Map.entry("ErpOrderSync", "OrderRelayTest"),
            Map.entry("ErpPartnerSync", "CustomerSyncTest"), Map.entry("DeadLetterService", "OrderRelayTest"),
            Map.entry("CustomerImportService", "CustomerImportTest: one row per import"),
            Map.entry("CustomerExportService", "CustomerExportTest: every export recorded"),
            Map.entry("OrderImportService", "OrderImportTest"), 
            Map.entry("PrivacyService", "PrivacyEraseTest, PrivacyExportTest, RetentionTest"),
            Map.entry("CustomerMergeService", "DataQualityTest"), Map.entry("PersonalDataService", "CustomerMaskingTest"),
            Map.entry("SurveyInvitations", "SurveyInvitationsTest"), Map.entry("SurveyLinks", "SurveyLinkTest"),
            Map.entry("CareOutreach", "CareOutreachTest"),
            Map.entry("CustomerValueService", "stored results are not audited (README)"),
            Map.entry("HeadlessCredentials", "reads a credentials file"));

    /** Names of methods that change data. */
    private static final Pattern WRITE = Pattern.compile("(save|set|create|delete|remove|add|record|log|grant|redeem|approve|"
            + "refuse|open|note|reply|resolve|close|reopen|assign|transfer|file|classify|confirm|cancel|complete|move|"
            + "activate|terminate|renew|answer|end|dismiss|merge|undo|unsubscribe|respond|send|import|erase|apply|generate|"
            + "expire|earn|invite|discard|replay|plan|follow|accepted|draft|wait|change|reset|disable|enable|analyse|"
            + "queue|convert|win|lose|qualify|reveal|export).*");

    private record Step(Class<?> service, String name, Runnable call) {
    }

    private BundleContext bc;
    private Database db;

    @BeforeEach
    void services() {
        AnalyzeCommandTest.ensureDemoData();
        bc = FrameworkUtil.getBundle(CommandLine.class).getBundleContext();
        db = service(Database.class);
        service(SecurityService.class).signInAsProcess();
    }

    private <T> T service(Class<T> type) {
        return bc.getService(bc.getServiceReference(type));
    }

    @Test
    void everyServiceWriteLeavesAnAuditRow() throws Exception {
        List<String> unaudited = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        for (Step step : steps()) {
            Map<String, Long> before = fingerprint();
            step.call().run();
            Map<String, Long> after = fingerprint();
            Set<String> written = new TreeSet<>();
            after.forEach((table, hash) -> {
                if (!hash.equals(before.get(table)) && !TECHNICAL.containsKey(table)) {
                    written.add(table);
                }
            });
            boolean audited = !after.get("AUDIT_LOG").equals(before.get("AUDIT_LOG"));
            if (written.isEmpty()) {
                idle.add(step.name());
            } else if (!audited) {
                unaudited.add(step.name() + " wrote " + written + " without an audit row");
            }
        }
        assertEquals(List.of(), unaudited);
        assertEquals(List.of(), idle, "steps that changed nothing test nothing");
    }

    @Test
    void everyServiceThatWritesHasAStepOrAReason() {
        Set<String> stepped = new TreeSet<>();
        for (Step s : steps()) {
            stepped.add(s.service().getSimpleName());
        }
        List<String> uncovered = new ArrayList<>();
        for (Class<?> api : serviceInterfaces()) {
            boolean writes = false;
            for (Method m : api.getDeclaredMethods()) {
                writes |= !m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers()) && WRITE.matcher(m.getName()).matches();
            }
            if (writes && !stepped.contains(api.getSimpleName()) && !ELSEWHERE.containsKey(api.getSimpleName())) {
                uncovered.add(api.getSimpleName());
            }
        }
        assertEquals(List.of(), uncovered, "services that write, with no step here and no test named for their audit");
        assertTrue(stepped.size() >= 20, stepped.toString());
    }

    /** The interfaces of the API packages: the shared one of core, and those the modules own. */
    private List<Class<?>> serviceInterfaces() {
        List<Class<?>> out = new ArrayList<>();
        out.addAll(interfaces(CustomerService.class, "org/guanxi/core/service"));
        out.addAll(interfaces(org.guanxi.sales.api.LeadService.class, "org/guanxi/sales/api"));
        out.addAll(interfaces(org.guanxi.marketing.api.CampaignService.class, "org/guanxi/marketing/api"));
        out.addAll(interfaces(org.guanxi.service.api.CallCentre.class, "org/guanxi/service/api"));
        return out;
    }

    /** The interfaces of {@code folder} in the bundle of {@code member}. */
    private static List<Class<?>> interfaces(Class<?> member, String folder) {
        org.osgi.framework.Bundle bundle = FrameworkUtil.getBundle(member);
        List<Class<?>> out = new ArrayList<>();
        var entries = bundle.findEntries(folder, "*.class", false);
        while (entries != null && entries.hasMoreElements()) {
            String path = entries.nextElement().getPath();
            String name = path.substring(path.indexOf("org/guanxi")).replace('/', '.').replace(".class", "");
            if (name.contains("$")) {
                continue;
            }
            try {
                Class<?> c = bundle.loadClass(name);
                if (c.isInterface()) {
                    out.add(c);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no interfaces in " + folder + " of " + bundle.getSymbolicName());
        }
        return out;
    }

    /**
     * The steps, on demo customer C0000200 (the other command tests count the customers and use others): where a step
     * changes a shared setting, a later step puts it back, which is a write of its own.
     */
    private List<Step> steps() {
        CustomerService customers = service(CustomerService.class);
        SecurityService security = service(SecurityService.class);
        LocalDate today = AppClock.today();
        long customer = first("SELECT ID FROM CUSTOMER WHERE CODE = 'C0000200'");
        Map<String, Long> made = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(CustomerService.class, "a new customer", () -> {
            Customer c = new Customer();
            c.setKind(PartyKind.PERSON);
            c.setName("审计删除");
            made.put("new", customers.save(c).getId());
        }));
        steps.add(new Step(CustomerService.class, "a customer deleted (the other command tests count 300)", () -> {
            Customer c = customers.get(made.get("new"));
            customers.delete(c.getId(), c.getVersion());
        }));
        steps.add(new Step(CustomerService.class, "a changed customer", () -> {
            Customer c = customers.get(customer);
            c.setPhone("13612345678");
            c.setEmail("audit.test@example.cn");
            c.setConsentEmail(true);
            c.setPersonalised(false);
            customers.save(c);
        }));
        steps.add(new Step(InteractionService.class, "an interaction",
                () -> service(InteractionService.class).log(customer, Channel.PHONE, "审计回访", null)));
        TaskService tasks = service(TaskService.class);
        steps.add(new Step(TaskService.class, "a task", () -> made.put("task", tasks.create(customer, "审计任务", today.plusDays(2)))));
        steps.add(new Step(TaskService.class, "a task completed", () -> tasks.complete(made.get("task"))));
        KeyAccountService accounts = service(KeyAccountService.class);
        steps.add(new Step(KeyAccountService.class, "a key-account review",
                () -> accounts.recordReview(customer, today, "审计发现", "下一步")));
        steps.add(new Step(KeyAccountService.class, "a key-account member",
                () -> accounts.addMember(customer, security.currentUser(), KeyAccountService.TeamRole.SERVICE)));
        CaseService cases = service(CaseService.class);
        steps.add(new Step(CaseService.class, "a case", () -> made.put("case", cases.open(new CaseService.NewCase(customer,
                CaseKind.REQUEST, CasePhase.AFTER_SALE, CasePriority.NORMAL, Channel.PHONE, null, "审计工单", "描述", null)).getId())));
        steps.add(new Step(CaseService.class, "a case note", () -> cases.note(made.get("case"), "内部备注")));
        steps.add(new Step(CaseService.class, "a case resolved", () -> cases.resolve(made.get("case"), "已解答")));
        steps.add(new Step(ComplaintService.class, "a complaint", () -> service(ComplaintService.class).file(
                new ComplaintService.NewComplaint(customer, Channel.PHONE, ComplaintCategory.PRODUCT, ComplaintSeverity.MAJOR,
                        Department.QUALITY, "审计投诉", null, null))));
        CallCentre calls = service(CallCentre.class);
        steps.add(new Step(CallCentre.class, "a call answered", () -> made.put("call", calls.answer("13612345678", "21").id())));
        steps.add(new Step(CallCentre.class, "a call ended", () -> calls.end(made.get("call"),
                new CallCentre.Ending(CallDisposition.COMPLETED, true, null, "已处理", null))));
        String ivr = calls.ivr().text();
        steps.add(new Step(CallCentre.class, "the IVR menu", () -> calls.saveIvr(ivr + "\n# audit")));
        steps.add(new Step(CallCentre.class, "the IVR menu restored", () -> calls.saveIvr(ivr)));
        ServiceLevelService levels = service(ServiceLevelService.class);
        ServiceLevelService.ServiceLevel level = levels.level(Tier.MAJOR, CasePriority.LOW);
        steps.add(new Step(ServiceLevelService.class, "a service level", () -> levels.setLevel(new ServiceLevelService.ServiceLevel(
                level.tier(), level.priority(), level.firstResponse().plus(Duration.ofHours(1)), level.resolution()))));
        steps.add(new Step(ServiceLevelService.class, "a service level restored", () -> levels.setLevel(level)));
        steps.add(new Step(WorkingCalendarService.class, "a calendar day", () -> service(WorkingCalendarService.class)
                .setDay(new WorkingCalendarService.CalendarDay(today.plusYears(3), false, "审计假日"))));
        steps.add(new Step(SurveyService.class, "a survey response", () -> {
            SurveyService surveys = service(SurveyService.class);
            Survey csi = surveys.survey("CSI");
            Map<Long, Integer> scores = new LinkedHashMap<>();
            for (SurveyQuestion q : csi.getQuestions()) {
                scores.put(q.getId(), q.getScaleMax());
            }
            surveys.record(new SurveyService.NewResponse(csi.getId(), customer, null, null, ResponseSource.CALL, AppClock.now(),
                    scores, null));
        }));
        LoyaltyService loyalty = service(LoyaltyService.class);
        steps.add(new Step(LoyaltyService.class, "points granted", () -> loyalty.grant(customer, 10, null, "审计")));
        steps.add(new Step(LoyaltyService.class, "points redeemed", () -> loyalty.redeem(customer, 5, "审计兑换")));
        CampaignService campaigns = service(CampaignService.class);
        steps.add(new Step(CampaignService.class, "a segment", () -> {
            Segment s = new Segment();
            s.setName("审计分群");
            s.setCities(List.of("宁波"));
            s.setCreatedBy(security.currentUser());
            campaigns.saveSegment(s);
        }));
        steps.add(new Step(CampaignService.class, "an unsubscribe", () -> campaigns.unsubscribe("audit.test@example.cn", null)));
        CampaignService.MailSettings mail = campaigns.mailSettings();
        steps.add(new Step(CampaignService.class, "mail settings", () -> campaigns.saveMailSettings(new CampaignService.MailSettings(
                "smtp.audit.example.cn", 2525, !mail.startTls(), "audit", "crm@audit.example.cn", "审计", mail.perMinute() + 1))));
        // the defaults' sender (crm@localhost) is no address the form accepts: set back all but that
        steps.add(new Step(CampaignService.class, "mail settings set back", () -> campaigns.saveMailSettings(new CampaignService.MailSettings(
                mail.host(), mail.port(), mail.startTls(), mail.username(), "crm@example.cn", mail.fromName(), mail.perMinute()))));
        steps.add(new Step(DataQualityService.class, "a dismissed duplicate", () -> service(DataQualityService.class)
                .dismiss(customer, first("SELECT MIN(ID) FROM CUSTOMER"))));
        ChurnService churn = service(ChurnService.class);
        ChurnService.Rules rules = churn.rules();
        steps.add(new Step(ChurnService.class, "churn rules", () -> churn.saveRules(new ChurnService.Rules(rules.silenceFactor() + 0.5,
                rules.minOrders(), rules.spendDrop(), rules.complaintDays()))));
        steps.add(new Step(ChurnService.class, "churn rules restored", () -> churn.saveRules(rules)));
        steps.add(new Step(ChurnService.class, "the churn job's win-backs", () -> assertTrue(churn.generateWinBacks(today.plusMonths(6)) > 0)));
        steps.add(new Step(CareService.class, "the care job's tasks", () -> assertTrue(service(CareService.class)
                .planTasks(today.plusDays(15), today.plusDays(60), n -> { }) > 0)));
        steps.add(new Step(SecurityService.class, "a user", () -> security.createUser("audit.user", "审计用户",
                "secret-123".toCharArray(), "READONLY")));
        ForecastService forecast = service(ForecastService.class);
        steps.add(new Step(ForecastService.class, "a sales target", () -> forecast.saveTarget(ForecastService.Scope.COMPANY, "",
                YearMonth.of(2040, 1), new BigDecimal("123456.00"))));
        steps.add(new Step(ForecastService.class, "a sales team", () -> forecast.assignTeam("audit.user", "审计组")));
        CatalogService catalog = service(CatalogService.class);
        long productId = first("SELECT MIN(ID) FROM PRODUCT");
        String productName = catalog.product(productId).getName();
        steps.add(new Step(CatalogService.class, "a product", () -> {
            Product p = catalog.product(productId);
            p.setName(productName + "（审计）");
            catalog.saveProduct(p);
        }));
        steps.add(new Step(CatalogService.class, "a product restored", () -> {
            Product p = catalog.product(productId);
            p.setName(productName);
            catalog.saveProduct(p);
        }));
        OrderService orders = service(OrderService.class);
        steps.add(new Step(OrderService.class, "an order cancelled", () -> {
            long id = first("SELECT MAX(ID) FROM SALES_ORDER WHERE STATUS IN ('DRAFT', 'CONFIRMED')");
            orders.cancel(id, orders.get(id).getVersion(), "审计取消");
        }));
        ContractService contracts = service(ContractService.class);
        steps.add(new Step(ContractService.class, "a contract", () -> contracts.save(contracts.draftFor(
                first("SELECT MAX(ID) FROM SALES_ORDER WHERE STATUS = 'DELIVERED'")))));
        ActivityService activities = service(ActivityService.class);
        steps.add(new Step(ActivityService.class, "an activity completed", () -> {
            var a = activities.get(first("SELECT MIN(ID) FROM ACTIVITY WHERE STATUS = 'PLANNED'"));
            activities.complete(a.getId(), a.getVersion(), "审计完成");
        }));
        steps.add(new Step(LeadService.class, "a lead", () -> {
            Lead l = new Lead();
            l.setPersonName("审计线索");
            l.setPhone("13512345678");
            l.setSource(LeadSource.WEB);
            service(LeadService.class).save(l);
        }));
        steps.add(new Step(ObjectionService.class, "an objection", () -> {
            Objection o = new Objection();
            o.setCustomerId(customer);
            o.setKind(ObjectionKind.PRICE);
            o.setStatement("太贵了");
            o.setMethod(ObjectionMethod.COMPENSATION);
            o.setResponse("付款条件");
            o.setOutcome(ObjectionOutcome.PARTLY);
            service(ObjectionService.class).log(o);
        }));
        steps.add(new Step(KnowledgeBase.class, "a knowledge-base article", () -> {
            KnowledgeArticle a = new KnowledgeArticle();
            a.setTitle("审计文章");
            a.setBody("如何处理审计");
            a.setTags("审计");
            service(KnowledgeBase.class).save(a);
        }));
        OpportunityService deals = service(OpportunityService.class);
        Map<SalesStage, Integer> probabilities = deals.stageProbabilities();
        steps.add(new Step(OpportunityService.class, "stage probabilities", () -> {
            Map<SalesStage, Integer> changed = new java.util.EnumMap<>(probabilities);
            changed.put(SalesStage.PROSPECTING, probabilities.get(SalesStage.PROSPECTING) + 1);
            deals.saveStageProbabilities(changed);
        }));
        steps.add(new Step(OpportunityService.class, "stage probabilities restored", () -> deals.saveStageProbabilities(probabilities)));
        QuoteService quotes = service(QuoteService.class);
        Map<String, BigDecimal> limits = quotes.discountLimits();
        steps.add(new Step(QuoteService.class, "discount limits", () -> {
            Map<String, BigDecimal> changed = new HashMap<>(limits);
            changed.put("SALES", new BigDecimal("7"));
            quotes.saveDiscountLimits(changed);
        }));
        steps.add(new Step(QuoteService.class, "discount limits restored", () -> quotes.saveDiscountLimits(limits)));
        steps.add(new Step(DeliveredValueService.class, "a delivered-value worksheet", () -> {
            DeliveredValueService worksheets = service(DeliveredValueService.class);
            DeliveredValueService.Sheet sheet = worksheets.sheet(DeliveredValueService.Scope.CUSTOMER, Long.toString(customer));
            worksheets.save(new DeliveredValueService.Sheet(sheet.scope(), sheet.key(), "竞争对手甲", "审计", sheet.lines(),
                    sheet.version()));
        }));
        LeadService leads = service(LeadService.class);
        LeadService.Criteria criteria = leads.criteria();
        steps.add(new Step(LeadService.class, "lead scoring", () -> leads.saveCriteria(new LeadService.Criteria(criteria.weights(),
                criteria.qualifyingScore() + 1))));
        steps.add(new Step(LeadService.class, "lead scoring restored", () -> leads.saveCriteria(criteria)));
        steps.add(new Step(LeadImportService.class, "a lead import", () -> {
            try {
                java.nio.file.Path f = java.nio.file.Files.createTempFile("audit-leads", ".csv");
                java.nio.file.Files.writeString(f, "公司名称,联系人,手机,线索来源\r\n审计贸易有限公司,审计联系人,13512340000,展会\r\n",
                        java.nio.charset.StandardCharsets.UTF_8);
                LeadImportService imports = service(LeadImportService.class);
                imports.importLeads(f, imports.preview(f, 5).mapping(), false);
                java.nio.file.Files.delete(f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        return steps;
    }

    private long first(String sql) {
        return db.jdbc(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                assertTrue(rs.next() && rs.getObject(1) != null, sql);
                return rs.getLong(1);
            }
        });
    }

    /** A hash of every row of every table (order-independent), and the audit trail's size. */
    private Map<String, Long> fingerprint() {
        return db.jdbc(c -> {
            Map<String, Long> out = new HashMap<>();
            for (String table : tables(c)) {
                long h = 0;
                long rows = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table); ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        long row = 17;
                        for (int i = 1; i <= n; i++) {
                            row = row * 31 + text(rs.getObject(i)).hashCode();
                        }
                        h += row * 0x9E3779B97F4A7C15L;
                        rows++;
                    }
                }
                out.put(table, h ^ rows);
            }
            return out;
        });
    }

    /** A value's content: a CLOB or BLOB compares by what it holds, not by the object read. */
    private static String text(Object v) throws SQLException {
        if (v instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (v instanceof java.sql.Blob blob) {
            return java.util.Arrays.toString(blob.getBytes(1, (int) blob.length()));
        }
        return v instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : String.valueOf(v);
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> out = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
