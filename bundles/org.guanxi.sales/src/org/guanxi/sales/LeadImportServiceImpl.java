package org.guanxi.sales;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guanxi.core.db.Database;
import org.guanxi.core.event.Events;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.Criterion;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.LeadSource;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.SearchKeys;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.FieldError;
import org.guanxi.sales.api.LeadImportService;
import org.guanxi.sales.api.LeadService.Criteria;
import org.guanxi.sales.api.LeadService.Duplicate;
import org.guanxi.core.service.OrderImportService.Problem;
import org.guanxi.core.service.SecurityService;
import org.guanxi.tables.Synonyms;
import org.guanxi.tables.TableFileException;
import org.guanxi.tables.TableReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import jakarta.persistence.EntityManager;

/**
 * Lead import: every line is parsed, checked by the editor's rules and matched against customers, stored leads and the
 * earlier lines before anything is written; then all leads are created in one transaction (scored, coded, audited).
 * A lead list is thousands of lines, not millions, so this goes through JPA like the editor rather than JDBC batches.
 */
@Component(service = LeadImportService.class)
public class LeadImportServiceImpl implements LeadImportService {

    private static final Texts TEXTS = Texts.of(LeadImportServiceImpl.class);
    private static final int MAX_PROBLEMS = 1_000;

    private static final Synonyms<Field> HEADERS = new Synonyms<Field>()
            .add(Field.PERSON, "person", "contact", "name", "personname", "contactname", "联系人", "姓名", "联系人姓名")
            .add(Field.COMPANY, "company", "organisation", "organization", "companyname", "公司", "公司名称", "单位", "企业名称")
            .add(Field.PHONE, "phone", "mobile", "tel", "telephone", "电话", "手机", "手机号", "联系电话")
            .add(Field.EMAIL, "email", "e-mail", "mail", "邮箱", "电子邮件", "电子邮箱")
            .add(Field.CITY, "city", "城市", "所在城市")
            .add(Field.SOURCE, "source", "leadsource", "来源", "线索来源")
            .add(Field.SOURCE_DETAIL, "sourcedetail", "detail", "来源说明", "来源详情")
            .add(Field.OWNER, "owner", "salesrep", "rep", "负责人", "销售", "客户经理")
            .add(Field.NEED, "need", "需求")
            .add(Field.BUDGET, "budget", "purchasingpower", "购买力", "预算")
            .add(Field.AUTHORITY, "authority", "决策权")
            .add(Field.CREDIT, "credit", "信用")
            .add(Field.FIT, "fit", "匹配度")
            .add(Field.ESTIMATED_AMOUNT, "amount", "estimatedamount", "value", "预计金额", "金额")
            .add(Field.CAMPAIGN, "campaign", "campaigncode", "营销活动", "活动编号")
            .add(Field.NOTES, "notes", "note", "remarks", "comment", "备注");

    /** Source names as users write them, in both languages. */
    private static final Synonyms<LeadSource> SOURCES = new Synonyms<LeadSource>()
            .add(LeadSource.CAMPAIGN, "campaign", "营销活动", "市场活动")
            .add(LeadSource.REFERRAL, "referral", "客户推荐", "推荐", "转介绍")
            .add(LeadSource.EXHIBITION, "exhibition", "tradeshow", "trade fair", "展会")
            .add(LeadSource.WEB, "web", "website", "online", "网站", "官网")
            .add(LeadSource.COLD_CALL, "coldcall", "cold call", "电话陌拜", "陌拜")
            .add(LeadSource.OTHER, "other", "其他");

    /** The column a rule of the lead editor is about. */
    private static final Map<String, Field> RULE_FIELDS = Map.ofEntries(Map.entry("personName", Field.PERSON),
            Map.entry("company", Field.COMPANY), Map.entry("phone", Field.PHONE), Map.entry("email", Field.EMAIL),
            Map.entry("city", Field.CITY), Map.entry("source", Field.SOURCE), Map.entry("owner", Field.OWNER), Map.entry("sourceDetail", Field.SOURCE_DETAIL),
            Map.entry("notes", Field.NOTES), Map.entry("estimatedAmount", Field.ESTIMATED_AMOUNT),
            Map.entry("criterion.need", Field.NEED), Map.entry("criterion.budget", Field.BUDGET),
            Map.entry("criterion.authority", Field.AUTHORITY), Map.entry("criterion.credit", Field.CREDIT),
            Map.entry("criterion.fit", Field.FIT));

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public LeadImportServiceImpl(@Reference Database db, @Reference SecurityService security,
            @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Preview preview(Path file, int rows) {
        security.check(Permission.CUSTOMER_READ);
        TableReader.Sample<Field> sample = TableReader.sample(file, rows, HEADERS::propose);
        return new Preview(file.getFileName().toString(), sample.headers(), sample.mapping(), sample.rows());
    }

    @Override
    public Report importLeads(Path file, Map<Integer, Field> mapping, boolean skipDuplicates) {
        security.check(Permission.SALES_WRITE);
        long start = System.nanoTime();
        Run run = new Run(file, mapping);
        if (!mapping.containsValue(Field.PERSON) && !mapping.containsValue(Field.COMPANY)) {
            run.problem(1, null, TEXTS.get("import.noName"));
            return run.report(0, 0, 0, start);
        }
        String user = security.currentUser();
        Report report = db.inTransaction(em -> {
            run.read(em);
            run.findDuplicates(em);
            if (run.badLines > 0 || run.duplicates > 0 && !skipDuplicates) {
                return run.report(0, 0, 0, start);
            }
            Criteria criteria = Database.jdbc(em, LeadServiceImpl::criteria);
            int qualified = 0;
            for (Lead lead : run.leads.values()) {
                Lead saved = LeadServiceImpl.create(em, lead, LeadScoring.score(lead.ratings(), criteria), user, audit);
                qualified += saved.getStatus() == org.guanxi.core.model.LeadStatus.QUALIFIED ? 1 : 0;
                // the persistence context would otherwise hold every lead of the file
                em.detach(saved);
            }
            return run.report(run.leads.size(), qualified, run.duplicates, start);
        });
        if (report.imported() > 0) {
            Events.post(events, Topics.LEAD_CHANGED, -1);
        }
        return report;
    }

    /** One import: the parsed leads by line, and what is wrong with the others. */
    private static final class Run {
        final Path file;
        final String fileName;
        final Map<Field, Integer> columns = new EnumMap<>(Field.class);
        final Map<Field, String> headers = new EnumMap<>(Field.class);
        final Map<Long, Lead> leads = new java.util.LinkedHashMap<>();
        final List<Problem> problems = new ArrayList<>();
        int lines;
        int problemCount;
        int badLines;
        int duplicates;

        Run(Path file, Map<Integer, Field> mapping) {
            this.file = file;
            this.fileName = file.getFileName().toString();
            mapping.forEach((column, field) -> columns.put(field, column));
        }

        void read(EntityManager em) {
            Map<String, Long> campaigns = new HashMap<>();
            try (TableReader table = TableReader.open(file)) {
                Iterator<TableReader.Line> it = table.iterator();
                if (it.hasNext()) {
                    TableReader.Line header = it.next();
                    columns.forEach((field, column) -> headers.put(field, header.get(column)));
                }
                while (it.hasNext()) {
                    TableReader.Line r = it.next();
                    lines++;
                    int before = problemCount;
                    Lead lead = parse(r, em, campaigns);
                    // what could not be read is left empty, so the rules report only the other problems
                    for (FieldError e : LeadServiceImpl.validate(lead)) {
                        problem(r.number(), "leadName".equals(e.field()) ? nameField() : RULE_FIELDS.get(e.field()), e.message());
                    }
                    if (problemCount == before) {
                        leads.put(r.number(), lead);
                    } else {
                        badLines++;
                    }
                }
            } catch (TableFileException e) {
                unreadable(e);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof TableFileException bad)) {
                    throw e;
                }
                unreadable(bad);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + fileName + ": " + e.getMessage(), e);
            }
        }

        /** The file cannot be read as it is (encoding, control character, cells): reported like a bad line. */
        private void unreadable(TableFileException e) {
            problemCount++;
            badLines++;
            problems.add(new Problem(fileName, e.line(), e.column(), e.reason()));
        }

        private Field nameField() {
            return columns.containsKey(Field.COMPANY) ? Field.COMPANY : Field.PERSON;
        }

        private Lead parse(TableReader.Line r, EntityManager em, Map<String, Long> campaigns) {
            Lead lead = new Lead();
            lead.setPersonName(text(r, Field.PERSON));
            lead.setCompany(text(r, Field.COMPANY));
            lead.setPhone(text(r, Field.PHONE));
            lead.setEmail(text(r, Field.EMAIL));
            lead.setCity(text(r, Field.CITY));
            lead.setSourceDetail(text(r, Field.SOURCE_DETAIL));
            lead.setOwner(text(r, Field.OWNER));
            lead.setNotes(text(r, Field.NOTES));
            String source = text(r, Field.SOURCE);
            if (source != null) {
                LeadSource s = SOURCES.propose(source);
                if (s == null) {
                    problem(r.number(), Field.SOURCE, TEXTS.get("import.bad.SOURCE", source));
                } else {
                    lead.setSource(s);
                }
            }
            for (Criterion c : Criterion.values()) {
                Field f = Field.valueOf(c.name());
                String v = text(r, f);
                if (v != null) {
                    try {
                        lead.rate(c, new BigDecimal(v).intValueExact());
                    } catch (ArithmeticException | NumberFormatException e) {
                        problem(r.number(), f, TEXTS.get("import.bad.RATING", v, LeadScoring.MAX_RATING));
                    }
                }
            }
            String amount = text(r, Field.ESTIMATED_AMOUNT);
            if (amount != null) {
                try {
                    lead.setEstimatedAmount(new BigDecimal(amount.replaceAll("[,\\s¥￥]", "")));
                } catch (NumberFormatException e) {
                    problem(r.number(), Field.ESTIMATED_AMOUNT, TEXTS.get("import.bad.AMOUNT", amount));
                }
            }
            String campaign = text(r, Field.CAMPAIGN);
            if (campaign != null) {
                Long id = campaigns.computeIfAbsent(campaign.toUpperCase(Locale.ROOT), code -> campaignId(em, code));
                if (id == null) {
                    problem(r.number(), Field.CAMPAIGN, TEXTS.get("import.bad.CAMPAIGN", campaign));
                } else {
                    lead.setCampaignId(id);
                    if (source == null) {
                        lead.setSource(LeadSource.CAMPAIGN);
                    }
                }
            }
            return lead;
        }

        private static Long campaignId(EntityManager em, String code) {
            return Database.jdbc(em, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CAMPAIGN WHERE CODE = ?")) {
                    ps.setString(1, code);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : null;
                    }
                }
            });
        }

        private String text(TableReader.Line r, Field f) {
            Integer column = columns.get(f);
            if (column == null) {
                return null;
            }
            String v = r.get(column).strip();
            return v.isEmpty() ? null : v;
        }

        /**
         * A lead repeats a customer, a stored lead or an earlier line when its phone or e-mail is the same, or its
         * company name; a person's name alone is too common to call it a duplicate.
         */
        void findDuplicates(EntityManager em) {
            Map<String, Long> seen = new HashMap<>();
            for (Iterator<Map.Entry<Long, Lead>> it = leads.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Long, Lead> e = it.next();
                Lead lead = e.getValue();
                String reason = null;
                Field field = null;
                for (Map.Entry<Field, String> key : keys(lead).entrySet()) {
                    Long first = seen.putIfAbsent(key.getKey() + ":" + key.getValue(), e.getKey());
                    if (first != null && reason == null) {
                        reason = TEXTS.get("import.duplicateLine", first);
                        field = key.getKey();
                    }
                }
                if (reason == null) {
                    for (Duplicate d : Database.jdbc(em, c -> LeadServiceImpl.duplicates(c, lead))) {
                        if (!"name".equals(d.matchedOn()) || lead.getCompany() != null
                                && SearchKeys.nameKey(lead.getCompany()).equals(SearchKeys.nameKey(d.name()))) {
                            reason = TEXTS.get("import.duplicate." + d.kind(), d.code() + " " + d.name());
                            field = "phone".equals(d.matchedOn()) ? Field.PHONE : "email".equals(d.matchedOn()) ? Field.EMAIL : Field.COMPANY;
                            break;
                        }
                    }
                }
                if (reason != null) {
                    problem(e.getKey(), field, reason);
                    duplicates++;
                    it.remove();
                }
            }
        }

        private static Map<Field, String> keys(Lead lead) {
            Map<Field, String> keys = new EnumMap<>(Field.class);
            String phone = SearchKeys.phoneKey(lead.getPhone());
            String mail = SearchKeys.emailKey(lead.getEmail());
            if (phone != null && !phone.isEmpty()) {
                keys.put(Field.PHONE, phone);
            }
            if (mail != null && !mail.isEmpty()) {
                keys.put(Field.EMAIL, mail);
            }
            if (lead.getCompany() != null) {
                keys.put(Field.COMPANY, SearchKeys.nameKey(lead.getCompany()));
            }
            return keys;
        }

        void problem(long line, Field field, String reason) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                String column = field == null ? "" : headers.getOrDefault(field, field.name());
                problems.add(new Problem(fileName, line, column, reason));
            }
        }

        Report report(int imported, int qualified, int skipped, long start) {
            problems.sort(java.util.Comparator.comparingLong(Problem::line));
            return new Report(fileName, lines, imported, qualified, skipped, List.copyOf(problems), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
