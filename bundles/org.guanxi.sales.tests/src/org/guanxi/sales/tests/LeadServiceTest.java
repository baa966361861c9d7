package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.model.Contact;
import org.guanxi.core.model.Criterion;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.Lead;
import org.guanxi.core.model.LeadSource;
import org.guanxi.core.model.LeadStatus;
import org.guanxi.core.model.Opportunity;
import org.guanxi.core.model.PartyKind;
import org.guanxi.core.model.SalesStage;
import org.guanxi.core.service.ConflictException;
import org.guanxi.sales.api.LeadService.Conversion;
import org.guanxi.sales.api.LeadService.Converted;
import org.guanxi.sales.api.LeadService.Duplicate;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadServiceTest {

    @TempDir
    Path dir;

    static Lead lead(String person, String company, String phone, String email) {
        Lead l = new Lead();
        l.setPersonName(person);
        l.setCompany(company);
        l.setPhone(phone);
        l.setEmail(email);
        l.setSource(LeadSource.EXHIBITION);
        return l;
    }

    private static void rate(Lead l, int need, int budget, int authority, int credit, int fit) {
        l.rate(Criterion.NEED, need);
        l.rate(Criterion.BUDGET, budget);
        l.rate(Criterion.AUTHORITY, authority);
        l.rate(Criterion.CREDIT, credit);
        l.rate(Criterion.FIT, fit);
    }

    @Test
    void aLeadIsNumberedScoredAndQualifiedByItsScore() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Lead l = lead("  王小明 ", "华东机械有限公司", "138 0013 8000", "wang@huadong.cn");
            rate(l, 4, 3, 5, 2, 0);
            Lead saved = f.leads.save(l);
            assertEquals("L0000001", saved.getCode());
            assertEquals("王小明", saved.getPersonName(), "trimmed");
            assertEquals(65, saved.getScore());
            assertEquals(LeadStatus.QUALIFIED, saved.getStatus());
            assertEquals(f.security.currentUser(), saved.getOwner());

            saved.rate(Criterion.AUTHORITY, 1);
            Lead lowered = f.leads.save(saved);
            assertEquals(49, lowered.getScore());
            assertEquals(LeadStatus.NEW, lowered.getStatus(), "below the threshold again");
            assertEquals("L0000002", f.leads.save(lead("李四", null, null, null)).getCode());
            assertEquals(1, f.leads.find("华东", null, 10).size());
            assertEquals(1, f.leads.find("huadong", null, 10).size(), "pinyin prefix");
            assertEquals(1, f.leads.find("13800", LeadStatus.NEW, 10).size(), "phone prefix in digits");
            assertEquals(0, f.leads.find("13800", LeadStatus.QUALIFIED, 10).size());
        }
    }

    @Test
    void readOnlyAndMarketingSeeALeadsPhoneAndEmailMaskedAndAMaskedFormSavesTheValuesHeld() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            long id = f.leads.save(lead("王小明", "华东机械有限公司", "13800138000", "wang@huadong.cn")).getId();
            f.security.createUser("ro", "RO", "secret-12".toCharArray(), "READONLY");
            f.security.createUser("rep", "Rep", "secret-12".toCharArray(), "SALES");
            assertTrue(f.security.login("ro", "secret-12".toCharArray()));
            assertEquals("138****8000", f.leads.find("13800138000", null, 10).get(0).phone(), "found by the full phone");
            assertTrue(f.leads.find("1380013", null, 10).isEmpty(), "not uncovered digit by digit");
            assertEquals("w***@huadong.cn", f.leads.get(id).getEmail());
            // a rep whose role lost PERSONAL_DATA edits the lead they see masked
            f.db.jdbc(c -> c.createStatement().executeUpdate("DELETE FROM ROLE_PERMISSION WHERE PERMISSION = 'PERSONAL_DATA' "
                    + "AND ROLE_ID = (SELECT ID FROM APP_ROLE WHERE NAME = 'SALES')"));
            assertTrue(f.security.login("rep", "secret-12".toCharArray()));
            Lead shown = f.leads.get(id);
            assertEquals("138****8000", shown.getPhone());
            shown.setCompany("华东机械股份有限公司");
            f.leads.save(shown);
            String[] held = f.db.jdbc(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT PHONE, EMAIL, COMPANY FROM SALES_LEAD WHERE ID = " + id)) {
                    rs.next();
                    return new String[] { rs.getString(1), rs.getString(2), rs.getString(3) };
                }
            });
            assertEquals(java.util.List.of("13800138000", "wang@huadong.cn", "华东机械股份有限公司"), java.util.List.of(held));
        }
    }

    @Test
    void badInputIsRefusedWithEveryField() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Lead l = lead(" ", null, "call me", "not-mail");
            l.rate(Criterion.NEED, 7);
            l.setEstimatedAmount(new BigDecimal("-1"));
            ValidationException e = assertThrows(ValidationException.class, () -> f.leads.save(l));
            assertEquals(List.of("leadName", "phone", "email", "criterion.need", "estimatedAmount"),
                    e.getErrors().stream().map(x -> x.field()).toList());
            assertTrue(e.getMessage().contains("Need must be between 0 and 5"), e.getMessage());
            assertTrue(f.leads.find("", null, 10).isEmpty(), "nothing written");
        }
    }

    @Test
    void duplicatesAreFoundAmongCustomersAndLeads() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", "+86 138-0013-8000");
            f.leads.save(lead("Anna Garcia", null, null, "Anna.Garcia@example.com"));
            Lead probe = lead("王小明", "华东机械有限公司", "13800138000", "anna.garcia@example.com");
            List<Duplicate> d = f.leads.duplicates(probe);
            assertEquals(2, d.size(), d.toString());
            assertEquals("customer", d.get(0).kind());
            assertEquals(c.getId(), d.get(0).id());
            assertEquals("phone", d.get(0).matchedOn(), "the same number however written");
            assertEquals("lead", d.get(1).kind());
            assertEquals("email", d.get(1).matchedOn(), "e-mail regardless of case");
            assertTrue(f.leads.duplicates(lead("Somebody Else", null, null, null)).isEmpty());
        }
    }

    @Test
    void conversionCreatesCustomerContactAndOpportunityInOneStep() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Lead l = lead("王小明", "华东机械有限公司", "13800138000", "wang@huadong.cn");
            l.setEstimatedAmount(new BigDecimal("120000"));
            rate(l, 5, 4, 4, 3, 3);
            Lead saved = f.leads.save(l);
            Converted done = f.leads.convert(saved.getId(), saved.getVersion(),
                    new Conversion(null, "数控机床二期", null, LocalDate.of(2027, 3, 31)));

            Customer c = f.customers.get(done.customerId());
            assertEquals(PartyKind.ORGANISATION, c.getKind());
            assertEquals("华东机械有限公司", c.getName());
            assertEquals("EXHIBITION", c.getSource());
            Contact contact = c.getContacts().get(0);
            assertEquals(done.contactId(), contact.getId());
            assertEquals("王小明", contact.getName());
            Opportunity o = f.opportunities.get(done.opportunityId());
            assertEquals(SalesStage.QUALIFICATION, o.getStage());
            assertEquals(0, new BigDecimal("120000").compareTo(o.getAmount()), "the lead's estimate");
            assertEquals(saved.getId(), o.getLeadId());
            Lead after = f.leads.get(saved.getId());
            assertEquals(LeadStatus.CONVERTED, after.getStatus());
            assertEquals(done.customerId(), after.getCustomerId());

            ValidationException again = assertThrows(ValidationException.class, () -> f.leads.convert(after.getId(), after.getVersion(),
                    new Conversion(null, "again", null, LocalDate.of(2027, 3, 31))));
            assertTrue(again.getMessage().contains("already been converted"), again.getMessage());
            assertThrows(ConflictException.class, () -> f.leads.convert(after.getId(), saved.getVersion(),
                    new Conversion(null, "stale", null, LocalDate.of(2027, 3, 31))));
        }
    }

    @Test
    void aPersonLeadBecomesAPersonCustomerWithoutExtraContact() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Lead saved = f.leads.save(lead("李四", null, "13900001111", null));
            Converted done = f.leads.convert(saved.getId(), saved.getVersion(),
                    new Conversion(null, "家用套装", new BigDecimal("5800"), LocalDate.of(2027, 1, 15)));
            Customer c = f.customers.get(done.customerId());
            assertEquals(PartyKind.PERSON, c.getKind());
            assertTrue(c.getContacts().isEmpty());
            assertNull(done.contactId());
        }
    }

    @Test
    void conversionToAnExistingCustomerAddsTheContactAndFailsAsAWhole() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer existing = f.customer("华东机械有限公司", null);
            Lead saved = f.leads.save(lead("赵六", "华东机械", null, null));
            assertThrows(NotFoundException.class, () -> f.leads.convert(saved.getId(), saved.getVersion(),
                    new Conversion(999_999L, "x", null, LocalDate.of(2027, 1, 15))));
            assertEquals(LeadStatus.NEW, f.leads.get(saved.getId()).getStatus(), "a failed conversion changes nothing");
            assertTrue(f.opportunities.ofCustomer(existing.getId()).isEmpty());

            Converted done = f.leads.convert(saved.getId(), saved.getVersion(),
                    new Conversion(existing.getId(), "备件年度合同", new BigDecimal("80000"), LocalDate.of(2027, 6, 30)));
            assertEquals(existing.getId(), done.customerId());
            Customer after = f.customers.get(existing.getId());
            assertEquals("赵六", after.getContacts().get(0).getName());
            assertTrue(after.getVersion() > existing.getVersion(), "the customer's version moves on with the new contact");
            assertNotNull(done.contactId());
            assertEquals(1, f.opportunities.ofCustomer(existing.getId()).size());
        }
    }

    @Test
    void disqualifiedLeadsKeepTheirReasonAndAreNotConverted() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Lead saved = f.leads.save(lead("钱七", null, null, null));
            assertThrows(ValidationException.class, () -> f.leads.disqualify(saved.getId(), saved.getVersion(), " "));
            Lead out = f.leads.disqualify(saved.getId(), saved.getVersion(), "无预算，明年再联系");
            assertEquals(LeadStatus.DISQUALIFIED, out.getStatus());
            assertEquals("无预算，明年再联系", out.getNotes());
            assertThrows(ValidationException.class, () -> f.leads.convert(out.getId(), out.getVersion(),
                    new Conversion(null, "x", null, LocalDate.of(2027, 1, 15))));
            out.rate(Criterion.NEED, 5);
            assertEquals(LeadStatus.DISQUALIFIED, f.leads.save(out).getStatus(), "a decision is not undone by a new score");
        }
    }

    @Test
    void criteriaAreSharedSettings() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            var weights = new java.util.EnumMap<>(f.leads.criteria().weights());
            weights.put(Criterion.FIT, 50);
            f.leads.saveCriteria(new org.guanxi.sales.api.LeadService.Criteria(weights, 40));
            assertEquals(50, f.leads.criteria().weights().get(Criterion.FIT));
            assertEquals(40, f.leads.criteria().qualifyingScore());
            weights.put(Criterion.FIT, 101);
            assertThrows(ValidationException.class,
                    () -> f.leads.saveCriteria(new org.guanxi.sales.api.LeadService.Criteria(weights, 40)));
        }
    }
}
