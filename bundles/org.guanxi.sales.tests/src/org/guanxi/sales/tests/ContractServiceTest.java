package org.guanxi.sales.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.guanxi.core.AppClock;
import org.guanxi.core.model.Contract;
import org.guanxi.core.model.ContractStatus;
import org.guanxi.sales.api.ContractService;
import org.guanxi.core.model.Customer;
import org.guanxi.core.model.SalesOrder;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.ValidationException;
import org.junit.jupiter.api.Test;
import org.guanxi.sales.ContractTimer;
import org.junit.jupiter.api.io.TempDir;

class ContractServiceTest {

    @TempDir
    Path dir;

    static Contract contract(Customer c, LocalDate start, LocalDate end, int noticeDays) {
        Contract k = new Contract();
        k.setCustomerId(c.getId());
        k.setTitle("年度维护合同");
        k.setStartDate(start);
        k.setEndDate(end);
        k.setAmount(new BigDecimal("120000"));
        k.setPaymentTerms("季度预付");
        k.setRenewalNoticeDays(noticeDays);
        return k;
    }

    @Test
    void aContractIsDraftedSignedAndShownWhenItsRenewalIsDue() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            LocalDate today = AppClock.today();
            Contract soon = f.contracts.save(contract(c, today.minusMonths(11), today.plusDays(20), 30));
            Contract later = f.contracts.save(contract(c, today.minusMonths(1), today.plusMonths(11), 30));
            assertEquals(ContractStatus.DRAFT, soon.getStatus());
            assertEquals("HT", soon.getContractNo().substring(0, 2));
            assertEquals(List.of(), f.contracts.renewalsDue(today), "drafts are not in force");
            soon = f.contracts.activate(soon.getId(), soon.getVersion(), today.minusMonths(11));
            f.contracts.activate(later.getId(), later.getVersion(), today.minusMonths(1));
            assertEquals(List.of(soon.getId()), f.contracts.renewalsDue(today).stream().map(Contract::getId).toList());
            assertEquals(2, f.contracts.renewalsDue(today.plusMonths(11)).size());

            // the list: by customer name, number or title, status, and renewals due
            assertEquals(2, f.contracts.find("华东", null, null, 10).size());
            assertEquals(List.of(soon.getContractNo()), f.contracts.find(soon.getContractNo(), null, null, 10).stream()
                    .map(ContractService.ContractRow::contractNo).toList());
            ContractService.ContractRow due = f.contracts.find("", null, today, 10).get(0);
            assertEquals(soon.getId(), due.id());
            assertEquals("华东机械有限公司", due.customer());
            assertEquals(today.minusDays(10), due.renewalDate());
            assertEquals(1, f.contracts.find("", null, today, 10).size());
            assertEquals(0, f.contracts.find("", ContractStatus.DRAFT, null, 10).size());
        }
    }

    @Test
    void renewalStartsASuccessorOfTheSameLengthTheDayAfterTheEnd() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            Contract k = f.contracts.save(contract(c, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 60));
            k = f.contracts.activate(k.getId(), k.getVersion(), LocalDate.of(2025, 12, 20));
            Contract next = f.contracts.renew(k.getId(), k.getVersion());
            assertEquals(LocalDate.of(2027, 1, 1), next.getStartDate());
            assertEquals(LocalDate.of(2027, 12, 31), next.getEndDate());
            assertEquals(ContractStatus.DRAFT, next.getStatus());
            assertEquals(k.getId(), next.getRenewedFromId());
            assertEquals("季度预付", next.getPaymentTerms());
            assertEquals(ContractStatus.RENEWED, f.contracts.get(k.getId()).getStatus());
            Contract old = f.contracts.get(k.getId());
            assertThrows(GuanxiException.class, () -> f.contracts.renew(old.getId(), old.getVersion()), "renewed once");
        }
    }

    @Test
    void pastTheirEndContractsExpireOrRenewThemselves() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            LocalDate today = AppClock.today();
            Contract plain = f.contracts.save(contract(c, today.minusYears(1), today.minusDays(1), 30));
            Contract auto = contract(c, today.minusYears(1), today.minusDays(1), 30);
            auto.setAutoRenew(true);
            auto = f.contracts.save(auto);
            f.contracts.activate(plain.getId(), plain.getVersion(), today.minusYears(1));
            f.contracts.activate(auto.getId(), auto.getVersion(), today.minusYears(1));
            // the product's daily timer does it, once a day whichever desktop or server looks first
            ContractTimer timer = new ContractTimer(f.contracts, f.db, f.security);
            assertEquals(2, timer.runIfDue());
            assertEquals(-1, new ContractTimer(f.contracts, f.db, f.security).runIfDue(), "done for today");
            assertEquals(ContractStatus.EXPIRED, f.contracts.get(plain.getId()).getStatus());
            assertEquals(ContractStatus.RENEWED, f.contracts.get(auto.getId()).getStatus());
            List<Contract> all = f.contracts.ofCustomer(c.getId());
            assertEquals(3, all.size());
            Contract successor = all.get(0);
            assertEquals(ContractStatus.ACTIVE, successor.getStatus());
            assertEquals(today, successor.getStartDate());
        }
    }

    @Test
    void badDatesAreRefusedAndAnOrdersDraftCarriesItsAmount() throws Exception {
        try (SalesFixture f = SalesFixture.open(dir)) {
            Customer c = f.customer("华东机械有限公司", null);
            ValidationException e = assertThrows(ValidationException.class,
                    () -> f.contracts.save(contract(c, LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), 30)));
            assertEquals("endDate", e.getErrors().get(0).field());
            SalesOrder o = f.orders.save(OrderServiceTest.order(c, f.product("SV-1", "8000", null), 1));
            Contract draft = f.contracts.draftFor(o.getId());
            assertEquals(0, new BigDecimal("8000").compareTo(draft.getAmount()));
            assertEquals(o.getId(), f.contracts.save(draft).getOrderId());
        }
    }
}
